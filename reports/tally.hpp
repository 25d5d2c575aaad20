// Tally: counts of a RunResult by verdict, shared by the reports and the exit code.
#pragma once

#include "harness/model/result.hpp"

#include <array>
#include <cstddef>

namespace logintest::reports {

struct Tally {
    std::size_t steps = 0;
    std::array<std::size_t, 4> steps_by_verdict{}; // indexed by Verdict (pass, skip, warn, fail)
    std::size_t checks = 0;
    std::size_t checks_failed = 0;
    std::size_t transport_errors = 0; // steps with an outcome other than ok / not_run
    harness::model::Verdict overall = harness::model::Verdict::pass;
};

Tally tally(const harness::model::RunResult& run);

} // namespace logintest::reports
