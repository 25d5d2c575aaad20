// NS-SESSION-3/4 authentication (session.hpp).
#include "mocks/asurso/session.hpp"

#include "mocks/asurso/asurso_state.hpp"
#include "mocks/asurso/texts.hpp"
#include "mocks/common/responses.hpp"

namespace logintest::mocks::asurso {

std::optional<Session> authenticate(AsursoState& state, const common::Request& req,
                                    std::string_view at) {
    if (at.empty()) {
        return std::nullopt; // NS-SESSION-3: `at` is required
    }
    const auto cookie = req.cookie(session_cookie);
    if (!cookie || cookie->empty()) {
        return std::nullopt; // NS-SESSION-3: so is the ESRNSec cookie
    }
    const auto now = state.now();
    const auto timeout = std::chrono::milliseconds(state.config.session_idle_timeout_ms);
    // NS-SESSION-3: `at` names a live session whose ESRNSec equals the cookie;
    // NS-SESSION-4: the accepted request renews it.
    return state.sessions
        .with(std::string(at), now,
              [&](Session& s, auto& expires_at) -> std::optional<Session> {
                  if (s.esrnsec != *cookie) {
                      return std::nullopt;
                  }
                  s.last_used = now;
                  expires_at = now + timeout;
                  return s;
              })
        .value_or(std::nullopt);
}

common::Response unauthorized() {
    return common::message(401, texts::unauthorized);
}

} // namespace logintest::mocks::asurso
