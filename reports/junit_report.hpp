// The JUnit XML report for CI: one <testsuite> per journey, one <testcase> per step with
// the clause ids in its name's properties. FAIL is <failure>, SKIP is <skipped>, WARN passes
// with the warning in <system-out> (docs/architecture.md §7). Reads only harness/model.
#pragma once

#include "harness/model/result.hpp"

#include <string>

namespace logintest::reports {

std::string to_junit(const harness::model::RunResult& run);

} // namespace logintest::reports
