// §9.5: the administrator's password reset on the control plane,
// `POST /mock/admin/users/{login}/reset-password?scid=` (NS-PWD-18..20, MOCK-CP-7).
#include "mocks/asurso/admin_users.hpp"
#include "mocks/asurso/handlers.hpp"
#include "mocks/common/issued_secrets.hpp"

#include "crypto/netschool_hash.hpp"
#include "mocks/common/control_body.hpp"
#include "mocks/common/responses.hpp"

namespace logintest::mocks::asurso {

Response post_admin_reset_password(AsursoState& state, const Request& req) {
    // MOCK-CP-10: no body (or {}).
    if (auto bad = common::expect_no_body(req)) {
        return std::move(*bad);
    }
    // MOCK-CP-7: {login} with an optional scid; 404 unknown, 409 ambiguous.
    const auto found = find_admin_user(state, req);
    if (!found.user) {
        return *found.error;
    }
    // NS-PWD-18, NS-PWD-2: a generated password; only its hash and length are stored.
    const std::string password = state.password_generator.generate();
    common::issued_secret("generated password", password);
    const std::string md5 = crypto::netschool_password_md5(password);
    const std::size_t length = crypto::utf16_length(password);
    const bool first_login = state.config.reset_sets_first_login;
    const bool reset = state.users
                           .with_user(found.user->user_id,
                                      [&](UserRecord& u) {
                                          // Kept for MOCK-DEF reset-keeps-old-password only
                                          // (NS-PWD-19: the old password must fail).
                                          u.pre_reset_md5 = u.stored_md5;
                                          u.pre_reset_len = u.stored_len;
                                          // NS-PWD-18: new hash, lock and counter cleared,
                                          // first_login per reset_sets_first_login.
                                          u.stored_md5 = md5;
                                          u.stored_len = length;
                                          u.locked = false;
                                          u.failed_count = 0;
                                          u.first_login = first_login;
                                      })
                           .has_value();
    if (!reset) {
        return common::message(404, "unknown login");
    }
    // NS-PWD-20: existing sessions stay valid. The plain password appears only here.
    boost::json::object body;
    body["login"] = found.user->login;
    body["scid"] = found.user->scid;
    body["userId"] = found.user->user_id;
    body["password"] = password;
    return common::json(200, body);
}

} // namespace logintest::mocks::asurso
