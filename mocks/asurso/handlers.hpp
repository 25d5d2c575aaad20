// The asurso endpoints, one function each, grouped in files by protocol step:
// login_data.cpp (§6.2, §6.4), school_login.cpp (§6.5), session_endpoints.cpp (§8),
// logout.cpp (§8), admin_endpoints.cpp (§21.1). AsursoApp routes to them. Each is a
// synchronous handler; all are thread-safe over AsursoState.
#pragma once

#include "mocks/asurso/asurso_state.hpp"
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

} // namespace logintest::mocks::asurso
