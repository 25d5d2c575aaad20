// Replaces registered secret values by their masks (see secret_scrubber.hpp).
#include "harness/engine/secret_scrubber.hpp"

#include "harness/redaction/redaction.hpp"

#include <algorithm>

namespace logintest::harness::engine {

void SecretScrubber::add(const std::string& secret) {
    if (secret.size() < 4 ||
        std::find(secrets_.begin(), secrets_.end(), secret) != secrets_.end()) {
        return;
    }
    // Longest first, so a secret that contains another is masked whole.
    const auto at = std::upper_bound(
        secrets_.begin(), secrets_.end(), secret,
        [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    secrets_.insert(at, secret);
}

std::string SecretScrubber::scrub(std::string text) const {
    for (const auto& secret : secrets_) {
        std::size_t pos = 0;
        const std::string masked = redaction::mask(secret);
        while ((pos = text.find(secret, pos)) != std::string::npos) {
            text.replace(pos, secret.size(), masked);
            pos += masked.size();
        }
    }
    // By name too: `name=value` and `"name":"value"` of secret names, values never seen.
    return redaction::redact_text(text);
}

} // namespace logintest::harness::engine
