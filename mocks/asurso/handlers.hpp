// The asurso endpoints, one function each, grouped in files by protocol step:
// login_data.cpp (§6.2, §6.4), school_login.cpp (§6.5), session_endpoints.cpp (§8),
// logout.cpp (§8), admin_endpoints.cpp (§21.1). AsursoApp routes to them. Each is a
// synchronous handler; all are thread-safe over AsursoState.
#pragma once

#include "mocks/asurso/asurso_state.hpp"
#include "mocks/common/handler.hpp"
#include "mocks/common/http_message.hpp"

namespace logintest::mocks::asurso {

using common::Request;
using common::Response;

Response get_logindata(AsursoState& state, const Request& req);        // NS-LOGIN-4, -5
Response post_auth_getdata(AsursoState& state, const Request& req);    // NS-LOGIN-12, -13
Response post_login(AsursoState& state, const Request& req);           // NS-LOGIN-16..23
Response get_diary_init(AsursoState& state, const Request& req);       // NS-SESSION-8
Response get_context(AsursoState& state, const Request& req);          // NS-SESSION-6
Response get_years_current(AsursoState& state, const Request& req);    // NS-SESSION-7
Response get_context_expired(AsursoState& state, const Request& req);  // NS-SESSION-5
Response get_assignment_types(AsursoState& state, const Request& req); // NS-SESSION-15
Response post_logout(AsursoState& state, const Request& req);          // NS-SESSION-9, -10
Response get_admin_users(AsursoState& state, const Request& req);      // MOCK-CP-7 list
Response get_admin_user(AsursoState& state, const Request& req);       // MOCK-CP-7 one user

// §5, §6.1-§6.3, §8 pages, §9, §21.1 (routes in asurso_routes_pages.cpp): portal_page.cpp,
// login_page.cpp, school_selection.cpp, app_pages.cpp, password_change.cpp,
// admin_endpoints.cpp, admin_reset.cpp, admin_bindings.cpp.
Response get_portal(AsursoState& state, const Request& req);                // NS-PORTAL-1..6
Response get_about(AsursoState& state, const Request& req);                 // NS-PORTAL-5
Response get_login_page(AsursoState& state, const Request& req);            // NS-LOGIN-1..3
Response get_preloginnotice(AsursoState& state, const Request& req);        // NS-LOGIN-6
Response get_prepareloginform(AsursoState& state, const Request& req);      // NS-LOGIN-7
Response get_loginform(AsursoState& state, const Request& req);             // NS-LOGIN-9
Response get_schools_search(AsursoState& state, const Request& req);        // NS-LOGIN-10, -11
Response app_school_main(AsursoState& state, const Request& req);           // NS-SESSION-12, -13
Response app_change_password(AsursoState& state, const Request& req);       // NS-PWD-12
Response app_choose_session_role(AsursoState& state, const Request& req);   // NS-LOGIN-28
Response post_security_warning(AsursoState& state, const Request& req);     // NS-SESSION-14
Response post_user_password(AsursoState& state, const Request& req);        // NS-PWD-5..8
Response post_admin_user(AsursoState& state, const Request& req);           // MOCK-CP-7 add
Response post_admin_reset_password(AsursoState& state, const Request& req); // NS-PWD-18
Response put_admin_binding(AsursoState& state, const Request& req);         // MOCK-CP-8
Response delete_admin_binding(AsursoState& state, const Request& req);      // MOCK-CP-8

// §10-§12, ESIA single sign-on and binding (routes in asurso_routes_sso.cpp): sso_crosslogin.cpp,
// sso_callback.cpp (asynchronous), account_info.cpp, idp_login.cpp, binding.cpp (inside
// post_login), sso_logout.cpp, bind_pages.cpp.
Response get_esia_crosslogin(AsursoState& state, const Request& req);   // NS-ESIA-1..5
Response post_auth_login_state(AsursoState& state, const Request& req); // NS-ESIA-6
// NS-ESIA-7..17: answers through `respond` once the token exchange with esia is done.
void get_esia_callback(AsursoState& state, const Request& req, common::Responder respond);
Response get_esia_account_info(AsursoState& state, const Request& req); // NS-ESIA-18..20
Response post_auth_login(AsursoState& state, const Request& req);       // NS-ESIA-21..23
Response get_esia_logout(AsursoState& state, const Request& req);       // NS-BIND-11
// NS-BIND-1..4: the login page `GET /app/login` when the query has `loginState`: the expired
// loginState error, the bind prompt, the user list, or (with bind=1) the binding card.
Response render_login_state_page(AsursoState& state, const Request& req);

} // namespace logintest::mocks::asurso
