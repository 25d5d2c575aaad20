// Exit codes of every logintest command (docs/architecture.md §7). When several apply,
// the most serious wins: 4, then 3, then 1, then 2.
#pragma once

namespace logintest::cli {

enum ExitCode : int {
    exit_pass = 0,          // everything passed (warnings allowed)
    exit_check_failed = 1,  // at least one FAIL
    exit_threshold = 2,     // a load threshold was breached
    exit_usage = 3,         // bad options or a bad scenario (also `validate` finding one)
    exit_infrastructure = 4 // the target could not be reached, or a bug of ours
};

} // namespace logintest::cli
