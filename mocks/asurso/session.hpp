// Authenticated sessions (NS-SESSION-1..4): created by a successful login, named by the `at`
// value (the store key) and bound to an ESRNSec cookie value; they die `timeOut` ms after
// their last accepted request. The helpers are thread-safe (the store locks).
#pragma once

#include "mocks/common/expiring_store.hpp"
#include "mocks/common/http_message.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace logintest::mocks::asurso {

struct AsursoState;

struct Session {
    std::string at;          // 25 digits (NS-LOGIN-22)
    std::string esrnsec;     // the cookie value "ESRNSECR<userId>=<32 hex>" (NS-SESSION-2)
    std::string nssessionid; // the pre-login session it was opened from (NS-SESSION-1)
    std::int64_t user_id = 0;
    int scid = 0;
    int role_id = 0; // the active role (NS-LOGIN-26, -27)
    std::chrono::system_clock::time_point created;
    std::chrono::system_clock::time_point last_used;
};

using SessionStore = common::ExpiringStore<std::string, Session>;

// NS-SESSION-12: the `at` of a live session by its ESRNSec value, for the app pages that
// authenticate by the cookie alone. An entry is added with its session (complete_login),
// renewed with it (authenticate*) and removed with it (logout); a lookup always checks the
// session's own ESRNSec, so a stale entry is harmless.
using SessionCookieIndex = common::ExpiringStore<std::string, std::string>;

inline constexpr std::string_view session_cookie = "ESRNSec";

// NS-SESSION-3: the live session named by `at` whose ESRNSec equals the request's cookie;
// NS-SESSION-4: the accepted request renews it. nullopt: answer unauthorized().
std::optional<Session> authenticate(AsursoState& state, const common::Request& req,
                                    std::string_view at);

// NS-SESSION-12: the live session whose ESRNSec equals the request's cookie, without `at`;
// the accepted request renews it (NS-SESSION-4). nullopt: no such session.
std::optional<Session> authenticate_by_cookie(AsursoState& state, const common::Request& req);

// NS-SESSION-12: records a new session in the cookie index (with the session's expiry).
void index_session_cookie(AsursoState& state, const Session& session,
                          std::chrono::system_clock::time_point expires_at);

// NS-SESSION-3: 401 `{"message":"Необходима авторизация"}`, no cookies.
common::Response unauthorized();

} // namespace logintest::mocks::asurso
