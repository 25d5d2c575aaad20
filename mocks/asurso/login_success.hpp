// The end of every successful asurso login (school-module now; binding and loginType=8
// later): opens the session (NS-SESSION-1), picks the entry point (NS-LOGIN-23, NS-PWD-10,
// -11) and builds the NS-LOGIN-22 answer with the NS-SESSION-2 cookies. Thread-safe.
#pragma once

#include "mocks/asurso/asurso_state.hpp"
#include "mocks/asurso/user_store.hpp"
#include "mocks/common/http_message.hpp"

#include <optional>
#include <string>

namespace logintest::mocks::asurso {

struct LoginGrant {
    UserRecord user;              // as after the password step
    std::optional<int> rolegroup; // a valid chosen role (NS-LOGIN-27), or none
    std::string nssessionid;      // the pre-login session the login came from
    bool school_login = false;    // NS-LOGIN-25: also set TTSLogin
};

// 200 per NS-LOGIN-22, or 503 (MOCK-CAP-1) when the session store is full.
common::Response complete_login(AsursoState& state, const LoginGrant& grant);

} // namespace logintest::mocks::asurso
