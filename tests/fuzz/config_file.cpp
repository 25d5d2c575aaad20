// Fuzz target: the configuration files: the mock's §23 configuration (mocks/mock_config.cpp
// over support/config's schema reader), the --target file (cli/target_file.cpp), the fixture of
// §22 (mocks/common/fixture.cpp) and fault rules in JSON and in the --fault short form
// (mocks/common/faults.cpp). The first byte picks the reader, the rest is the file's text.
// Beyond "no crash, no leak, no UB" it asserts: a reader gives a value exactly when it reports
// no error; every error names what is wrong ("<where>: <what>"; it may quote the input, line
// breaks included: `--fault` with a newline gives a two-line message);
// reading is deterministic; a fixture that parses starts an asurso host.
#include "cli/target_file.hpp"
#include "mocks/asurso/asurso_app.hpp"
#include "mocks/common/faults.hpp"
#include "mocks/common/fixture.hpp"
#include "mocks/mock_config.hpp"
#include "tests/fuzz/fuzz_check.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

namespace common = logintest::mocks::common;

void check_errors(const std::vector<std::string>& errors) {
    for (const std::string& e : errors) {
        FUZZ_ASSERT(!e.empty() && e.find(':') != std::string::npos, e);
    }
}

void mock_config(std::string_view text) {
    const auto parsed = logintest::mocks::parse_mock_config(text);
    check_errors(parsed.errors);
    FUZZ_ASSERT(logintest::mocks::parse_mock_config(text).errors == parsed.errors, "determinism");
}

void target_file(std::string_view text) {
    // A folder that does not exist: relative paths resolve there and read nothing.
    const auto load = logintest::cli::parse_target_file(std::string(text),
                                                        "/nonexistent-logintest-fuzz/target.json");
    check_errors(load.errors);
}

void fixture(std::string_view text) {
    const auto parsed = common::parse_fixture(text);
    FUZZ_ASSERT(parsed.fixture.has_value() == parsed.error.empty(), parsed.error);
    check_errors(parsed.error.empty() ? std::vector<std::string>{}
                                      : std::vector<std::string>{parsed.error});
    if (parsed.fixture) {
        logintest::mocks::asurso::AsursoConfig config;
        const auto app = logintest::mocks::asurso::AsursoApp::create(std::move(config), text);
        FUZZ_ASSERT(app.ok(), app.ok() ? "" : app.problem().message);
    }
}

void faults(std::string_view text, bool short_form) {
    const auto parsed =
        short_form ? common::parse_fault_short_form(text) : common::parse_fault_config_text(text);
    FUZZ_ASSERT(parsed.config.has_value() == parsed.errors.empty(), "value iff no error");
    check_errors(parsed.errors);
    if (parsed.config) {
        common::FaultSet set;
        set.set(*parsed.config);
        (void)set.to_json();
        (void)set.decide("GET", "/webapi/logindata");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) {
        return 0;
    }
    const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
    switch (data[0] % 5) {
    case 0:
        mock_config(text);
        break;
    case 1:
        target_file(text);
        break;
    case 2:
        fixture(text);
        break;
    case 3:
        faults(text, false);
        break;
    default:
        faults(text, true);
        break;
    }
    return 0;
}
