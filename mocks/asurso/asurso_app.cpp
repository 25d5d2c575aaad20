// The asurso routing table (asurso_app.hpp): every endpoint this host serves, with its clause.
#include "mocks/asurso/asurso_app.hpp"

#include "mocks/asurso/handlers.hpp"

namespace logintest::mocks::asurso {

support::Result<std::unique_ptr<AsursoApp>>
AsursoApp::create(AsursoConfig config, std::string_view fixture_json,
                  common::HostClock::Source clock_source) {
    auto fixture = common::host_fixture(fixture_json);
    if (!fixture) {
        return fixture.problem();
    }
    return std::make_unique<AsursoApp>(std::move(config), std::move(*fixture),
                                       std::move(clock_source));
}

AsursoApp::AsursoApp(AsursoConfig config, common::Fixture fixture,
                     common::HostClock::Source clock_source)
    : HostApp(std::move(config), std::move(fixture), std::move(clock_source)) {
    add_routes();
}

void AsursoApp::add_routes() {
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
    add_control_routes("asurso", {state_.config.public_base_url,
                                  state_.config.esia_public_base_url}); // MOCK-CP-10
    route("GET", "/mock/admin/users", get_admin_users);                 // MOCK-CP-7
    route("GET", "/mock/admin/users/{login}", get_admin_user);          // MOCK-CP-7
}

} // namespace logintest::mocks::asurso
