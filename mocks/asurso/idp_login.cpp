// §10.4: `POST /webapi/auth/login` with loginType=8, the login into a school-module user bound
// to the ESIA account of a loginState, without the school-module password (NS-ESIA-21..23),
// checked in the order of NS-ESIA-22; success is the answer of NS-LOGIN-22 (login_success).
#include "mocks/asurso/account_info.hpp"
#include "mocks/asurso/age.hpp"
#include "mocks/asurso/handlers.hpp"
#include "mocks/asurso/login_state.hpp"
#include "mocks/asurso/login_success.hpp"
#include "mocks/asurso/message_texts.hpp"
#include "mocks/asurso/texts.hpp"
#include "mocks/asurso/webapi_params.hpp"
#include "mocks/common/responses.hpp"
#include "support/text/strings.hpp"

#include <algorithm>

namespace logintest::mocks::asurso {
namespace {

// NS-LOGIN-17 spelling rule: the capitalised one wins.
std::string_view field(const common::Params& form, std::string_view capitalised,
                       std::string_view lower) {
    if (auto v = form.get(capitalised)) {
        return *v;
    }
    return form.value_or_empty(lower);
}

// NS-PWD-15, -16: locked, unless a lock with a duration has run out.
bool locked_now(const AsursoState& state, const UserRecord& user) {
    const auto& lockout = state.config.lockout;
    if (!user.locked) {
        return false;
    }
    return lockout.duration_s <= 0 ||
           state.now() < user.locked_at + std::chrono::seconds(lockout.duration_s);
}

} // namespace

Response post_auth_login(AsursoState& state, const Request& req) {
    // GEN-9: a form, each field at most once.
    const auto form =
        form_params(req, {"loginType", "LoginType", "lscope", "idp", "loginState", "rolegroup"});
    if (!form || !query_params(req, {})) {
        return bad_request();
    }
    const auto& cfg = state.config;
    const std::string uuid(form->value_or_empty("loginState"));

    // NS-ESIA-22 (1): the loginState is valid for this NSSESSIONID (NS-ESIA-16).
    const auto ls = find_login_state(state, uuid, req);
    if (!ls) {
        return common::message(409,
                               text_of(cfg, "T-LOGIN-STATE-EXPIRED", texts::login_state_expired));
    }
    // NS-ESIA-22 (2): loginType 8 through the IdP esia.
    if (field(*form, "LoginType", "loginType") != "8" || form->value_or_empty("idp") != "esia") {
        return common::message(409, text_of(cfg, "T-BAD-REQUEST", texts::bad_request));
    }
    // NS-ESIA-22 (3): lscope names a user bound to the loginState's oid (listed or not).
    const auto lscope = form->value_or_empty("lscope");
    std::optional<UserRecord> user;
    for (auto& u : state.users.users_bound_to(*ls->oid)) {
        if (lscope_id(*ls->oid, u.user_id) == lscope) {
            user = std::move(u);
            break;
        }
    }
    if (!user) {
        return common::message(409, text_of(cfg, "T-ESIA-FAILED", texts::esia_failed));
    }
    // NS-ESIA-22 (4), NS-AGE-4: never into a pupil under 14.
    if (is_pupil_under_min_age(state, *user)) {
        return common::message(409, text_of(cfg, "T-UNDER-14", texts::under_14));
    }
    // NS-ESIA-22 (5), NS-PWD-17: a locked user, when the lock also blocks ESIA logins.
    if (cfg.lockout.blocks_esia && locked_now(state, *user)) {
        state.counters.add("logins_locked");
        return common::message(409, text_of(cfg, "T-LOCKED", texts::locked));
    }
    // NS-ESIA-22 (6): rolegroup as NS-LOGIN-18 step 7.
    std::optional<int> rolegroup;
    if (const auto rg = form->get("rolegroup")) {
        const auto role = support::parse_int(*rg);
        if (!role ||
            std::find(user->roles.begin(), user->roles.end(), *role) == user->roles.end()) {
            return common::message(409,
                                   text_of(cfg, "T-ROLE-UNAVAILABLE", texts::role_unavailable));
        }
        rolegroup = static_cast<int>(*role);
    }
    // NS-ESIA-23: the loginState is consumed, at most once (MOCK-HOST-7) ...
    const auto consumed = consume_if(
        state, uuid, req, [&](const LoginState& current) { return current.oid == ls->oid; });
    if (!consumed || !*consumed) {
        return common::message(409,
                               text_of(cfg, "T-LOGIN-STATE-EXPIRED", texts::login_state_expired));
    }
    // ... and the answer is that of NS-LOGIN-22, in the session of this NSSESSIONID.
    const std::string nssessionid = req.cookie(presession_cookie).value_or(ls->nssessionid);
    return complete_login(state, LoginGrant{*user, rolegroup, nssessionid, false});
}

} // namespace logintest::mocks::asurso
