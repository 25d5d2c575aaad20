// decide_exit (see exit_codes.hpp): the table of docs/exit-codes.md, most serious first.
#include "cli/exit_codes.hpp"

#include <fmt/format.h>

namespace logintest::cli {
namespace {

std::string journeys_text(std::uint64_t n) {
    return fmt::format("{} journey{}", n, n == 1 ? "" : "s");
}

// Exit 4: nothing about the target could be measured.
std::string could_not_measure(const RunOutcome& o) {
    if (o.tool_failed) {
        return "logintest itself failed (see above): the result is incomplete";
    }
    if (o.journeys == 0) {
        return o.interrupted ? "interrupted before any journey completed: nothing was measured"
                             : "no journey completed: nothing was measured";
    }
    if (o.unreachable) {
        return "the target could not be reached: every journey failed before an answer";
    }
    if (o.errored == o.journeys) {
        return fmt::format("every journey ended by an error ({}): nothing was measured",
                           journeys_text(o.journeys));
    }
    return {};
}

} // namespace

ExitDecision decide_exit(const RunOutcome& o) {
    const std::string interrupted = o.interrupted ? " (interrupted: judged on them)" : "";
    if (auto reason = could_not_measure(o); !reason.empty()) {
        return {exit_infrastructure, std::move(reason)};
    }
    if (o.usage_error) {
        return {exit_usage, "a usage or scenario problem (see above)"};
    }
    const bool failures = o.failed > 0 && !o.failures_tolerated;
    const bool errors = o.errored > 0 && !o.errors_tolerated;
    if (failures || errors) {
        std::string what;
        if (failures) {
            what = fmt::format("{} of {} failed a check", o.failed, journeys_text(o.journeys));
        }
        if (errors) {
            what += fmt::format("{}{} of {} ended by an error", what.empty() ? "" : "; ", o.errored,
                                journeys_text(o.journeys));
        }
        return {exit_check_failed, what + interrupted};
    }
    if (o.breached > 0) {
        return {exit_threshold, fmt::format("{} threshold{} breached{}", o.breached,
                                            o.breached == 1 ? "" : "s", interrupted)};
    }
    return {exit_pass, {}};
}

} // namespace logintest::cli
