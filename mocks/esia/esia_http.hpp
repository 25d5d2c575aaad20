// HTTP conventions of the esia host shared by its handlers: the `ESIA_SESSION` cookie
// (ESIA-AC-5, MOCK-HOST-6), access to the session it names (renewed on use) and its rotation
// (ESIA-LOGIN-8), and GEN-3 / GEN-9 parameter parsing for the OAuth endpoints, the pages and
// the JSON API. Thread-safe over EsiaState.
#pragma once

#include "mocks/common/form.hpp"
#include "mocks/common/http_message.hpp"
#include "mocks/esia/esia_state.hpp"

#include <boost/json/value.hpp>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace logintest::mocks::esia {

using common::Request;
using common::Response;

inline constexpr std::string_view session_cookie_name = "ESIA_SESSION";

// ESIA-AC-5: a new cookie value, b64url of 32 random bytes.
std::string new_session_id();

// MOCK-HOST-6: `ESIA_SESSION=<value>; Path=/; HttpOnly[; Secure]`.
void set_session_cookie(const EsiaState& state, Response& response, const std::string& value);
// ESIA-LOGOUT-1: `ESIA_SESSION=; Path=/; HttpOnly; Max-Age=0[; Secure]`.
void clear_session_cookie(const EsiaState& state, Response& response);

// Runs `fn(EsiaSession&)` under the session store's lock if the request's cookie names a
// live session, renewing its idle expiry; nullopt otherwise.
template <class Fn>
auto with_session(EsiaState& state, const std::optional<std::string>& session_id, Fn&& fn) {
    using R = std::invoke_result_t<Fn, EsiaSession&>;
    if (!session_id) {
        return std::optional<R>{};
    }
    const auto now = state.now();
    const auto idle = std::chrono::seconds(state.config.session_idle_s);
    return state.sessions.with(*session_id, now, [&](EsiaSession& session, TimePoint& expires_at) {
        expires_at = now + idle;
        return fn(session);
    });
}

// ESIA-LOGIN-8: moves the session to a new cookie value; the new value, or nullopt when the
// session is gone (the old value then still works, or nothing does).
std::optional<std::string> rotate_session(EsiaState& state, const std::string& session_id);

// GEN-3 / GEN-9: the query parameters, or nullopt when malformed or one of `once` repeats.
std::optional<common::Params> query_params(const Request& req,
                                           std::initializer_list<std::string_view> once);
// GEN-9: the form body (Content-Type application/x-www-form-urlencoded, or no body and no
// type), or nullopt.
std::optional<common::Params> form_params(const Request& req,
                                          std::initializer_list<std::string_view> once);

// GEN-9: 400 {"failed":"BAD_REQUEST"} (the esia JSON API).
Response api_bad_request();
// ESIA-LOGIN-4: 400 {"error":"bad_request"} (a body that is not JSON).
Response api_not_json();

// The JSON object body of a JSON API request: nullopt and `error` set to the answer when the
// Content-Type is not JSON (GEN-9) or the body is not a JSON object (ESIA-LOGIN-4). An empty
// body counts as {} when `empty_ok`.
std::optional<boost::json::object> api_body(const Request& req, bool empty_ok,
                                            std::optional<Response>& error);

} // namespace logintest::mocks::esia
