// The fixture both sides assume (spec §22): the embedded copy of scenarios/data/fixture.json,
// or a file given with --fixture.
#pragma once

#include <string>
#include <string_view>

namespace logintest::embedded {
extern const std::string_view fixture_json;
}

namespace logintest::cli {

struct FixtureText {
    std::string text;
    std::string source; // file name, or "embedded fixture"
    std::string error;  // e.g. "cannot read fixture.json: No such file or directory"
};

FixtureText read_fixture(const std::string& path_or_empty);

} // namespace logintest::cli
