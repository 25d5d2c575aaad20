// NS-BIND-5..8 and NS-AGE-3: binding inside the school-module login (binding.hpp).
#include "mocks/asurso/binding.hpp"

#include "mocks/asurso/age.hpp"
#include "mocks/asurso/login_state.hpp"
#include "mocks/asurso/login_success.hpp"
#include "mocks/asurso/message_texts.hpp"
#include "mocks/asurso/texts.hpp"
#include "mocks/common/responses.hpp"

namespace logintest::mocks::asurso {
namespace {

common::Response refused(AsursoState& state, std::string_view key, std::string_view text) {
    state.counters.add("binds_refused"); // MOCK-CP-4
    return common::message(409, text_of(state.config, key, text));
}

} // namespace

std::optional<common::Response> check_binding_login_state(AsursoState& state,
                                                          const common::Request& req,
                                                          std::string_view login_state) {
    // NS-BIND-6 step 1, NS-ESIA-16: valid for this NSSESSIONID, else T-LOGIN-STATE-EXPIRED.
    if (find_login_state(state, login_state, req)) {
        return std::nullopt;
    }
    return refused(state, "T-LOGIN-STATE-EXPIRED", texts::login_state_expired);
}

common::Response complete_binding(AsursoState& state, const common::Request& req,
                                  std::string_view login_state, const UserRecord& user,
                                  std::optional<int> rolegroup, const std::string& nssessionid) {
    // NS-BIND-6 step 3, NS-AGE-3: never a pupil under 14; nothing bound, the loginState stays
    // valid (MOCK-DEF bind-under-14: the check is skipped).
    if (!state.defects.on(common::Defect::bind_under_14) && is_pupil_under_min_age(state, user)) {
        return refused(state, "T-UNDER-14", texts::under_14);
    }
    // NS-BIND-6 steps 4-5 under the loginState's lock: a user bound to another oid is refused
    // (MOCK-DEF rebind-other-oid: the binding is replaced); otherwise the user is bound
    // (nothing changes if already bound to this oid) and the loginState consumed.
    const bool replace = state.defects.on(common::Defect::rebind_other_oid);
    bool other_oid = false;
    const auto consumed = consume_if(state, login_state, req, [&](const LoginState& ls) {
        switch (state.users.bind(user.user_id, *ls.oid, replace)) {
        case UserStore::BindResult::bound:
        case UserStore::BindResult::already_bound:
            return true;
        case UserStore::BindResult::other_oid:
            other_oid = true;
            return false;
        case UserStore::BindResult::unknown_user:
            return false;
        }
        return false;
    });
    if (other_oid) {
        return refused(state, "T-BIND-OTHER-OID", texts::bind_other_oid); // NS-BIND-7
    }
    if (!consumed || !*consumed) {
        // Consumed or expired since step 2 (a concurrent binding won the race).
        return refused(state, "T-LOGIN-STATE-EXPIRED", texts::login_state_expired);
    }
    state.counters.add("binds_ok"); // MOCK-CP-4
    // NS-BIND-6 step 5: the answer of NS-LOGIN-22 (a school-module login: TTSLogin too).
    return complete_login(state, LoginGrant{user, rolegroup, nssessionid, true});
}

} // namespace logintest::mocks::asurso
