// Reads the fixture file or takes the embedded one (see fixture_text.hpp).
#include "cli/fixture_text.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace logintest::cli {

FixtureText read_fixture(const std::string& path_or_empty) {
    FixtureText fixture;
    if (path_or_empty.empty()) {
        fixture.text = std::string(embedded::fixture_json);
        fixture.source = "embedded fixture";
        return fixture;
    }
    fixture.source = path_or_empty;
    std::ifstream in(path_or_empty, std::ios::binary);
    if (!in) {
        fixture.error = "cannot read " + path_or_empty + ": " + std::strerror(errno);
        return fixture;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    fixture.text = buffer.str();
    return fixture;
}

} // namespace logintest::cli
