// The JSON report: the whole RunResult model (`"schema": 1`) for CI and for re-rendering
// later without re-running. Reads only harness/model.
#pragma once

#include "harness/model/result.hpp"

#include <string>

namespace logintest::reports {

std::string to_json(const harness::model::RunResult& run);

} // namespace logintest::reports
