// The clause ids a step's checks prove, each once, in the order the checks name them
// ("NS-LOGIN-12 NS-HASH-3"): the console trace shows them in brackets, JUnit as a property.
// Pure; thread-safe.
#pragma once

#include "harness/model/result.hpp"

#include <string>

namespace logintest::reports {

std::string step_clauses(const harness::model::StepResult& step);

} // namespace logintest::reports
