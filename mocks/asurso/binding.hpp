// Binding an ESIA account to a school-module user inside `POST /webapi/login` (NS-BIND-5..8,
// NS-AGE-3): the login request carries `loginState`; NS-LOGIN-18 checks it at step 2 and
// binds at step 8. A refused binding changes no binding and leaves the loginState valid
// (NS-BIND-7); a successful one binds, consumes the loginState at most once (MOCK-HOST-7)
// and answers as NS-LOGIN-22. Thread-safe over AsursoState.
#pragma once

#include "mocks/asurso/asurso_state.hpp"
#include "mocks/asurso/user_store.hpp"
#include "mocks/common/http_message.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace logintest::mocks::asurso {

// NS-LOGIN-18 step 2, NS-BIND-6 step 1: nullopt when the loginState is valid for this
// NSSESSIONID, else the 409 T-LOGIN-STATE-EXPIRED to answer.
std::optional<common::Response> check_binding_login_state(AsursoState& state,
                                                          const common::Request& req,
                                                          std::string_view login_state);

// NS-LOGIN-18 step 8, NS-BIND-6 steps 3-5 for the user whose password was right: the age
// check (NS-AGE-3), the other-oid check, the binding, the loginState consumed and the
// NS-LOGIN-22 answer; or the 409 of the refusal.
common::Response complete_binding(AsursoState& state, const common::Request& req,
                                  std::string_view login_state, const UserRecord& user,
                                  std::optional<int> rolegroup, const std::string& nssessionid);

} // namespace logintest::mocks::asurso
