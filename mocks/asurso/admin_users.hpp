// MOCK-CP-7 helpers shared by asurso's user administration endpoints (admin_endpoints.cpp,
// admin_reset.cpp, admin_bindings.cpp): the user JSON of the control plane and the lookup of
// `{login}` with an optional `?scid=`. Thread-safe over AsursoState.
#pragma once

#include "mocks/asurso/asurso_state.hpp"
#include "mocks/asurso/user_store.hpp"
#include "mocks/common/http_message.hpp"

#include <boost/json/value.hpp>

#include <optional>

namespace logintest::mocks::asurso {

// MOCK-CP-7: {"userId","login","scid","roles","birthDate","firstLogin","locked",
// "failedCount","boundOid"}.
boost::json::object admin_user_json(const UserRecord& user);

// MOCK-CP-7: the user named by the route's `{login}` (percent-encoded UTF-8, decoded by the
// router) and `?scid=`; without scid the login must be unique. Exactly one of `user` and
// `error` is set: 400 for a malformed query, 404 for an unknown login, 409
// `{"message":"ambiguous login"}`.
struct AdminUserLookup {
    std::optional<UserRecord> user;
    std::optional<common::Response> error;
};
AdminUserLookup find_admin_user(AsursoState& state, const common::Request& req);

} // namespace logintest::mocks::asurso
