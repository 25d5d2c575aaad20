// The start-up fixture of a mock host (host_app.hpp).
#include "mocks/common/host_app.hpp"

#include "mocks/common/embedded_fixture.hpp"

namespace logintest::mocks::common {

support::Result<Fixture> host_fixture(std::string_view fixture_json) {
    auto parsed = parse_fixture(fixture_json.empty() ? embedded::fixture_json : fixture_json);
    if (!parsed.fixture) {
        return support::Problem{"", 0, std::move(parsed.error)};
    }
    return std::move(*parsed.fixture);
}

} // namespace logintest::mocks::common
