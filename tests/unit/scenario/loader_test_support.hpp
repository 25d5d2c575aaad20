// Shared by the scenario loader tests (tests/unit/scenario/*_test.cpp): a journey loaded from
// text against the built-in spec ids and the standard variables, and every error of a load as
// one string for a failure message. Header-only, no state; safe from any thread.
#pragma once

#include "harness/scenario/loader.hpp"

#include <string>
#include <string_view>

namespace logintest::harness::scenario::testing {

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
