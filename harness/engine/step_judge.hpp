// Judging a fetched step: its extracts in order (each value becomes a variable, secret ones
// are registered with the scrubber), then its checks. Verdicts are computed without texts
// (checks::verdict_of); the text of a failure is built only when the observer asks for it,
// and the full result of a check only when a StepRecord is asked (describe_check).
#pragma once

#include "harness/engine/step_run.hpp"

namespace logintest::harness::engine {

// Runs the extracts and checks of a step with an answer into step.event (checks,
// checks_failed, verdict); failures go to the observer through step.failed().
void judge(StepRun& step);

// The full result of one check of a judged step, not redacted: SKIP when it needs the mock, a
// failure when its templates cannot be expanded, else checks::evaluate().
model::CheckResult describe_check(const StepRun& step, const model::Check& check);

} // namespace logintest::harness::engine
