// The esia host's configuration: the §23 keys this host reads (`esia.*`, `crypto.*`, the
// esia rows of `hosts.*`, `clock.*`, `limits.*`, `control_plane.*`) with their defaults, member
// names following the keys. Filled by MockStack and the `logintest mock --config` loader;
// read-only once the host runs, so it is shared between threads without locking.
#pragma once

#include "crypto/gost.hpp"

#include <chrono>
#include <cstddef>
#include <map>
#include <string>

namespace logintest::mocks::esia {

// `esia.otp.*` (ESIA-LOGIN-20, -21).
struct OtpConfig {
    int length = 6;        // digits of a random code
    long long ttl_s = 300; // a code is valid this long after it was sent
    int attempts = 3;      // wrong codes before OTP_ATTEMPTS_EXCEEDED
};

// `esia.anomaly_reaction` (ESIA-LOGIN-16, -17a).
enum class AnomalyReaction { captcha, sms };

struct EsiaConfig {
    std::string public_base_url = "http://esia.gosuslugi.ru:8080"; // MOCK-HOST-2 `<esia>`
    std::string asurso_base_url = "http://asurso.ru:8080"; // MOCK-FIX-3 `${asurso}` = `<asurso>`
    bool tls = false;                                      // MOCK-HOST-6: Secure cookies
    std::string tls_ca_pem;            // MOCK-CP-6: served at /mock/ca.pem when TLS is on
    bool control_plane_enabled = true; // MOCK-CP-1
    int load_pool_size = 0;            // MOCK-FIX-5 `fixture.load_pool_size`: accounts load%05d
    int load_pool_unbound = 0;         // MOCK-FIX-5 `fixture.load_pool_unbound`: accounts bind%05d
    std::chrono::milliseconds clock_offset{0}; // GEN-6 `clock.esia_offset_s`

    // `crypto.profile`, `crypto.keys_dir` (ESIA-SIG-1, -7).
    crypto::Profile profile = crypto::Profile::gost;
    std::string keys_dir = "mock-keys/";

    // ESIA-JWT-2, -3, -6.
    std::string issuer = "http://esia.gosuslugi.ru/";
    std::string jwt_alg; // "GOST3410_2012_256" or "RS256"; empty = by `profile`
    std::string signing_cert_file = "mock-keys/esia-signing.pem";

    long long token_ttl_s = 3600;       // ESIA-TE-5, ESIA-JWT-3
    long long code_ttl_s = 60;          // ESIA-TE-4
    long long timestamp_window_s = 300; // ESIA-AC-2 step 9
    long long pending_auth_ttl_s = 900; // ESIA-AC-5

    int captcha_threshold = 3;     // ESIA-LOGIN-16
    int lock_threshold = 10;       // ESIA-LOGIN-18
    long long lock_duration_s = 0; // ESIA-LOGIN-18: 0 = until unlocked (MOCK-CP-9)
    AnomalyReaction anomaly_reaction = AnomalyReaction::captcha;
    OtpConfig otp;

    bool consent_enabled = true;         // ESIA-LOGIN-24
    bool rotate_session_on_login = true; // ESIA-LOGIN-8
    bool legacy_endpoints = true;        // ESIA-AC-8, ESIA-TE-7
    bool refresh_grant = false;          // ESIA-TE-8

    // `esia.messages.<key>`: overrides of the T-E-* texts (§4.2), e.g. {"T-E-BAD-CRED", "..."}.
    std::map<std::string, std::string> messages;

    // MOCK-CAP-1 `limits.*`: ESIA sessions, and codes / captchas / SMS outbox entries.
    std::size_t max_sessions = 1000000;
    std::size_t max_pending = 1000000;

    // Mock decisions without a §23 key: an ESIA session lives this long after its last
    // request; a captcha this long after it was shown.
    long long session_idle_s = 3600;
    long long captcha_ttl_s = 600;

    // The `alg` of the tokens: `jwt_alg`, or the profile's default.
    std::string effective_jwt_alg() const {
        if (!jwt_alg.empty()) {
            return jwt_alg;
        }
        return profile == crypto::Profile::gost ? "GOST3410_2012_256" : "RS256";
    }
};

} // namespace logintest::mocks::esia
