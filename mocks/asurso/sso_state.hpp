// SsoState: the part of AsursoState that the ESIA single sign-on and binding use (§10-§12):
// the loginStates (NS-ESIA-14), asurso's ESIA client keys (ESIA-SIG-7, ESIA-JWT-6) and the
// backchannel to esia (MOCK-HOST-4). Pending ESIA states live in the pre-login sessions
// (NS-ESIA-3) and bindings in the UserStore (NS-BIND). Thread-safe like its members. A member
// of AsursoState; stop_backchannel() runs before the rest of the state goes away, so an
// exchange in flight never completes into a destroyed state.
#pragma once

#include "mocks/asurso/esia_backchannel.hpp"
#include "mocks/asurso/esia_client_keys.hpp"
#include "mocks/asurso/login_state.hpp"

namespace logintest::mocks::asurso {

struct AsursoConfig;

struct SsoState {
    explicit SsoState(const AsursoConfig& config);

    // MOCK-CP-3: loginStates dropped (key files stay, they are stable between runs).
    void reset() { login_states.clear(); }

    LoginStateStore login_states;
    EsiaClientKeys keys;
    EsiaBackchannel backchannel;
};

} // namespace logintest::mocks::asurso
