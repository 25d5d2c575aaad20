// RunResult -> JUnit XML with pugixml (see junit_report.hpp).
#include "reports/junit_report.hpp"

#include "reports/step_clauses.hpp"

#include <fmt/format.h>
#include <pugixml.hpp>

#include <sstream>

namespace logintest::reports {
namespace {

using namespace harness::model;

std::string seconds(double ms) {
    return fmt::format("{:.3f}", ms / 1000.0);
}

std::string check_line(const CheckResult& c) {
    std::string ids;
    for (const auto& id : c.clauses) {
        ids += ids.empty() ? id : " " + id;
    }
    if (!c.check_id.empty()) {
        ids += (ids.empty() ? "" : " ") + c.check_id;
    }
    std::string line = fmt::format("{} {}", to_string(c.verdict), c.description);
    if (!c.message.empty()) {
        line += ": " + c.message;
    }
    if (!ids.empty()) {
        line += " [" + ids + "]";
    }
    if (!c.where.file.empty()) {
        line += fmt::format(" ({}:{})", c.where.file, c.where.line);
    }
    return line;
}

void add_testcase(pugi::xml_node suite, const JourneyResult& journey, const StepResult& step) {
    auto tc = suite.append_child("testcase");
    tc.append_attribute("classname") = journey.name.c_str();
    tc.append_attribute("name") = step.name.c_str();
    tc.append_attribute("time") = seconds(step.elapsed_ms).c_str();
    tc.append_attribute("file") = step.where.file.c_str();
    tc.append_attribute("line") = step.where.line;

    auto props = tc.append_child("properties");
    auto clauses = props.append_child("property");
    clauses.append_attribute("name") = "clauses";
    clauses.append_attribute("value") = step_clauses(step).c_str();

    std::string details;
    for (const auto& c : step.checks) {
        details += check_line(c) + "\n";
    }
    if (step.outcome != Outcome::ok && !step.error.empty()) {
        details = fmt::format("{}: {}\n", to_string(step.outcome), step.error) + details;
    }
    switch (step.verdict) {
    case Verdict::fail: {
        auto failure = tc.append_child("failure");
        std::string first;
        for (const auto& c : step.checks) {
            if (c.verdict == Verdict::fail) {
                first = check_line(c);
                break;
            }
        }
        if (first.empty()) {
            first = fmt::format("{}: {}", to_string(step.outcome), step.error);
        }
        failure.append_attribute("message") = first.c_str();
        failure.append_attribute("type") =
            step.outcome == Outcome::ok ? "conformance" : to_string(step.outcome);
        failure.text().set(details.c_str());
        break;
    }
    case Verdict::skip: {
        auto skipped = tc.append_child("skipped");
        skipped.append_attribute("message") =
            (step.error.empty() ? std::string("skipped") : step.error).c_str();
        break;
    }
    case Verdict::warn:
    case Verdict::pass:
        break;
    }
    tc.append_child("system-out").text().set(details.c_str());
}

} // namespace

std::string to_junit(const RunResult& run) {
    pugi::xml_document doc;
    auto decl = doc.append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "UTF-8";
    auto suites = doc.append_child("testsuites");
    suites.append_attribute("name") = "logintest";
    suites.append_attribute("time") = seconds(run.elapsed_ms).c_str();

    std::size_t total = 0, failures = 0, skipped = 0;
    for (const auto& journey : run.journeys) {
        auto suite = suites.append_child("testsuite");
        suite.append_attribute("name") = journey.name.c_str();
        suite.append_attribute("file") = journey.file.c_str();
        suite.append_attribute("time") = seconds(journey.elapsed_ms).c_str();
        std::size_t suite_failures = 0, suite_skipped = 0;
        for (const auto& step : journey.steps) {
            add_testcase(suite, journey, step);
            suite_failures += step.verdict == Verdict::fail ? 1 : 0;
            suite_skipped += step.verdict == Verdict::skip ? 1 : 0;
        }
        suite.append_attribute("tests") = journey.steps.size();
        suite.append_attribute("failures") = suite_failures;
        suite.append_attribute("errors") = 0;
        suite.append_attribute("skipped") = suite_skipped;
        total += journey.steps.size();
        failures += suite_failures;
        skipped += suite_skipped;
    }
    suites.append_attribute("tests") = total;
    suites.append_attribute("failures") = failures;
    suites.append_attribute("skipped") = skipped;

    std::ostringstream out;
    doc.save(out, "  ");
    return out.str();
}

} // namespace logintest::reports
