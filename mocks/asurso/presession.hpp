// Pre-login sessions (NS-LOGIN-5): the server-side state named by the NSSESSIONID cookie,
// holding the current one-time salt (NS-LOGIN-13); later also pending ESIA states and
// loginStates. They live in an ExpiringStore with idle expiry (`presession_idle_s`).
// The helpers are thread-safe (the store locks).
#pragma once

#include "mocks/common/expiring_store.hpp"
#include "mocks/common/http_message.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace logintest::mocks::asurso {

struct AsursoState;

// NS-LOGIN-13: the salt of the latest getdata and the lt / ver issued with it.
struct IssuedSalt {
    std::string lt;
    std::string ver;
    std::string salt;
    std::chrono::system_clock::time_point issued_at;
};

// NS-ESIA-3: a `state` sent to esia by crosslogin, pending until its callback.
struct PendingEsiaState {
    std::string state; // the UUID
    std::chrono::system_clock::time_point issued_at;
    std::string reserved_login_state; // NS-ESIA-6: a pre-allocated loginState, or ""
};

struct PreSession {
    std::optional<IssuedSalt> salt;            // only the latest is valid; consumed by one login
    std::vector<PendingEsiaState> esia_states; // NS-ESIA-3: oldest first, at most max_pending
};

using PreSessionStore = common::ExpiringStore<std::string, PreSession>;

struct PreSessionRef {
    std::string id;       // the NSSESSIONID value
    bool created = false; // a new one: the response must set the cookie
    bool full = false;    // MOCK-CAP-1: no room for a new one (answer 503)
};

// NS-LOGIN-5: the request's known pre-login session (its idle time renewed), or a new one.
PreSessionRef ensure_presession(AsursoState& state, const common::Request& req);

// NS-LOGIN-5, MOCK-HOST-6: `NSSESSIONID=<32 hex>; Path=/; HttpOnly` when `ref` is new.
void set_presession_cookie(const AsursoState& state, common::Response& response,
                           const PreSessionRef& ref);

inline constexpr std::string_view presession_cookie = "NSSESSIONID";

} // namespace logintest::mocks::asurso
