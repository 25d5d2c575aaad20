// Reads the fixture file or takes the embedded one (see fixture_text.hpp).
#include "cli/fixture_text.hpp"

#include "support/text/file.hpp"

namespace logintest::cli {

FixtureText read_fixture(const std::string& path_or_empty) {
    FixtureText fixture;
    if (path_or_empty.empty()) {
        fixture.text = std::string(embedded::fixture_json);
        fixture.source = "embedded fixture";
        return fixture;
    }
    fixture.source = path_or_empty;
    auto text = support::read_file(path_or_empty);
    if (!text) {
        fixture.error = "cannot read " + path_or_empty + ": " + text.problem().message;
        return fixture;
    }
    fixture.text = std::move(*text);
    return fixture;
}

} // namespace logintest::cli
