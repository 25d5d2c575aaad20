// Threshold parsing and evaluation (see threshold.hpp).
#include "harness/load/threshold.hpp"

#include "harness/load/arrival_schedule.hpp"
#include "harness/load/duration_text.hpp"

#include "support/text/strings.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace logintest::harness::load {

namespace {

using Scope = Threshold::Scope;
using Stat = Threshold::Stat;
using Op = Threshold::Op;

bool is_latency(Stat s) {
    return s == Stat::percentile || s == Stat::min || s == Stat::max || s == Stat::mean;
}

std::optional<double> parse_number(std::string_view text) {
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() ||
        !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

// "p95", "p99.9", "median", "min", ... -> the stat; false when unknown.
bool parse_stat(std::string_view name, Threshold& t) {
    if (name == "median") {
        t.stat = Stat::percentile;
        t.percentile = 50;
        return true;
    }
    if (name.size() > 1 && name[0] == 'p') {
        const auto p = parse_number(name.substr(1));
        if (!p || *p <= 0 || *p > 100) {
            return false;
        }
        t.stat = Stat::percentile;
        t.percentile = *p;
        return true;
    }
    static const std::pair<std::string_view, Stat> names[] = {
        {"min", Stat::min},       {"max", Stat::max},       {"mean", Stat::mean},
        {"errors", Stat::errors}, {"checks", Stat::checks}, {"rate", Stat::rate},
    };
    for (const auto& [n, stat] : names) {
        if (name == n) {
            t.stat = stat;
            return true;
        }
    }
    return false;
}

std::string format_us(double us) {
    if (us < 1000) {
        return fmt::format("{:.0f} µs", us);
    }
    if (us < 10'000'000) {
        return fmt::format("{:.1f} ms", us / 1000);
    }
    return fmt::format("{:.2f} s", us / 1e6);
}

bool compare(double actual, Op op, double limit) {
    switch (op) {
    case Op::less:
        return actual < limit;
    case Op::less_equal:
        return actual <= limit;
    case Op::greater:
        return actual > limit;
    case Op::greater_equal:
        return actual >= limit;
    }
    return false;
}

const char* op_text(Op op) {
    switch (op) {
    case Op::less:
        return "<";
    case Op::less_equal:
        return "<=";
    case Op::greater:
        return ">";
    case Op::greater_equal:
        return ">=";
    }
    return "?";
}

// The numbers a threshold reads, gathered from its scope.
struct Subject {
    model::LatencyHistogram latency;
    std::uint64_t part = 0;  // errors, failed checks, late, dropped
    std::uint64_t whole = 0; // their denominators
    std::uint64_t completed = 0;
    bool found = false;
};

Subject gather(const Threshold& t, const model::LoadRunResult& r) {
    Subject s;
    const auto ratio = [&](std::uint64_t part, std::uint64_t whole) {
        s.part = part;
        s.whole = whole;
    };
    if (t.scope == Scope::run || t.scope == Scope::all_journeys) {
        s.found = true;
        const model::LoadTotals& totals = r.totals;
        s.latency = t.service ? totals.service : totals.latency;
        s.completed = totals.completed;
        switch (t.stat) {
        case Stat::errors:
            ratio(totals.errored, totals.completed);
            break;
        case Stat::checks:
            ratio(totals.checks_failed, totals.checks);
            break;
        case Stat::late:
            ratio(totals.late, totals.started);
            break;
        case Stat::dropped:
            ratio(totals.dropped, totals.scheduled);
            break;
        default:
            break;
        }
        return s;
    }
    for (const model::JourneyLoadStats& j : r.journeys) {
        if (t.scope == Scope::journey) {
            if (j.name != t.journey) {
                continue;
            }
            s.found = true;
            s.latency += t.service ? j.service : j.latency;
            s.completed += j.completed;
            if (t.stat == Stat::errors) {
                s.part += j.errored;
                s.whole += j.completed;
            } else if (t.stat == Stat::checks) {
                s.part += j.checks_failed;
                s.whole += j.checks;
            }
            continue;
        }
        if (!t.journey.empty() && j.name != t.journey) {
            continue;
        }
        for (const model::StepLoadStats& step : j.steps) {
            if (step.name != t.step) {
                continue;
            }
            s.found = true;
            s.latency += step.latency;
            s.completed += step.runs;
            if (t.stat == Stat::errors) {
                s.part += step.errors.total();
                s.whole += step.runs;
            } else if (t.stat == Stat::checks) {
                s.part += step.checks_failed;
                s.whole += step.checks;
            }
        }
    }
    return s;
}

// Splits "metric op value" at the comparison into the metric and the value (trimmed).
std::optional<std::string> parse_comparison(std::string_view all, Threshold& t,
                                            std::string_view& metric, std::string_view& value) {
    const auto op_at = all.find_first_of("<>");
    if (op_at == std::string_view::npos) {
        return "no comparison; write e.g. journey.p95<800ms or errors<0.1%";
    }
    metric = support::trim_ows(all.substr(0, op_at));
    std::string_view rest = all.substr(op_at);
    if (rest.starts_with("<=")) {
        t.op = Op::less_equal;
        rest.remove_prefix(2);
    } else if (rest.starts_with(">=")) {
        t.op = Op::greater_equal;
        rest.remove_prefix(2);
    } else {
        t.op = rest[0] == '<' ? Op::less : Op::greater;
        rest.remove_prefix(1);
    }
    value = support::trim_ows(rest);
    if (metric.empty()) {
        return "no metric before the comparison";
    }
    if (value.empty()) {
        return "no value after the comparison";
    }
    return std::nullopt;
}

// "journey[NAME].STAT" or "step[[JOURNEY/]NAME].STAT": the scope and names; `stat` is the rest.
std::optional<std::string> parse_named_scope(std::string_view metric, Threshold& t,
                                             std::string_view& stat) {
    const bool is_step = metric.starts_with("step[");
    const auto close = metric.find(']');
    if (close == std::string_view::npos) {
        return "missing ']' after the name";
    }
    const std::size_t open = is_step ? 5 : 8;
    const std::string name(support::trim_ows(metric.substr(open, close - open)));
    if (name.empty()) {
        return "empty name in []";
    }
    if (close + 1 >= metric.size() || metric[close + 1] != '.') {
        return "expected '.' and a statistic after ']', e.g. .p95";
    }
    stat = metric.substr(close + 2);
    if (!is_step) {
        t.scope = Scope::journey;
        t.journey = name;
    } else if (const auto slash = name.find('/'); slash != std::string::npos) {
        t.scope = Scope::step;
        t.journey = name.substr(0, slash);
        t.step = name.substr(slash + 1);
    } else {
        t.scope = Scope::step;
        t.step = name;
    }
    return std::nullopt;
}

// The metric: a top-level ratio, or scope.stat (with service. for journeys).
std::optional<std::string> parse_metric(std::string_view metric, Threshold& t) {
    static const std::pair<std::string_view, Stat> run_ratios[] = {
        {"errors", Stat::errors},
        {"checks", Stat::checks},
        {"late", Stat::late},
        {"dropped", Stat::dropped},
    };
    for (const auto& [name, stat] : run_ratios) {
        if (metric == name) {
            t.scope = Scope::run;
            t.stat = stat;
            return std::nullopt;
        }
    }
    std::string_view stat;
    if (metric.starts_with("journey[") || metric.starts_with("step[")) {
        if (auto error = parse_named_scope(metric, t, stat)) {
            return error;
        }
    } else if (metric.starts_with("journey.")) {
        t.scope = Scope::all_journeys;
        stat = metric.substr(8);
    } else {
        return "unknown metric '" + std::string(metric) +
               "' (journey.STAT, journey[NAME].STAT, step[NAME].STAT, errors, checks, late, "
               "dropped)";
    }
    if (stat.starts_with("service.")) {
        if (t.scope == Scope::step) {
            return "service time is a journey statistic; a step's time is its own";
        }
        t.service = true;
        stat.remove_prefix(8);
    }
    if (!parse_stat(stat, t)) {
        return "unknown statistic '" + std::string(stat) +
               "' (p50, p90, p95, p99, p99.9, median, min, max, mean, errors, checks, rate)";
    }
    if (t.service && !is_latency(t.stat)) {
        return "service. goes with a latency statistic";
    }
    return std::nullopt;
}

// The value, in the unit its statistic needs.
std::optional<std::string> parse_value(std::string_view value, Threshold& t) {
    const std::string quoted = "'" + std::string(value) + "'";
    if (is_latency(t.stat)) {
        const auto seconds = parse_duration(value);
        if (!seconds) {
            return parse_number(value) ? "a latency needs a unit: us, ms, s or m (e.g. 800ms)"
                                       : quoted + " is not a duration (e.g. 800ms, 2s)";
        }
        t.limit = *seconds * 1e6;
    } else if (t.stat == Stat::rate) {
        const auto rate = parse_rate(value);
        if (!rate) {
            return quoted + " is not a rate (e.g. 100/s)";
        }
        t.limit = *rate;
    } else if (value.back() == '%') {
        const auto percent = parse_number(support::trim_ows(value.substr(0, value.size() - 1)));
        if (!percent || *percent < 0 || *percent > 100) {
            return quoted + " is not a percentage from 0% to 100%";
        }
        t.limit = *percent / 100.0;
    } else {
        const auto n = parse_number(value);
        if (!n || *n < 0) {
            return quoted + " is neither a percentage (0.1%) nor a count (5)";
        }
        t.limit = *n;
        t.count = true;
    }
    return std::nullopt;
}

} // namespace

ThresholdParse parse_threshold(std::string_view text) {
    ThresholdParse result;
    Threshold t;
    t.text = std::string(support::trim_ows(text));
    std::string_view metric;
    std::string_view value;
    std::optional<std::string> error = parse_comparison(t.text, t, metric, value);
    if (!error) {
        error = parse_metric(metric, t);
    }
    if (!error) {
        error = parse_value(value, t);
    }
    if (error) {
        result.error = "'" + t.text + "': " + *error;
        return result;
    }
    result.threshold = std::move(t);
    return result;
}

std::string check_threshold_names(const Threshold& t,
                                  const std::vector<const model::Journey*>& journeys) {
    if (t.scope == Scope::journey) {
        for (const model::Journey* j : journeys) {
            if (j->name == t.journey) {
                return {};
            }
        }
        return "'" + t.text + "': no journey named '" + t.journey + "' in the mix";
    }
    if (t.scope == Scope::step) {
        for (const model::Journey* j : journeys) {
            if (!t.journey.empty() && j->name != t.journey) {
                continue;
            }
            for (const model::Step& s : j->steps) {
                if (s.name == t.step) {
                    return {};
                }
            }
        }
        return "'" + t.text + "': no step named '" + t.step + "'" +
               (t.journey.empty() ? "" : " in journey '" + t.journey + "'") + " in the mix";
    }
    return {};
}

model::ThresholdVerdict evaluate_threshold(const Threshold& t, const model::LoadRunResult& r) {
    model::ThresholdVerdict v;
    v.expression = t.text;
    const Subject s = gather(t, r);
    if (!s.found) {
        v.passed = false;
        v.message = "nothing in the result matches";
        return v;
    }
    double actual = 0;
    std::string limit_text;
    if (is_latency(t.stat)) {
        if (s.latency.empty()) {
            v.passed = false;
            v.actual = "no samples";
            v.message = "no journey or step completed, so the latency is unknown";
            return v;
        }
        switch (t.stat) {
        case Stat::min:
            actual = s.latency.min_us();
            break;
        case Stat::max:
            actual = s.latency.max_us();
            break;
        case Stat::mean:
            actual = s.latency.mean_us();
            break;
        default:
            actual = s.latency.percentile_us(t.percentile);
            break;
        }
        v.actual = format_us(actual) + fmt::format(" ({} samples)", s.latency.count());
        limit_text = format_us(t.limit);
    } else if (t.stat == Stat::rate) {
        actual = r.elapsed_s > 0 ? static_cast<double>(s.completed) / r.elapsed_s : 0.0;
        v.actual = fmt::format("{:.1f}/s", actual);
        limit_text = fmt::format("{:g}/s", t.limit);
    } else if (t.count) {
        actual = static_cast<double>(s.part);
        v.actual = fmt::format("{} of {}", s.part, s.whole);
        limit_text = fmt::format("{:g}", t.limit);
    } else {
        actual = s.whole == 0 ? 0.0 : static_cast<double>(s.part) / static_cast<double>(s.whole);
        v.actual = fmt::format("{:.3g}% ({} of {})", actual * 100, s.part, s.whole);
        limit_text = fmt::format("{:g}%", t.limit * 100);
    }
    v.passed = compare(actual, t.op, t.limit);
    if (!v.passed) {
        v.message = fmt::format("{} is not {} {}", v.actual, op_text(t.op), limit_text);
    }
    return v;
}

} // namespace logintest::harness::load
