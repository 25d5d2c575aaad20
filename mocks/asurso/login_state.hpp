// loginStates (NS-ESIA-14, -16; NS-ESIA-6): what the ESIA callback leaves for the login
// page, account-info, the loginType=8 login and binding. A loginState is a UUID naming
// {oid, trusted, NSSESSIONID, issued_at, consumed}; it is valid `login_state_ttl_s` after
// its issue, only with the NSSESSIONID that created it (any one under the defect
// loginstate-not-session-bound), and until a successful loginType=8 login or binding
// consumes it. They live in one ExpiringStore (MOCK-CAP-1, `limits.max_pending`), keyed by
// the UUID. Thread-safe: consume_if() decides and consumes under the store's lock, so a
// loginState is consumed at most once under any interleaving (MOCK-HOST-7).
#pragma once

#include "mocks/common/expiring_store.hpp"
#include "mocks/common/http_message.hpp"

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace logintest::mocks::asurso {

struct AsursoState;

struct LoginState {
    std::optional<std::int64_t> oid; // empty: only reserved (NS-ESIA-6), not yet usable
    bool trusted = false;            // `urn:esia:sbj:is_tru` (NS-ESIA-18)
    std::string nssessionid;         // the pre-login session that created it
    std::chrono::system_clock::time_point issued_at;
    bool consumed = false;
};

using LoginStateStore = common::ExpiringStore<std::string, LoginState>;

// NS-ESIA-14: a new loginState for `oid`, or the reserved one `reserved` of this session
// (NS-ESIA-6) filled in. Its UUID, or nullopt when the store is full (MOCK-CAP-1).
std::optional<std::string> create_login_state(AsursoState& state, std::int64_t oid, bool trusted,
                                              const std::string& nssessionid,
                                              const std::string& reserved = {});

// NS-ESIA-6: a reserved loginState of this session (no oid yet); nullopt when full.
std::optional<std::string> reserve_login_state(AsursoState& state, const std::string& nssessionid);

// True when `uuid` names a reserved loginState of this session (NS-ESIA-6).
bool is_reserved_login_state(AsursoState& state, const std::string& uuid,
                             const std::string& nssessionid);

// NS-ESIA-16: a copy of the loginState if it is valid for the request's NSSESSIONID.
std::optional<LoginState> find_login_state(AsursoState& state, std::string_view uuid,
                                           const common::Request& req);

// Under the store's lock: if the loginState is valid for the request's NSSESSIONID, runs
// `decide` on it; `decide` returns true to consume it (NS-ESIA-23, NS-BIND-6 step 5) and
// false to leave it valid (NS-BIND-7). nullopt when the loginState is not valid (then
// `decide` did not run), else what `decide` returned.
std::optional<bool> consume_if(AsursoState& state, std::string_view uuid,
                               const common::Request& req,
                               const std::function<bool(const LoginState&)>& decide);

// NS-BIND-11: discards the loginState if it is valid for the request; no error otherwise.
void discard_login_state(AsursoState& state, std::string_view uuid, const common::Request& req);

} // namespace logintest::mocks::asurso
