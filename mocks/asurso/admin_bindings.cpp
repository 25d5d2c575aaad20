// §21.1 MOCK-CP-8: asurso's bindings on the control plane, set without any rule check (to
// prepare defence-in-depth tests such as NS-AGE-4): `PUT /mock/admin/bindings` and
// `DELETE /mock/admin/bindings/{userId}`. Both answer the user as MOCK-CP-7 shows it.
#include "mocks/asurso/admin_users.hpp"
#include "mocks/asurso/handlers.hpp"
#include "mocks/common/control_body.hpp"
#include "mocks/common/responses.hpp"
#include "support/text/strings.hpp"

#include <limits>

namespace logintest::mocks::asurso {
namespace {

Response user_answer(AsursoState& state, std::int64_t user_id) {
    const auto user = state.users.by_id(user_id);
    if (!user) {
        return common::message(404, "unknown user");
    }
    return common::json(200, admin_user_json(*user));
}

} // namespace

Response put_admin_binding(AsursoState& state, const Request& req) {
    // MOCK-CP-8: {"userId":n,"oid":n}; MOCK-CP-10: read as strictly as the §23 file (both
    // positive integers, no other key).
    long long user_id = 0;
    long long oid = 0;
    constexpr long long max_id = std::numeric_limits<long long>::max();
    support::ConfigSchema schema;
    schema.add("userId", support::read_into(user_id, 1, max_id));
    schema.add("oid", support::read_into(oid, 1, max_id));
    if (auto bad = common::read_control_body(req.body, schema, {"userId", "oid"},
                                             "{\"userId\":n,\"oid\":n}")) {
        return std::move(*bad);
    }
    // MOCK-CP-8: no rule check; an existing binding to another oid is replaced.
    if (state.users.bind(user_id, oid, true) == UserStore::BindResult::unknown_user) {
        return common::message(404, "unknown user");
    }
    return user_answer(state, user_id);
}

Response delete_admin_binding(AsursoState& state, const Request& req) {
    // MOCK-CP-8: unbinds; a user without a binding stays so. MOCK-CP-10: no body.
    if (auto bad = common::expect_no_body(req)) {
        return std::move(*bad);
    }
    const auto user_id = support::parse_int(req.path_param("userId"));
    if (!user_id || !state.users.unbind(*user_id)) {
        return common::message(404, "unknown user");
    }
    return user_answer(state, *user_id);
}

} // namespace logintest::mocks::asurso
