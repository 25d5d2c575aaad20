// The RunOutcome of a check or load run (see run_outcome.hpp).
#include "cli/run_outcome.hpp"

#include "harness/load/load_policy.hpp"

#include <algorithm>

namespace logintest::cli {
namespace {

using harness::model::Outcome;

bool got_no_answer(const harness::model::StepResult& step) {
    return step.outcome != Outcome::ok && step.outcome != Outcome::not_run &&
           step.outcome != Outcome::request_error;
}

// Whether run-wide thresholds on `stat` (`errors<...`, `journey.errors<...`) were given, and
// all passed: then they, not the exit code's default, judge that statistic.
bool tolerated(const std::vector<harness::load::Threshold>& thresholds,
               const std::vector<harness::model::ThresholdVerdict>& verdicts,
               harness::load::Threshold::Stat stat) {
    using Scope = harness::load::Threshold::Scope;
    bool given = false;
    for (std::size_t i = 0; i < thresholds.size() && i < verdicts.size(); ++i) {
        const auto& t = thresholds[i];
        if (t.stat != stat || (t.scope != Scope::run && t.scope != Scope::all_journeys)) {
            continue;
        }
        if (!verdicts[i].passed) {
            return false;
        }
        given = true;
    }
    return given;
}

} // namespace

RunOutcome outcome_of(const harness::model::RunResult& run) {
    RunOutcome o;
    for (const auto& journey : run.journeys) {
        ++o.journeys;
        if (std::any_of(journey.steps.begin(), journey.steps.end(), got_no_answer)) {
            ++o.errored;
        } else if (journey.verdict == harness::model::Verdict::fail) {
            ++o.failed;
        }
    }
    return o;
}

RunOutcome outcome_of(const harness::model::LoadRunResult& result,
                      const std::vector<harness::load::Threshold>& thresholds) {
    using Stat = harness::load::Threshold::Stat;
    const auto& t = result.totals;
    RunOutcome o;
    o.interrupted = result.interrupted;
    o.journeys = t.completed;
    o.errored = t.errored;
    o.failed = t.failed;
    o.unreachable = harness::load::target_unreachable(t);
    o.breached =
        static_cast<std::uint64_t>(std::count_if(result.thresholds.begin(), result.thresholds.end(),
                                                 [](const auto& v) { return !v.passed; }));
    o.errors_tolerated = tolerated(thresholds, result.thresholds, Stat::errors);
    o.failures_tolerated = tolerated(thresholds, result.thresholds, Stat::checks);
    return o;
}

} // namespace logintest::cli
