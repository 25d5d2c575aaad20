// Counting verdicts over a run (see tally.hpp).
#include "reports/tally.hpp"

namespace logintest::reports {

Tally tally(const harness::model::RunResult& run) {
    using harness::model::Outcome;
    using harness::model::Verdict;
    Tally t;
    for (const auto& journey : run.journeys) {
        t.overall = harness::model::worst(t.overall, journey.verdict);
        for (const auto& step : journey.steps) {
            ++t.steps;
            ++t.steps_by_verdict[static_cast<std::size_t>(step.verdict)];
            if (step.outcome != Outcome::ok && step.outcome != Outcome::not_run &&
                step.outcome != Outcome::request_error) {
                ++t.transport_errors;
            }
            for (const auto& c : step.checks) {
                ++t.checks;
                t.checks_failed += c.verdict == Verdict::fail ? 1 : 0;
            }
        }
    }
    return t;
}

} // namespace logintest::reports
