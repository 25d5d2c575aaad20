// IssuedSecrets: the mock's own record of every secret it hands out (NSSESSIONID, `at`,
// ESRNSec, accessToken/refreshToken/secureActiveToken, ESIA_SESSION, authorization codes,
// access/refresh/id tokens, the client_secret asurso signs, SMS codes, generated passwords).
// It exists for the secrets audit (tests/secrets/): the tester's outputs are searched for
// every recorded value. Off by default (add() is one relaxed load then); `logintest check`,
// `load` and `mock` turn it on with --mock-secrets-file and write it at the end. One record
// per process (every host of every stack shares it); thread-safe.
#pragma once

#include <atomic>
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace logintest::mocks::common {

class IssuedSecrets {
public:
    struct Entry {
        std::string kind; // "code", "at", "ESIA_SESSION", ...
        std::string value;
    };
    // Entries kept at most; later ones are counted in dropped() (a bounded load run stays
    // far below it).
    static constexpr std::size_t capacity = 1'000'000;

    static IssuedSecrets& instance();

    void enable(bool on) { enabled_.store(on, std::memory_order_relaxed); }
    bool enabled() const { return enabled_.load(std::memory_order_relaxed); }
    // Records `value` (empty values are not secrets) when enabled.
    void add(std::string_view kind, std::string_view value);
    std::vector<Entry> entries() const;
    std::size_t dropped() const;
    // One "kind<TAB>value" line per entry, in issue order.
    std::string to_text() const;

private:
    std::atomic<bool> enabled_{false};
    mutable std::mutex mutex_;
    std::vector<Entry> entries_;
    std::size_t dropped_ = 0;
};

// The hook at each issuance point: records and returns the value, so it can wrap the
// expression that makes it.
inline std::string issued_secret(std::string_view kind, std::string value) {
    IssuedSecrets::instance().add(kind, value);
    return value;
}

} // namespace logintest::mocks::common
