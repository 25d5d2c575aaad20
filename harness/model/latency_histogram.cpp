// LatencyHistogram (see latency_histogram.hpp): the log axis, percentiles by cumulative
// counts, and the non-empty-bins form a stored result keeps.
#include "harness/model/latency_histogram.hpp"

#include <algorithm>
#include <cmath>

namespace logintest::harness::model {

namespace {

double bin_ratio() {
    return std::pow(LatencyHistogram::highest_us / LatencyHistogram::lowest_us,
                    1.0 / LatencyHistogram::bin_count);
}

} // namespace

LatencyHistogram::LatencyHistogram()
    : histogram_(std::make_tuple(Axis(bin_count, lowest_us, highest_us))) {}

LatencyHistogram& LatencyHistogram::operator+=(const LatencyHistogram& other) {
    if (other.count_ == 0) {
        return *this;
    }
    histogram_ += other.histogram_;
    count_ += other.count_;
    sum_us_ += other.sum_us_;
    min_us_ = std::min(min_us_, other.min_us_);
    max_us_ = std::max(max_us_, other.max_us_);
    return *this;
}

double LatencyHistogram::relative_precision() {
    return std::sqrt(bin_ratio()) - 1.0;
}

double LatencyHistogram::bin_lower_us(int index) {
    if (index <= underflow_index) {
        return 0.0;
    }
    if (index >= overflow_index) {
        return highest_us;
    }
    return lowest_us * std::pow(highest_us / lowest_us, static_cast<double>(index) / bin_count);
}

double LatencyHistogram::bin_upper_us(int index) {
    if (index <= underflow_index) {
        return lowest_us;
    }
    if (index >= overflow_index) {
        return std::numeric_limits<double>::infinity();
    }
    return bin_lower_us(index + 1);
}

double LatencyHistogram::percentile_us(double percent) const {
    if (count_ == 0) {
        return 0.0;
    }
    if (percent >= 100.0) {
        return max_us_;
    }
    const double wanted = std::ceil(std::max(percent, 0.0) / 100.0 * static_cast<double>(count_));
    const std::uint64_t rank = std::max<std::uint64_t>(1, static_cast<std::uint64_t>(wanted));
    std::uint64_t seen = 0;
    for (int index = underflow_index; index <= overflow_index; ++index) {
        seen += static_cast<std::uint64_t>(histogram_.at(index));
        if (seen < rank) {
            continue;
        }
        double value = 0;
        if (index == underflow_index) {
            value = min_us_;
        } else if (index == overflow_index) {
            value = max_us_;
        } else {
            value = std::sqrt(bin_lower_us(index) * bin_upper_us(index));
        }
        return std::clamp(value, min_us_, max_us_);
    }
    return max_us_;
}

std::vector<LatencyHistogram::Bin> LatencyHistogram::bins() const {
    std::vector<Bin> out;
    if (count_ == 0) {
        return out;
    }
    for (int index = underflow_index; index <= overflow_index; ++index) {
        const auto n = static_cast<std::uint64_t>(histogram_.at(index));
        if (n != 0) {
            out.push_back({index, n});
        }
    }
    return out;
}

LatencyHistogram LatencyHistogram::restore(const std::vector<Bin>& bins, double sum_us,
                                           double min_us, double max_us) {
    LatencyHistogram h;
    for (const Bin& bin : bins) {
        const int index = std::clamp(bin.index, underflow_index, overflow_index);
        h.histogram_.at(index) += bin.count;
        h.count_ += bin.count;
    }
    if (h.count_ != 0) {
        h.sum_us_ = sum_us;
        h.min_us_ = min_us;
        h.max_us_ = max_us;
    }
    return h;
}

} // namespace logintest::harness::model
