// LatencyHistogram: a latency distribution with fixed relative precision and no sample array,
// the unit of every load statistic (per step, per journey, per timeline second). A
// Boost.Histogram over a log axis from 1 µs to 1000 s in `bin_count` bins of equal ratio
// (1.0149), so a percentile read at a bin's geometric middle is within ±0.75% of the true
// value anywhere in range; the exact minimum, maximum, count and sum are kept beside it.
// Values below 1 µs land in an underflow bin (reported as the minimum), values of 1000 s and
// more in an overflow bin (reported as the maximum).
//
// Histograms merge with `+=` (the workers of one run, several generator processes), and
// serialise as their non-empty bins (bins(), restore()), so a stored result can be merged
// again later. Used by harness/load (recording) and reports/ (reading). Plain value type;
// not thread-safe: each worker records into its own and the results are merged.
#pragma once

#include <boost/histogram/axis/regular.hpp>
#include <boost/histogram/histogram.hpp>
#include <boost/histogram/unlimited_storage.hpp>

#include <chrono>
#include <cstdint>
#include <limits>
#include <vector>

namespace logintest::harness::model {

class LatencyHistogram {
public:
    static constexpr double lowest_us = 1.0;         // 1 µs
    static constexpr double highest_us = 1.0e9;      // 1000 s
    static constexpr int bin_count = 1400;           // ratio (1e9)^(1/1400) = 1.01491 per bin
    static constexpr int underflow_index = -1;       // values below lowest_us
    static constexpr int overflow_index = bin_count; // values from highest_us up

    LatencyHistogram();

    void record_us(double microseconds) {
        histogram_(microseconds);
        ++count_;
        sum_us_ += microseconds;
        min_us_ = microseconds < min_us_ ? microseconds : min_us_;
        max_us_ = microseconds > max_us_ ? microseconds : max_us_;
    }
    void record(std::chrono::nanoseconds elapsed) {
        record_us(static_cast<double>(elapsed.count()) / 1000.0);
    }

    // Adds the other histogram's samples (same axis by construction).
    LatencyHistogram& operator+=(const LatencyHistogram& other);

    std::uint64_t count() const { return count_; }
    bool empty() const { return count_ == 0; }
    double sum_us() const { return sum_us_; }
    double min_us() const { return count_ == 0 ? 0.0 : min_us_; }
    double max_us() const { return count_ == 0 ? 0.0 : max_us_; }
    double mean_us() const { return count_ == 0 ? 0.0 : sum_us_ / static_cast<double>(count_); }

    // The `percent`-th percentile (0 < percent <= 100) by walking the cumulative counts: the
    // geometric middle of the bin holding the sample of rank ceil(percent/100 * count),
    // clamped to [min, max]; 100 gives the exact maximum. 0 when empty.
    double percentile_us(double percent) const;

    // The worst relative error of a percentile (half a bin's ratio): 0.0075.
    static double relative_precision();

    // Bounds of bin `index` in µs (underflow: [0, lowest), overflow: [highest, inf)).
    static double bin_lower_us(int index);
    static double bin_upper_us(int index);

    struct Bin {
        int index = 0; // underflow_index .. overflow_index
        std::uint64_t count = 0;
    };
    // The non-empty bins in index order (what a stored result keeps).
    std::vector<Bin> bins() const;
    // Rebuilds a histogram from stored bins and exact statistics (the inverse of bins()).
    static LatencyHistogram restore(const std::vector<Bin>& bins, double sum_us, double min_us,
                                    double max_us);

private:
    using Axis = boost::histogram::axis::regular<double, boost::histogram::axis::transform::log>;
    using Histogram =
        boost::histogram::histogram<std::tuple<Axis>, boost::histogram::unlimited_storage<>>;

    Histogram histogram_;
    std::uint64_t count_ = 0;
    double sum_us_ = 0;
    double min_us_ = std::numeric_limits<double>::infinity();
    double max_us_ = 0;
};

} // namespace logintest::harness::model
