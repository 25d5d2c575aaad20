// Console rendering of journeys and the run summary (see console_report.hpp).
#include "reports/console_report.hpp"

#include "reports/step_clauses.hpp"
#include "reports/tally.hpp"

#include <boost/url/parse.hpp>

#include <fmt/format.h>

#include <string>

namespace logintest::reports {
namespace {

using harness::model::Verdict;

const char* colour(Verdict v, const ConsoleOptions& options) {
    if (!options.color) {
        return "";
    }
    switch (v) {
    case Verdict::pass:
        return "\033[32m";
    case Verdict::fail:
        return "\033[31;1m";
    case Verdict::warn:
        return "\033[33m";
    case Verdict::skip:
        return "\033[90m";
    }
    return "";
}

const char* reset(const ConsoleOptions& options) {
    return options.color ? "\033[0m" : "";
}

std::string verdict_tag(Verdict v, const ConsoleOptions& options) {
    return fmt::format("{}{:<4}{}", colour(v, options), harness::model::to_string(v),
                       reset(options));
}

// The path and query of a URL, which is what a reader of the trace needs per hop.
std::string short_target(const std::string& url) {
    auto parsed = boost::urls::parse_uri_reference(url);
    if (!parsed) {
        return url;
    }
    std::string target(parsed->encoded_path());
    if (target.empty()) {
        target = "/";
    }
    if (parsed->has_query()) {
        target += "?";
        target += std::string(parsed->encoded_query());
    }
    return target.size() > 90 ? target.substr(0, 87) + "..." : target;
}

std::string trace(const harness::model::StepResult& step) {
    if (step.hops.empty()) {
        return "";
    }
    std::string text =
        fmt::format("{} {}", step.hops.front().method, short_target(step.hops.front().url));
    for (std::size_t i = 0; i < step.hops.size(); ++i) {
        text += fmt::format(" -> {}", step.hops[i].status);
        if (i + 1 < step.hops.size()) {
            text += fmt::format(" -> {}", short_target(step.hops[i + 1].url));
        }
    }
    return text;
}

std::string clause_list(const harness::model::StepResult& step) {
    const std::string text = step_clauses(step);
    return text.empty() ? "" : "[" + text + "]";
}

void print_check(std::FILE* out, const harness::model::CheckResult& c,
                 const ConsoleOptions& options) {
    std::string ids;
    for (const auto& id : c.clauses) {
        ids += ids.empty() ? id : " " + id;
    }
    if (!c.check_id.empty()) {
        ids += (ids.empty() ? "" : " ") + c.check_id;
    }
    fmt::print(out, "        {} {}", verdict_tag(c.verdict, options), c.description);
    if (!c.message.empty()) {
        fmt::print(out, ": {}", c.message);
    }
    if (!ids.empty()) {
        fmt::print(out, " [{}]", ids);
    }
    if (c.verdict == Verdict::fail || c.verdict == Verdict::warn) {
        fmt::print(out, " ({}:{})", c.where.file, c.where.line);
    }
    fmt::print(out, "\n");
}

} // namespace

void print_journey(std::FILE* out, const harness::model::JourneyResult& journey,
                   const ConsoleOptions& options) {
    fmt::print(out, "{} {}{}  {}  ({:.0f} ms)\n", verdict_tag(journey.verdict, options),
               journey.name, journey.spec.empty() ? "" : " (" + journey.spec + ")", journey.file,
               journey.elapsed_ms);
    for (const auto& step : journey.steps) {
        std::string what = trace(step);
        if (step.outcome != harness::model::Outcome::ok) {
            what += (what.empty() ? "" : "  ") +
                    fmt::format("{}: {}", harness::model::to_string(step.outcome), step.error);
        }
        fmt::print(out, "  {} {:<22} {:<58} {:>7.1f} ms  {}\n", verdict_tag(step.verdict, options),
                   step.name, what, step.elapsed_ms, clause_list(step));
        for (const auto& c : step.checks) {
            const bool notable = c.verdict == Verdict::fail || c.verdict == Verdict::warn;
            const bool first_skip = c.verdict == Verdict::skip && &c == &step.checks.front() &&
                                    step.outcome == harness::model::Outcome::ok;
            if (options.verbose || notable || first_skip) {
                print_check(out, c, options);
            }
        }
    }
}

void print_summary(std::FILE* out, const harness::model::RunResult& run,
                   const ConsoleOptions& options) {
    const Tally t = tally(run);
    fmt::print(out,
               "\n{} journeys, {} steps: {} passed, {} failed, {} warned, {} skipped; "
               "{} checks ({} failed); {:.2f} s\n",
               run.journeys.size(), t.steps, t.steps_by_verdict[0], t.steps_by_verdict[3],
               t.steps_by_verdict[2], t.steps_by_verdict[1], t.checks, t.checks_failed,
               run.elapsed_ms / 1000.0);
    fmt::print(out, "result: {}\n", verdict_tag(t.overall, options));
}

} // namespace logintest::reports
