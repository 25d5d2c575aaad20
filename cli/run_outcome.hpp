// What a finished `check` or `load` run came to, as cli/exit_codes.hpp judges it: the
// adapters from each command's result model to a RunOutcome. A `check` journey errored when a
// step got no usable answer (a transport outcome; a step that could not be built is a FAIL);
// a `load` run reads its totals, and a run-wide `errors` or `checks` threshold that was given
// and passed takes the judgement of errors or failed checks over (docs/exit-codes.md).
// Pure functions; used by cli/check_command.cpp and cli/load_command.cpp, pinned by
// tests/cli/exit_codes_test.cpp.
#pragma once

#include "cli/exit_codes.hpp"

#include "harness/load/threshold.hpp"
#include "harness/model/load_result.hpp"
#include "harness/model/result.hpp"

#include <vector>

namespace logintest::cli {

// `check`: one journey per JourneyResult of the run.
[[nodiscard]] RunOutcome outcome_of(const harness::model::RunResult& run);

// `load`: `thresholds` parsed from --threshold, in the order of result.thresholds (their
// verdicts).
[[nodiscard]] RunOutcome outcome_of(const harness::model::LoadRunResult& result,
                                    const std::vector<harness::load::Threshold>& thresholds);

} // namespace logintest::cli
