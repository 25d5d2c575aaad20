// LoadRunResult -> JSON with Boost.JSON (see load_json.hpp).
#include "reports/load_json.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <map>

namespace logintest::reports {
namespace {

namespace json = boost::json;
using namespace harness::model;

json::object histogram_json(const LatencyHistogram& h, bool with_bins = true) {
    json::object o{{"count", h.count()},
                   {"min_us", h.min_us()},
                   {"max_us", h.max_us()},
                   {"mean_us", h.mean_us()},
                   {"sum_us", h.sum_us()},
                   {"p50_us", h.percentile_us(50)},
                   {"p90_us", h.percentile_us(90)},
                   {"p95_us", h.percentile_us(95)},
                   {"p99_us", h.percentile_us(99)},
                   {"p99_9_us", h.percentile_us(99.9)}};
    if (with_bins) {
        json::array bins;
        for (const auto& b : h.bins()) {
            bins.push_back(json::array{b.index, b.count});
        }
        o["bins"] = std::move(bins);
    }
    return o;
}

json::object counts_json(const ErrorCounts& counts) {
    json::object o;
    for (const auto& [kind, n] : counts) {
        o[kind] = n;
    }
    return o;
}

json::array strings(const std::vector<std::string>& items) {
    json::array a;
    for (const auto& s : items) {
        a.emplace_back(s);
    }
    return a;
}

json::object config_json(const LoadConfig& c) {
    json::array stages;
    for (const auto& s : c.stages) {
        stages.push_back(
            json::object{{"duration_s", s.duration_s}, {"target_per_s", s.target_per_s}});
    }
    json::array mix;
    for (const auto& m : c.mix) {
        mix.push_back(json::object{{"journey", m.journey}, {"file", m.file}, {"weight", m.weight}});
    }
    json::object o{{"model", to_string(c.model)},
                   {"threads", c.threads},
                   {"seed", c.seed},
                   {"duration_s", c.duration_s},
                   {"grace_s", c.grace_s},
                   {"new_connections", c.new_connections},
                   {"pool_size", c.pool_size},
                   {"pool_unbound", c.pool_unbound},
                   {"mix", std::move(mix)}};
    if (c.model == LoadModel::closed) {
        o["vus"] = c.vus;
        o["think_min_s"] = c.think_min_s;
        o["think_max_s"] = c.think_max_s;
        o["ramp_up_s"] = c.ramp_up_s;
        o["iterations"] = c.iterations;
    } else {
        o["start_rate"] = c.start_rate;
        o["stages"] = std::move(stages);
        o["max_vus"] = c.max_vus;
        o["late_after_ms"] = c.late_after_ms;
        o["drop_after_ms"] = c.drop_after_ms;
    }
    return o;
}

json::object step_json(const StepLoadStats& s) {
    json::object statuses;
    for (const auto& [status, n] : s.statuses) {
        statuses[std::to_string(status)] = n;
    }
    return json::object{{"name", s.name},
                        {"runs", s.runs},
                        {"not_run", s.not_run},
                        {"failed", s.failed},
                        {"requests", s.requests},
                        {"errors", counts_json(s.errors)},
                        {"statuses", std::move(statuses)},
                        {"checks", s.checks},
                        {"checks_failed", s.checks_failed},
                        {"latency", histogram_json(s.latency)}};
}

json::object failed_check_json(const FailedCheck& f) {
    json::object o{{"step", f.step},
                   {"description", f.description},
                   {"clauses", strings(f.clauses)},
                   {"severity", f.warning ? "warning" : "failure"},
                   {"count", f.count},
                   {"where", json::object{{"file", f.where.file}, {"line", f.where.line}}},
                   {"example", f.example}};
    if (!f.check_id.empty()) {
        o["check_id"] = f.check_id;
    }
    return o;
}

json::object journey_json(const JourneyLoadStats& j) {
    json::array steps;
    for (const auto& s : j.steps) {
        steps.push_back(step_json(s));
    }
    json::array failed;
    for (const auto& f : j.failed_checks) {
        failed.push_back(failed_check_json(f));
    }
    return json::object{{"name", j.name},
                        {"file", j.file},
                        {"weight", j.weight},
                        {"started", j.started},
                        {"completed", j.completed},
                        {"passed", j.passed},
                        {"failed", j.failed},
                        {"errored", j.errored},
                        {"errors", counts_json(j.errors)},
                        {"checks", j.checks},
                        {"checks_failed", j.checks_failed},
                        {"latency", histogram_json(j.latency)},
                        {"service", histogram_json(j.service)},
                        {"steps", std::move(steps)},
                        {"failed_checks", std::move(failed)}};
}

json::object totals_json(const LoadRunResult& run) {
    const LoadTotals& t = run.totals;
    return json::object{{"scheduled", t.scheduled},
                        {"started", t.started},
                        {"completed", t.completed},
                        {"passed", t.passed},
                        {"failed", t.failed},
                        {"errored", t.errored},
                        {"late", t.late},
                        {"dropped", t.dropped},
                        {"unfinished", t.unfinished},
                        {"requests", t.requests},
                        {"checks", t.checks},
                        {"checks_failed", t.checks_failed},
                        {"max_active", t.max_active},
                        {"tls_handshakes", t.tls_handshakes},
                        {"tls_resumed", t.tls_resumed},
                        {"error_rate", error_rate(t)},
                        {"check_failure_rate", check_failure_rate(t)},
                        {"journeys_per_s", run.elapsed_s > 0 ? t.completed / run.elapsed_s : 0.0},
                        {"requests_per_s", run.elapsed_s > 0 ? t.requests / run.elapsed_s : 0.0},
                        {"errors", counts_json(t.errors)},
                        {"latency", histogram_json(t.latency)},
                        {"service", histogram_json(t.service)},
                        {"start_delay", histogram_json(t.start_delay)}};
}

// Failed checks summed per clause over every journey, by clause id.
json::object clauses_json(const LoadRunResult& run) {
    std::map<std::string, std::uint64_t> by_clause;
    for (const auto& j : run.journeys) {
        for (const auto& f : j.failed_checks) {
            for (const auto& clause : f.clauses) {
                by_clause[clause] += f.count;
            }
        }
    }
    json::object clauses;
    for (const auto& [clause, n] : by_clause) {
        clauses[clause] = n;
    }
    return clauses;
}

json::array timeline_json(const LoadRunResult& run) {
    json::array timeline;
    for (const auto& s : run.timeline) {
        timeline.push_back(json::object{{"second", s.second},
                                        {"scheduled", s.scheduled},
                                        {"started", s.started},
                                        {"completed", s.completed},
                                        {"errors", s.errors},
                                        {"checks_failed", s.checks_failed},
                                        {"late", s.late},
                                        {"dropped", s.dropped},
                                        {"active", s.active},
                                        {"latency", histogram_json(s.latency)}});
    }
    return timeline;
}

json::array thresholds_json(const LoadRunResult& run) {
    json::array thresholds;
    for (const auto& v : run.thresholds) {
        thresholds.push_back(json::object{{"expression", v.expression},
                                          {"passed", v.passed},
                                          {"actual", v.actual},
                                          {"message", v.message}});
    }
    return thresholds;
}

json::object histogram_axis_json() {
    return json::object{{"kind", "log"},
                        {"lowest_us", LatencyHistogram::lowest_us},
                        {"highest_us", LatencyHistogram::highest_us},
                        {"bins", LatencyHistogram::bin_count},
                        {"underflow_index", LatencyHistogram::underflow_index},
                        {"overflow_index", LatencyHistogram::overflow_index},
                        {"relative_precision", LatencyHistogram::relative_precision()}};
}

} // namespace

std::string to_json(const LoadRunResult& run) {
    json::array journeys;
    for (const auto& j : run.journeys) {
        journeys.push_back(journey_json(j));
    }
    json::object root{
        {"schema", LoadRunResult::schema},
        {"kind", "load"},
        {"tool", json::object{{"name", "logintest"}, {"version", run.tool_version}}},
        {"target",
         json::object{{"name", run.target}, {"asurso", run.asurso_base}, {"esia", run.esia_base}}},
        {"started_at", run.started_at},
        {"finished_at", run.finished_at},
        {"elapsed_s", run.elapsed_s},
        {"interrupted", run.interrupted},
        {"stop_reason", run.stop_reason},
        {"histogram_axis", histogram_axis_json()},
        {"config", config_json(run.config)},
        {"totals", totals_json(run)},
        {"journeys", std::move(journeys)},
        {"checks_failed_by_clause", clauses_json(run)},
        {"timeline", timeline_json(run)},
        {"thresholds", thresholds_json(run)},
        {"thresholds_passed", std::all_of(run.thresholds.begin(), run.thresholds.end(),
                                          [](const ThresholdVerdict& v) { return v.passed; })},
        {"notes", strings(run.notes)}};
    return json::serialize(root) + "\n";
}

} // namespace logintest::reports
