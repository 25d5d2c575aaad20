// §21.1 MOCK-CP-8: asurso's bindings on the control plane, set without any rule check (to
// prepare defence-in-depth tests such as NS-AGE-4): `PUT /mock/admin/bindings` and
// `DELETE /mock/admin/bindings/{userId}`. Both answer the user as MOCK-CP-7 shows it.
#include "mocks/asurso/admin_users.hpp"
#include "mocks/asurso/handlers.hpp"
#include "mocks/common/responses.hpp"
#include "support/text/strings.hpp"

#include <boost/json/parse.hpp>

namespace logintest::mocks::asurso {
namespace {

std::optional<std::int64_t> json_int(const boost::json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    if (v == nullptr || !v->is_int64()) {
        return std::nullopt;
    }
    return v->get_int64();
}

Response user_answer(AsursoState& state, std::int64_t user_id) {
    const auto user = state.users.by_id(user_id);
    if (!user) {
        return common::message(404, "unknown user");
    }
    return common::json(200, admin_user_json(*user));
}

} // namespace

Response put_admin_binding(AsursoState& state, const Request& req) {
    // MOCK-CP-8: {"userId":n,"oid":n}.
    boost::system::error_code ec;
    const auto body = boost::json::parse(req.body, ec);
    if (ec || !body.is_object()) {
        return common::message(400, "expected {\"userId\":n,\"oid\":n}");
    }
    const auto user_id = json_int(body.get_object(), "userId");
    const auto oid = json_int(body.get_object(), "oid");
    if (!user_id || !oid) {
        return common::message(400, "expected {\"userId\":n,\"oid\":n}");
    }
    // MOCK-CP-8: no rule check; an existing binding to another oid is replaced.
    if (state.users.bind(*user_id, *oid, true) == UserStore::BindResult::unknown_user) {
        return common::message(404, "unknown user");
    }
    return user_answer(state, *user_id);
}

Response delete_admin_binding(AsursoState& state, const Request& req) {
    // MOCK-CP-8: unbinds; a user without a binding stays so.
    const auto user_id = support::parse_int(req.path_param("userId"));
    if (!user_id || !state.users.unbind(*user_id)) {
        return common::message(404, "unknown user");
    }
    return user_answer(state, *user_id);
}

} // namespace logintest::mocks::asurso
