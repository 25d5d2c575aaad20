// asurso routes of the ESIA single sign-on (§10) and of binding (§11), with the under-14
// rules (§12). Binding itself runs inside `POST /webapi/login` (school_login.cpp ->
// binding.cpp), and the loginState pages inside `GET /app/login` (render_login_state_page).
#include "mocks/asurso/asurso_app.hpp"

#include "mocks/asurso/handlers.hpp"

namespace logintest::mocks::asurso {

void AsursoApp::add_sso_routes() {
    // §10.1: start, and the mobile-app loginState.
    route("GET", "/webapi/sso/esia/crosslogin", get_esia_crosslogin); // NS-ESIA-1
    route("GET", "/webapi/sso/esia/login", get_esia_crosslogin);      // NS-ESIA-1 alias
    route("POST", "/webapi/auth/login-state", post_auth_login_state); // NS-ESIA-6
    // §10.2: the callback answers after the server-to-server token exchange (MOCK-HOST-4).
    route_async("GET", "/webapi/sso/esia/callback", get_esia_callback); // NS-ESIA-7..17
    // §10.3, §10.4: account-info and the IdP login.
    route("GET", "/webapi/sso/esia/account-info", get_esia_account_info); // NS-ESIA-18
    route("POST", "/webapi/auth/login", post_auth_login);                 // NS-ESIA-21
    // §11: «Выход» on the bind prompt.
    route("GET", "/webapi/sso/esia/logout", get_esia_logout); // NS-BIND-11
}

} // namespace logintest::mocks::asurso
