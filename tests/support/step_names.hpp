// Shared by the unit and integration tests: the names of a journey's steps, in order, so a
// test compares the whole list in one expectation (a mismatch prints both lists). Works on
// anything with a `name` a step (model::Step of a loaded journey, model::StepResult of a run).
// Header-only, no state.
#pragma once

#include <string>
#include <vector>

namespace logintest::test_support {

template <class Steps> std::vector<std::string> step_names(const Steps& steps) {
    std::vector<std::string> names;
    for (const auto& step : steps) {
        names.emplace_back(step.name);
    }
    return names;
}

using Names = std::vector<std::string>;

} // namespace logintest::test_support
