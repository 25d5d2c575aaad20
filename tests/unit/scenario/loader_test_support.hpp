// Shared by the scenario loader tests (tests/unit/scenario/*_test.cpp): a journey loaded from
// text against the built-in spec ids and the standard variables, and every error of a load as
// one string for a failure message; with the shared expect_contains_all and step_names.
// Header-only, no state; safe from any thread.
#pragma once

#include "harness/scenario/loader.hpp"
#include "tests/support/expect_text.hpp"
#include "tests/support/step_names.hpp"

#include <string>
#include <string_view>

namespace logintest::harness::scenario::testing {

using test_support::expect_contains_all;
using test_support::Names;
using test_support::step_names;

// Loads `xml` as if it were the file `file_name` (errors name it with their line).
inline LoadResult load_text(std::string_view xml, const std::string& file_name = "test.xml") {
    return load_journey_text(xml, file_name, SpecIds::builtin(), standard_variables());
}

// Every error of `r`, one formatted error a line.
inline std::string all_errors(const LoadResult& r) {
    std::string out;
    for (const auto& e : r.errors) {
        out += format_error(e) + "\n";
    }
    return out;
}

} // namespace logintest::harness::scenario::testing
