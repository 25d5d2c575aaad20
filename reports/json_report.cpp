// RunResult -> JSON with Boost.JSON (see json_report.hpp).
#include "reports/json_report.hpp"

#include "reports/tally.hpp"

#include <boost/json.hpp>

namespace logintest::reports {
namespace {

namespace json = boost::json;
using namespace harness::model;

json::array strings(const std::vector<std::string>& items) {
    json::array a;
    for (const auto& s : items) {
        a.emplace_back(s);
    }
    return a;
}

json::object location(const SourceLocation& where) {
    return {{"file", where.file}, {"line", where.line}};
}

json::object check_json(const CheckResult& c) {
    json::object o{{"verdict", to_string(c.verdict)},
                   {"description", c.description},
                   {"clauses", strings(c.clauses)},
                   {"where", location(c.where)}};
    if (!c.check_id.empty()) {
        o["check_id"] = c.check_id;
    }
    if (!c.actual.empty()) {
        o["actual"] = c.actual;
    }
    if (!c.message.empty()) {
        o["message"] = c.message;
    }
    return o;
}

json::object hop_json(const Hop& h) {
    json::object o{{"method", h.method},
                   {"url", h.url},
                   {"status", h.status},
                   {"cookies_set", strings(h.cookies_set)},
                   {"elapsed_ms", h.elapsed_ms}};
    if (!h.location.empty()) {
        o["location"] = h.location;
    }
    return o;
}

json::object step_json(const StepResult& s) {
    json::array hops;
    for (const auto& h : s.hops) {
        hops.push_back(hop_json(h));
    }
    json::array checks;
    for (const auto& c : s.checks) {
        checks.push_back(check_json(c));
    }
    json::object o{{"name", s.name},
                   {"verdict", to_string(s.verdict)},
                   {"outcome", to_string(s.outcome)},
                   {"status", s.status},
                   {"elapsed_ms", s.elapsed_ms},
                   {"where", location(s.where)},
                   {"hops", std::move(hops)},
                   {"checks", std::move(checks)}};
    if (!s.error.empty()) {
        o["error"] = s.error;
    }
    return o;
}

} // namespace

std::string to_json(const RunResult& run) {
    json::array journeys;
    for (const auto& j : run.journeys) {
        json::array steps;
        for (const auto& s : j.steps) {
            steps.push_back(step_json(s));
        }
        journeys.push_back(json::object{{"name", j.name},
                                        {"spec", j.spec},
                                        {"file", j.file},
                                        {"verdict", to_string(j.verdict)},
                                        {"elapsed_ms", j.elapsed_ms},
                                        {"steps", std::move(steps)}});
    }
    const Tally t = tally(run);
    json::object summary{{"verdict", to_string(t.overall)},
                         {"steps", t.steps},
                         {"passed", t.steps_by_verdict[0]},
                         {"skipped", t.steps_by_verdict[1]},
                         {"warned", t.steps_by_verdict[2]},
                         {"failed", t.steps_by_verdict[3]},
                         {"checks", t.checks},
                         {"checks_failed", t.checks_failed},
                         {"transport_errors", t.transport_errors}};
    json::object root{
        {"schema", RunResult::schema},
        {"tool", json::object{{"name", "logintest"}, {"version", run.tool_version}}},
        {"target",
         json::object{{"name", run.target}, {"asurso", run.asurso_base}, {"esia", run.esia_base}}},
        {"started_at", run.started_at},
        {"finished_at", run.finished_at},
        {"elapsed_ms", run.elapsed_ms},
        {"interrupted", run.interrupted},
        {"summary", std::move(summary)},
        {"journeys", std::move(journeys)}};
    return json::serialize(root) + "\n";
}

} // namespace logintest::reports
