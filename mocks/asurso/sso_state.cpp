// SsoState (sso_state.hpp).
#include "mocks/asurso/sso_state.hpp"

#include "mocks/asurso/asurso_config.hpp"

namespace logintest::mocks::asurso {

SsoState::SsoState(const AsursoConfig& config)
    : login_states(config.max_pending), // MOCK-CAP-1 `limits.max_pending`
      keys(config), backchannel(config.tls_ca_pem) {}

} // namespace logintest::mocks::asurso
