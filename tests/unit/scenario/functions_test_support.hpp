// Shared by the template-function tests (tests/unit/scenario/functions*_test.cpp): call a
// built-in by name, either for its whole FunctionResult or for its value (the call must not
// fail). Header-only, no state.
#pragma once

#include "harness/scenario/functions.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace logintest::harness::scenario::testing {

inline FunctionResult call(std::string_view name, std::vector<std::string> args) {
    return call_function(name, args);
}

// The value of a call that must succeed; a failure is reported with the function's name.
inline std::string value(std::string_view name, std::vector<std::string> args) {
    const FunctionResult r = call(name, std::move(args));
    EXPECT_EQ(r.error, "") << name;
    return r.value;
}

} // namespace logintest::harness::scenario::testing
