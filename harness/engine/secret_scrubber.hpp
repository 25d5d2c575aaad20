// SecretScrubber: the values a journey must never print (account passwords, extracted
// tokens, `at`, salts' proofs). Every text the engine records passes through scrub(),
// which replaces each known secret by its mask (redaction::mask), then masks secret-named
// values it never saw (redaction::redact_text). The values come from the accounts, secret
// extracts and <set>s, and every fetch (secret_learning.hpp). One per journey run.
#pragma once

#include <string>
#include <vector>

namespace logintest::harness::engine {

class SecretScrubber {
public:
    // Values shorter than 4 characters are not registered: masking "1" everywhere would
    // destroy reports and such values protect nothing.
    void add(const std::string& secret);
    std::string scrub(std::string text) const;

private:
    std::vector<std::string> secrets_;
};

} // namespace logintest::harness::engine
