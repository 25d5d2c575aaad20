// Exit codes of every logintest command, and the one place that decides the code of a run
// from what the run came to (docs/exit-codes.md is the table; this file follows it).
//
//   0 pass (warnings allowed)       1 a check failed       2 a threshold was breached
//   3 usage or scenario error       4 could not measure (target unreachable, every journey
//                                     errored, nothing completed, a port taken, our failure)
//
// When several apply the most serious wins: 4, then 3, then 1, then 2. `check` and `load` fill
// a RunOutcome from their result and ask decide_exit(); set-up paths that end before a run
// return exit_usage or exit_infrastructure directly. Pure data and a pure function; used by
// cli/check_command.cpp and cli/load_command.cpp, pinned by tests/cli/exit_codes_test.cpp.
#pragma once

#include <cstdint>
#include <string>

namespace logintest::cli {

enum ExitCode : int {
    exit_pass = 0,          // everything passed (warnings allowed)
    exit_check_failed = 1,  // a check FAILed (or, under load, a journey ended by an error)
    exit_threshold = 2,     // a load threshold was breached
    exit_usage = 3,         // bad options or a bad scenario (also `validate` finding one)
    exit_infrastructure = 4 // could not measure: unreachable, all errored, our failure, ...
};

// What a run came to, as far as the exit code cares. Counts are of journeys that ended (were
// judged): an interrupted run counts only those, the ones abandoned in flight are not in it.
struct RunOutcome {
    bool usage_error = false;        // a problem of the options or scenarios found late
    bool tool_failed = false;        // ours: an output file not written, a port taken, ...
    bool unreachable = false;        // no journey got as far as an answer of the target
    bool interrupted = false;        // SIGINT/SIGTERM: judged on the journeys that ended
    std::uint64_t journeys = 0;      // journeys that ended, errors included
    std::uint64_t errored = 0;       // of them: ended by an error (no usable answer, no account)
    std::uint64_t failed = 0;        // of them: a check FAILed, no error (WARN is a pass)
    std::uint64_t breached = 0;      // thresholds breached (load)
    bool errors_tolerated = false;   // load: run-wide `errors` thresholds given and all passed
    bool failures_tolerated = false; // load: run-wide `checks` thresholds given and all passed
};

struct ExitDecision {
    ExitCode code = exit_pass;
    std::string reason; // one line for stderr when the code is not 0; empty for 0
};

// The exit code of a run (docs/exit-codes.md). Total: every RunOutcome has one.
[[nodiscard]] ExitDecision decide_exit(const RunOutcome& outcome);

} // namespace logintest::cli
