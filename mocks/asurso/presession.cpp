// NS-LOGIN-5 pre-login sessions (presession.hpp).
#include "mocks/asurso/presession.hpp"
#include "mocks/common/issued_secrets.hpp"

#include "mocks/asurso/asurso_state.hpp"
#include "mocks/common/random.hpp"
#include "mocks/common/responses.hpp"

namespace logintest::mocks::asurso {

PreSessionRef ensure_presession(AsursoState& state, const common::Request& req) {
    const auto now = state.now();
    const auto idle = std::chrono::seconds(state.config.presession_idle_s);
    PreSessionRef ref;
    // NS-LOGIN-5: a known NSSESSIONID is kept, and this request renews its idle time.
    if (auto id = req.cookie(presession_cookie)) {
        const bool known =
            state.presessions
                .with(*id, now, [&](PreSession&, auto& expires_at) { expires_at = now + idle; })
                .has_value();
        if (known) {
            ref.id = std::move(*id);
            return ref;
        }
    }
    // NS-LOGIN-5: none or unknown: a new one, 32 lowercase hex characters, random.
    for (int attempt = 0; attempt < 4; ++attempt) {
        std::string id = common::random_hex(16);
        common::issued_secret("NSSESSIONID", id);
        const auto result = state.presessions.insert(id, PreSession{}, now + idle, now);
        if (result == PreSessionStore::Insert::full) {
            ref.full = true; // MOCK-CAP-1
            return ref;
        }
        if (result == PreSessionStore::Insert::inserted) {
            ref.id = std::move(id);
            ref.created = true;
            return ref;
        }
    }
    ref.full = true; // four 128-bit collisions in a row: treat as unavailable
    return ref;
}

void set_presession_cookie(const AsursoState& state, common::Response& response,
                           const PreSessionRef& ref) {
    if (!ref.created) {
        return;
    }
    // NS-LOGIN-5, MOCK-HOST-6: host-only, Path=/, HttpOnly (Secure with TLS), no SameSite.
    common::add_cookie(response,
                       {std::string(presession_cookie), ref.id, std::nullopt, state.config.tls});
}

} // namespace logintest::mocks::asurso
