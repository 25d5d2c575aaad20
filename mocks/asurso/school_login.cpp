// §6.5: the school-module login, `POST /webapi/login`, step by step in the order of
// NS-LOGIN-18 (the first failing step decides the answer).
#include "mocks/asurso/binding.hpp"
#include "mocks/asurso/handlers.hpp"
#include "mocks/asurso/login_success.hpp"
#include "mocks/asurso/texts.hpp"
#include "mocks/asurso/webapi_params.hpp"
#include "mocks/common/responses.hpp"
#include "support/text/strings.hpp"

#include <algorithm>

namespace logintest::mocks::asurso {
namespace {

// NS-LOGIN-20: one answer for a wrong password and an unknown login, byte for byte.
Response wrong_credentials(AsursoState& state) {
    state.counters.add("logins_wrong_credentials");
    // MOCK-DEF wrong-409-text (violates NS-LOGIN-20): another text than T-WRONG-CRED.
    if (state.defects.on(common::Defect::wrong_409_text)) {
        return common::message(409, texts::defect_wrong_409);
    }
    return common::message(409, texts::wrong_cred);
}

// NS-LOGIN-18 step 4, NS-LOGIN-20: an unknown login answers as a wrong password.
Response unknown_login(AsursoState& state) {
    // MOCK-DEF enumerating-409 (violates NS-LOGIN-20): the answer tells the login is unknown.
    if (state.defects.on(common::Defect::enumerating_409)) {
        state.counters.add("logins_wrong_credentials");
        return common::message(409, texts::defect_user_not_found);
    }
    return wrong_credentials(state);
}

// MOCK-DEF salt-not-session-bound (violates NS-LOGIN-14): the pre-login session of any
// NSSESSIONID whose current salt was issued with this lt and ver.
std::optional<std::string> salt_owner(AsursoState& state, std::string_view lt,
                                      std::string_view ver) {
    return state.presessions.find_key_if(state.now(), [&](const PreSession& p) {
        return p.salt && p.salt->lt == lt && p.salt->ver == ver;
    });
}

// NS-LOGIN-14 / -18 step 1: takes the session's salt (consumed whatever the outcome) and
// returns it if it is unexpired and was issued with these lt and ver.
std::optional<IssuedSalt> consume_salt(AsursoState& state, const std::optional<std::string>& id,
                                       std::string_view lt, std::string_view ver) {
    if (!id) {
        return std::nullopt; // no pre-login session: no salt
    }
    const auto now = state.now();
    const auto idle = std::chrono::seconds(state.config.presession_idle_s);
    // Under the store's lock: a salt is accepted at most once (MOCK-HOST-7), and only from
    // the session it was issued to; it is never looked up by value.
    // MOCK-DEF salt-reuse (violates NS-LOGIN-14): the salt is read but not consumed.
    const bool consume = !state.defects.on(common::Defect::salt_reuse);
    auto taken = state.presessions.with(*id, now, [&](PreSession& p, auto& expires_at) {
        expires_at = now + idle; // NS-LOGIN-5: a request renews the pre-login session
        std::optional<IssuedSalt> salt = p.salt;
        if (consume) {
            p.salt.reset();
        }
        return salt;
    });
    if (!taken || !*taken) {
        return std::nullopt;
    }
    IssuedSalt salt = std::move(**taken);
    const bool fresh = now < salt.issued_at + std::chrono::seconds(state.config.salt_ttl_s);
    if (!fresh || salt.lt != lt || salt.ver != ver) {
        return std::nullopt;
    }
    return salt;
}

// The MOCK-DEF switches of steps 5-6 enabled on this host now.
PasswordDefects password_defects(const AsursoState& state) {
    using common::Defect;
    PasswordDefects d;
    d.accept_any_password = state.defects.on(Defect::accept_wrong_password);
    d.prefix_unchecked = state.defects.on(Defect::pw_prefix_unchecked);
    d.no_lockout = state.defects.on(Defect::no_lockout);
    d.accept_pre_reset = state.defects.on(Defect::reset_keeps_old_password);
    return d;
}

// NS-LOGIN-17: both spellings accepted; if both are present the capitalised one wins.
std::string_view field(const common::Params& form, std::string_view capitalised,
                       std::string_view lower) {
    if (auto v = form.get(capitalised)) {
        return *v;
    }
    return form.value_or_empty(lower);
}

} // namespace

Response post_login(AsursoState& state, const Request& req) {
    // GEN-9: a form, each field at most once; refused before anything changes.
    const auto form =
        form_params(req, {"LoginType", "loginType", "cid", "sid", "pid", "cn", "sft", "scid", "UN",
                          "un", "PW", "pw", "pw2", "lt", "ver", "rolegroup", "loginState"});
    if (!form || !query_params(req, {})) {
        return bad_request();
    }

    // NS-LOGIN-15: no school-module login in an ESIA-only deployment.
    if (!state.config.school_login_enabled) {
        return common::message(409, texts::school_login_off);
    }

    // NS-LOGIN-18 step 1: an unused, unexpired salt of this NSSESSIONID with matching lt and
    // ver; the salt is consumed here (NS-LOGIN-14).
    auto nssessionid = req.cookie(presession_cookie);
    auto salt =
        consume_salt(state, nssessionid, form->value_or_empty("lt"), form->value_or_empty("ver"));
    if (!salt && state.defects.on(common::Defect::salt_not_session_bound)) {
        // MOCK-DEF salt-not-session-bound (violates NS-LOGIN-14): a salt of another session.
        const auto owner =
            salt_owner(state, form->value_or_empty("lt"), form->value_or_empty("ver"));
        salt = consume_salt(state, owner, form->value_or_empty("lt"), form->value_or_empty("ver"));
        if (salt && !nssessionid) {
            nssessionid = owner;
        }
    }
    if (!salt) {
        state.counters.add("logins_stale_salt");
        return common::message(409, texts::stale_salt);
    }

    // NS-LOGIN-18 step 2, NS-BIND-6 step 1: loginState must be valid for this NSSESSIONID
    // (binding.cpp).
    const auto login_state = form->get("loginState");
    if (login_state) {
        if (auto refused = check_binding_login_state(state, req, *login_state)) {
            return std::move(*refused);
        }
    }

    // NS-LOGIN-18 step 3: scid, UN, PW, pw2 present and non-empty, LoginType 1 (absent = 1).
    const auto login_type = field(*form, "LoginType", "loginType");
    const auto scid = support::parse_int(form->value_or_empty("scid"));
    const auto un = field(*form, "UN", "un");
    const auto pw = field(*form, "PW", "pw");
    const auto pw2 = form->value_or_empty("pw2");
    if ((!login_type.empty() && login_type != "1") || !scid || support::trim_ows(un).empty() ||
        pw.empty() || pw2.empty() || *scid < INT32_MIN || *scid > INT32_MAX) {
        return wrong_credentials(state); // not counted against any user
    }

    // NS-LOGIN-18 steps 4-6 in one atomic step: user (NS-LOGIN-19), lock (NS-PWD-15),
    // password (NS-HASH-5) and failed counter (NS-PWD-14).
    const auto outcome =
        state.users.check_password(static_cast<int>(*scid), un, salt->salt, pw2, pw,
                                   state.config.lockout, state.now(), password_defects(state));
    switch (outcome.verdict) {
    case PasswordVerdict::unknown_user:
        return unknown_login(state); // step 4, NS-LOGIN-20
    case PasswordVerdict::locked:
        state.counters.add("logins_locked"); // step 5
        return common::message(409, texts::locked);
    case PasswordVerdict::wrong_now_locked:
        state.counters.add("lockouts"); // NS-PWD-15: the threshold is reached now
        return wrong_credentials(state);
    case PasswordVerdict::wrong:
        return wrong_credentials(state); // step 6
    case PasswordVerdict::right:
        break;
    }
    const UserRecord& user = *outcome.user;

    // NS-LOGIN-18 step 7: a rolegroup must be one of the user's role ids.
    std::optional<int> rolegroup;
    if (const auto rg = form->get("rolegroup")) {
        const auto role = support::parse_int(*rg);
        if (!role || std::find(user.roles.begin(), user.roles.end(), *role) == user.roles.end()) {
            return common::message(409, texts::role_unavailable);
        }
        rolegroup = static_cast<int>(*role);
    }

    // NS-LOGIN-18 step 8, only with loginState: NS-AGE-3 and NS-BIND-6 steps 3-5, then the
    // answer of NS-LOGIN-22 (binding.cpp).
    if (login_state) {
        return complete_binding(state, req, *login_state, user, rolegroup, *nssessionid);
    }
    // NS-LOGIN-18 step 9: success, NS-LOGIN-22.
    return complete_login(state, LoginGrant{user, rolegroup, *nssessionid, true});
}

} // namespace logintest::mocks::asurso
