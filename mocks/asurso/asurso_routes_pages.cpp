// asurso routes of the pages and forms: portal (§5), login page (§6.1), school selection
// (§6.3), password change and first login (§9), app pages (§8), admin control plane (§21.1).
#include "mocks/asurso/asurso_app.hpp"

#include "mocks/asurso/handlers.hpp"

namespace logintest::mocks::asurso {

void AsursoApp::add_page_routes() {
    // §5: the portal.
    route("GET", "/", get_portal);          // NS-PORTAL-1..4, -6
    route("GET", "/about.html", get_about); // NS-PORTAL-5
    // §6.1-§6.3: the login page and what its form asks.
    route("GET", "/app/login", get_login_page);                          // NS-LOGIN-1..3
    route("GET", "/webapi/settings/preloginnotice", get_preloginnotice); // NS-LOGIN-6
    route("GET", "/webapi/prepareloginform", get_prepareloginform);      // NS-LOGIN-7
    route("GET", "/webapi/loginform", get_loginform);                    // NS-LOGIN-9
    route("GET", "/webapi/schools/search", get_schools_search);          // NS-LOGIN-10, -11
    // §8, §6.7, §9.3: app pages, by the ESRNSec cookie (NS-SESSION-12).
    for (const char* method : {"GET", "POST"}) {
        route(method, "/app/school/main/", app_school_main);                 // NS-SESSION-13
        route(method, "/app/change-password", app_change_password);          // NS-PWD-12
        route(method, "/app/choose-session-role/", app_choose_session_role); // NS-LOGIN-28
    }
    if (state_.config.security_warning) {
        route("POST", "/asp/SecurityWarning.asp", post_security_warning); // NS-SESSION-14
    }
    // §9.2: password change.
    route("POST", "/webapi/users/{userId}/password", post_user_password); // NS-PWD-5..8
    // §21.1: user administration and bindings on the control plane.
    route("POST", "/mock/admin/users", post_admin_user); // MOCK-CP-7
    route("POST", "/mock/admin/users/{login}/reset-password",
          post_admin_reset_password);                                       // NS-PWD-18
    route("PUT", "/mock/admin/bindings", put_admin_binding);                // MOCK-CP-8
    route("DELETE", "/mock/admin/bindings/{userId}", delete_admin_binding); // MOCK-CP-8
}

} // namespace logintest::mocks::asurso
