// ArrivalSchedule (see arrival_schedule.hpp): per segment the cumulative arrivals are
// N(tau) = r0 tau + (r1 - r0) tau^2 / (2 d); arrival k inverts it in closed form.
#include "harness/load/arrival_schedule.hpp"

#include "harness/load/duration_text.hpp"

#include "support/text/strings.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace logintest::harness::load {

ArrivalSchedule::ArrivalSchedule(double start_rate, const std::vector<model::RateStage>& stages) {
    double rate = std::max(0.0, start_rate);
    double t = 0;
    double arrivals = 0;
    for (const auto& stage : stages) {
        if (stage.duration_s <= 0) {
            rate = std::max(0.0, stage.target_per_s); // a step change
            continue;
        }
        Segment s;
        s.start_s = t;
        s.duration_s = stage.duration_s;
        s.from_rate = rate;
        s.to_rate = std::max(0.0, stage.target_per_s);
        s.arrivals_before = arrivals;
        s.arrivals = (s.from_rate + s.to_rate) / 2 * s.duration_s;
        segments_.push_back(s);
        t += s.duration_s;
        arrivals += s.arrivals;
        rate = s.to_rate;
    }
    duration_s_ = t;
    total_ = arrivals;
}

std::optional<double> ArrivalSchedule::time_of(std::uint64_t k) const {
    const double x = static_cast<double>(k);
    if (x >= total_) {
        return std::nullopt;
    }
    // The segment whose cumulative range holds x.
    auto it =
        std::upper_bound(segments_.begin(), segments_.end(), x, [](double value, const Segment& s) {
            return value < s.arrivals_before + s.arrivals;
        });
    if (it == segments_.end()) {
        return std::nullopt;
    }
    const Segment& s = *it;
    const double within = x - s.arrivals_before;
    const double a = (s.to_rate - s.from_rate) / (2 * s.duration_s);
    const double b = s.from_rate;
    double tau = 0;
    if (within <= 0) {
        tau = 0;
    } else if (std::abs(a) < 1e-12) {
        tau = b > 0 ? within / b : 0;
    } else {
        // a tau^2 + b tau - within = 0, in the form that stays exact when a is small.
        const double discriminant = std::max(0.0, b * b + 4 * a * within);
        tau = 2 * within / (b + std::sqrt(discriminant));
    }
    const double t = s.start_s + std::clamp(tau, 0.0, s.duration_s);
    if (t >= duration_s_) {
        return std::nullopt;
    }
    return t;
}

double ArrivalSchedule::rate_at(double t) const {
    for (const auto& s : segments_) {
        if (t >= s.start_s && t < s.start_s + s.duration_s) {
            return s.from_rate + (s.to_rate - s.from_rate) * (t - s.start_s) / s.duration_s;
        }
    }
    return 0;
}

std::optional<double> parse_rate(std::string_view text) {
    double per = 1;
    if (const auto slash = text.find('/'); slash != std::string_view::npos) {
        const std::string_view unit = text.substr(slash + 1);
        if (unit == "s") {
            per = 1;
        } else if (unit == "m" || unit == "min") {
            per = 60;
        } else if (unit == "h") {
            per = 3600;
        } else {
            return std::nullopt;
        }
        text = text.substr(0, slash);
    }
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value < 0 ||
        !std::isfinite(value)) {
        return std::nullopt;
    }
    return value / per;
}

StagesParse parse_stages(std::string_view text) {
    StagesParse result;
    // Comments first (they may hold commas), then one stage per comma or line.
    std::string cleaned;
    for (std::size_t pos = 0; pos < text.size();) {
        const auto end = std::min(text.find('\n', pos), text.size());
        std::string_view line = text.substr(pos, end - pos);
        line = line.substr(0, std::min(line.find('#'), line.size()));
        cleaned.append(line);
        cleaned.push_back(',');
        pos = end + 1;
    }
    std::string_view rest = cleaned;
    int number = 0;
    while (!rest.empty()) {
        const auto comma = std::min(rest.find(','), rest.size());
        const std::string_view item = support::trim(rest.substr(0, comma));
        rest.remove_prefix(std::min(comma + 1, rest.size()));
        if (item.empty()) {
            continue;
        }
        ++number;
        const auto colon = item.find(':');
        const std::string where =
            "stage " + std::to_string(number) + " '" + std::string(item) + "'";
        if (colon == std::string_view::npos) {
            result.error = where + ": expected DURATION:RATE, e.g. 30s:200/s";
            return result;
        }
        const auto duration = parse_duration(support::trim(item.substr(0, colon)));
        if (!duration) {
            result.error = where + ": '" + std::string(support::trim(item.substr(0, colon))) +
                           "' is not a duration (e.g. 30s, 2m, 1m30s)";
            return result;
        }
        const auto rate = parse_rate(support::trim(item.substr(colon + 1)));
        if (!rate) {
            result.error = where + ": '" + std::string(support::trim(item.substr(colon + 1))) +
                           "' is not a rate (e.g. 200/s, 600/m)";
            return result;
        }
        result.stages.push_back({*duration, *rate});
    }
    if (result.stages.empty()) {
        result.error = "no stages given";
    }
    return result;
}

} // namespace logintest::harness::load
