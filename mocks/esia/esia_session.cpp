// Pending-authorization validity (esia_session.hpp).
#include "mocks/esia/esia_session.hpp"

namespace logintest::mocks::esia {

bool has_valid_pending(const EsiaSession& session, const EsiaConfig& config, TimePoint now) {
    return session.pending &&
           now < session.pending->created + std::chrono::seconds(config.pending_auth_ttl_s);
}

} // namespace logintest::mocks::esia
