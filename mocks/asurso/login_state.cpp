// loginStates (login_state.hpp).
#include "mocks/asurso/login_state.hpp"

#include "mocks/asurso/asurso_state.hpp"
#include "mocks/asurso/presession.hpp"
#include "mocks/common/random.hpp"

namespace logintest::mocks::asurso {
namespace {

// NS-ESIA-16: a loginState works only with the NSSESSIONID that created it, unless the
// defect loginstate-not-session-bound is on (MOCK-DEF: then from any NSSESSIONID).
bool session_matches(const AsursoState& state, const LoginState& ls,
                     const std::optional<std::string>& nssessionid) {
    if (state.defects.on(common::Defect::loginstate_not_session_bound)) {
        return true;
    }
    return nssessionid && *nssessionid == ls.nssessionid;
}

bool usable(const AsursoState& state, const LoginState& ls,
            const std::optional<std::string>& nssessionid) {
    // NS-ESIA-16: filled by a callback (not a bare reservation), not consumed, same session.
    return ls.oid.has_value() && !ls.consumed && session_matches(state, ls, nssessionid);
}

std::optional<std::string> insert_new(AsursoState& state, const LoginState& ls) {
    const auto now = state.now();
    const auto expires = now + std::chrono::seconds(state.config.login_state_ttl_s);
    for (int attempt = 0; attempt < 4; ++attempt) {
        std::string uuid = common::random_uuid4();
        const auto result = state.sso.login_states.insert(uuid, ls, expires, now);
        if (result == LoginStateStore::Insert::inserted) {
            return uuid;
        }
        if (result == LoginStateStore::Insert::full) {
            return std::nullopt; // MOCK-CAP-1
        }
    }
    return std::nullopt;
}

} // namespace

std::optional<std::string> create_login_state(AsursoState& state, std::int64_t oid, bool trusted,
                                              const std::string& nssessionid,
                                              const std::string& reserved) {
    const auto now = state.now();
    const auto expires = now + std::chrono::seconds(state.config.login_state_ttl_s);
    // NS-ESIA-6: the reserved loginState of this session, if it is still there, is filled in
    // and valid from now on.
    if (!reserved.empty()) {
        const bool filled = state.sso.login_states
                                .with(reserved, now,
                                      [&](LoginState& ls, auto& expires_at) {
                                          if (ls.oid || ls.nssessionid != nssessionid) {
                                              return false;
                                          }
                                          ls.oid = oid;
                                          ls.trusted = trusted;
                                          ls.issued_at = now;
                                          expires_at = expires;
                                          return true;
                                      })
                                .value_or(false);
        if (filled) {
            return reserved;
        }
    }
    // NS-ESIA-14: {oid, trusted, NSSESSIONID, issued_at, consumed:false} under a new UUID.
    return insert_new(state, LoginState{oid, trusted, nssessionid, now, false});
}

std::optional<std::string> reserve_login_state(AsursoState& state, const std::string& nssessionid) {
    return insert_new(state, LoginState{std::nullopt, false, nssessionid, state.now(), false});
}

bool is_reserved_login_state(AsursoState& state, const std::string& uuid,
                             const std::string& nssessionid) {
    const auto ls = state.sso.login_states.get(uuid, state.now());
    return ls && !ls->oid && ls->nssessionid == nssessionid;
}

std::optional<LoginState> find_login_state(AsursoState& state, std::string_view uuid,
                                           const common::Request& req) {
    if (uuid.empty()) {
        return std::nullopt;
    }
    const auto nssessionid = req.cookie(presession_cookie);
    auto ls = state.sso.login_states.get(std::string(uuid), state.now());
    if (!ls || !usable(state, *ls, nssessionid)) {
        return std::nullopt;
    }
    return ls;
}

std::optional<bool> consume_if(AsursoState& state, std::string_view uuid,
                               const common::Request& req,
                               const std::function<bool(const LoginState&)>& decide) {
    if (uuid.empty()) {
        return std::nullopt;
    }
    const auto nssessionid = req.cookie(presession_cookie);
    const std::string key(uuid);
    const auto now = state.now();
    // MOCK-HOST-7: the check and the consumption happen under one lock.
    const auto outcome =
        state.sso.login_states.with(key, now, [&](LoginState& ls, auto&) -> std::optional<bool> {
            if (!usable(state, ls, nssessionid)) {
                return std::nullopt;
            }
            const bool consume = decide(ls);
            ls.consumed = ls.consumed || consume;
            return consume;
        });
    if (!outcome || !*outcome) {
        return std::nullopt;
    }
    if (**outcome) {
        state.sso.login_states.erase(key, now); // consumed: gone for good
    }
    return *outcome;
}

void discard_login_state(AsursoState& state, std::string_view uuid, const common::Request& req) {
    if (find_login_state(state, uuid, req)) {
        state.sso.login_states.erase(std::string(uuid), state.now()); // NS-BIND-11
    }
}

} // namespace logintest::mocks::asurso
