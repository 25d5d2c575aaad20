// The esia routing table (esia_app.hpp).
#include "mocks/esia/esia_app.hpp"

#include "mocks/common/control_plane.hpp"
#include "mocks/common/embedded_fixture.hpp"
#include "mocks/common/host_dispatch.hpp"

namespace logintest::mocks::esia {

EsiaApp::CreateResult EsiaApp::create(EsiaConfig config, std::string_view fixture_json,
                                      common::HostClock::Source clock_source) {
    CreateResult result;
    auto parsed =
        common::parse_fixture(fixture_json.empty() ? embedded::fixture_json : fixture_json);
    if (!parsed.fixture) {
        result.error = std::move(parsed.error);
        return result;
    }
    result.app = std::make_unique<EsiaApp>(std::move(config), std::move(*parsed.fixture),
                                           std::move(clock_source));
    return result;
}

EsiaApp::EsiaApp(EsiaConfig config, common::Fixture fixture, common::HostClock::Source clock_source)
    : state_(std::move(config), std::move(fixture), std::move(clock_source)) {
    add_routes();
}

void EsiaApp::handle(common::Request& req, common::Responder respond) {
    common::dispatch_host_request(router_, state_.counters, {state_.config.control_plane_enabled},
                                  req, std::move(respond));
}

void EsiaApp::add_routes() {
    auto& s = state_;
    // §21.1: control plane (MOCK-CP-2..5).
    common::add_control_routes(router_, {"esia", &s.clock, &s.counters, [&s] { s.reset(); }});
}

} // namespace logintest::mocks::esia
