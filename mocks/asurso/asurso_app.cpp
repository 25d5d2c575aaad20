// The asurso routing table (asurso_app.hpp): every endpoint this host serves, with its clause.
#include "mocks/asurso/asurso_app.hpp"

#include "mocks/asurso/handlers.hpp"
#include "mocks/common/control_plane.hpp"
#include "mocks/common/embedded_fixture.hpp"
#include "mocks/common/host_dispatch.hpp"

namespace logintest::mocks::asurso {

AsursoApp::CreateResult AsursoApp::create(AsursoConfig config, std::string_view fixture_json,
                                          common::HostClock::Source clock_source) {
    CreateResult result;
    auto parsed =
        common::parse_fixture(fixture_json.empty() ? embedded::fixture_json : fixture_json);
    if (!parsed.fixture) {
        result.error = std::move(parsed.error);
        return result;
    }
    result.app = std::make_unique<AsursoApp>(std::move(config), std::move(*parsed.fixture),
                                             std::move(clock_source));
    return result;
}

AsursoApp::AsursoApp(AsursoConfig config, common::Fixture fixture,
                     common::HostClock::Source clock_source)
    : state_(std::move(config), std::move(fixture), std::move(clock_source)) {
    add_routes();
}

void AsursoApp::handle(common::Request& req, common::Responder respond) {
    common::dispatch_host_request(router_, state_.counters,
                                  {state_.config.control_plane_enabled, &state_.faults}, req,
                                  std::move(respond));
}

void AsursoApp::add_routes() {
    auto& s = state_;
    auto route = [this, &s](std::string method, std::string_view path,
                            Response (*handler)(AsursoState&, const Request&)) {
        router_.add(std::move(method), path,
                    common::sync([&s, handler](const Request& req) { return handler(s, req); }));
    };
    // §6.2, §6.4: login methods and the one-time salt.
    route("GET", "/webapi/logindata", get_logindata);         // NS-LOGIN-4
    route("POST", "/webapi/auth/getdata", post_auth_getdata); // NS-LOGIN-12
    // §6.5: the school-module login.
    route("POST", "/webapi/login", post_login); // NS-LOGIN-16
    // §8: sessions.
    route("GET", "/webapi/student/diary/init", get_diary_init);           // NS-SESSION-8
    route("GET", "/webapi/years/current", get_years_current);             // NS-SESSION-7
    route("GET", "/webapi/context", get_context);                         // NS-SESSION-6
    route("GET", "/webapi/context/expired", get_context_expired);         // NS-SESSION-5
    route("GET", "/webapi/grade/assignment/types", get_assignment_types); // NS-SESSION-15
    route("POST", "/webapi/auth/logout", post_logout);                    // NS-SESSION-9
    add_page_routes();
    add_sso_routes();
    // §21.1: control plane.
    common::add_control_routes(router_, {"asurso", &s.clock, &s.counters, [&s] { s.reset(); },
                                         &s.defects, &s.faults, s.config.tls_ca_pem});
    route("GET", "/mock/admin/users", get_admin_users);        // MOCK-CP-7
    route("GET", "/mock/admin/users/{login}", get_admin_user); // MOCK-CP-7
}

} // namespace logintest::mocks::asurso
