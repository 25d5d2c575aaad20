// The asurso host's configuration: the §23 keys this host reads, with their defaults. Filled
// by MockStack (and later by the `logintest mock --config` loader); read-only once the host
// runs, so it is shared between threads without locking.
#pragma once

#include "crypto/gost.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace logintest::mocks::asurso {

struct LockoutConfig {
    int threshold = 5;        // NS-PWD-15
    long long duration_s = 0; // NS-PWD-16: 0 = until an admin reset
    bool blocks_esia = false; // NS-PWD-17
};

// §23 `asurso.password.*` (NS-PWD-2, -3, -7).
struct PasswordConfig {
    std::size_t min_length = 8;        // NS-PWD-3, -7 step 5
    std::size_t generated_length = 10; // NS-PWD-2 (never below 8)
    std::string generator_symbols = "!#$%&*+-=?@^_";
    std::optional<std::uint64_t> generator_seed; // NS-PWD-2: a seeded PRNG instead of a CSPRNG
    std::vector<std::string> deny_md5;           // NS-PWD-7 step 7 (lowercase md5hex)
};

// §23 `asurso.esia_client.*`: asurso as a client of esia (NS-ESIA, MOCK-HOST-4).
struct EsiaClientConfig {
    std::string client_id = "ASURSO";      // NS-ESIA-2
    std::string scope = "openid fullname"; // NS-ESIA-2
    std::string access_type = "online";    // NS-ESIA-2
    std::string protocol = "v2";           // NS-ESIA-4: "v2" or "legacy"
    // MOCK-HOST-4: where asurso reaches esia (MockStack sets esia's listen address).
    std::string backchannel_url = "http://127.0.0.2:8080";
    long long backchannel_timeout_ms = 5000;                   // NS-ESIA-11
    long long state_ttl_s = 600;                               // NS-ESIA-3
    std::size_t max_pending_states = 5;                        // NS-ESIA-3
    std::string issuer = "http://esia.gosuslugi.ru/";          // NS-ESIA-12, ESIA-JWT-7
    long long id_token_skew_s = 60;                            // NS-ESIA-12
    bool require_trusted = true;                               // NS-ESIA-13
    std::string esia_cert_file = "mock-keys/esia-signing.pem"; // ESIA-JWT-6
    // ESIA-JWT-7: `esia.jwt_alg`, the one shared setting; empty = by `crypto_profile`
    // (GOST3410_2012_256 for gost, RS256 for rsa).
    std::string jwt_alg;
};

struct AsursoConfig {
    std::string public_base_url = "http://asurso.ru:8080"; // MOCK-HOST-2, no trailing slash
    bool tls = false;                                      // MOCK-HOST-6: Secure cookies
    std::string tls_ca_pem;                    // MOCK-CP-6: served at /mock/ca.pem when TLS is on
    bool control_plane_enabled = true;         // MOCK-CP-1
    std::chrono::milliseconds clock_offset{0}; // GEN-6 `clock.asurso_offset_s`

    // NS-LOGIN-4
    std::string product_name = "АСУ РСО";
    std::string version = "5.44.7850";
    std::string cache_ver = "639";
    bool school_login_enabled = true; // NS-LOGIN-15
    bool esia_login_enabled = true;
    bool esia_button = true;
    bool esia_main_auth = false;

    long long presession_idle_s = 1800;           // NS-LOGIN-5
    long long salt_ttl_s = 600;                   // NS-LOGIN-14
    long long session_idle_timeout_ms = 3600000;  // NS-LOGIN-22, NS-SESSION-4
    bool login_case_insensitive = true;           // NS-LOGIN-19
    std::chrono::minutes timezone_offset{4 * 60}; // NS-LOGIN-22, NS-AGE-1 (+04:00)
    bool security_warning = false;                // NS-LOGIN-23 (c)
    bool esrnsec_clearing_header = true;          // NS-SESSION-2
    LockoutConfig lockout;
    PasswordConfig password;
    bool reset_sets_first_login = true; // NS-PWD-18

    // MOCK-FIX-5 `fixture.load_pool_size`, `fixture.load_pool_unbound`.
    int load_pool_size = 0;
    int load_pool_unbound = 0;

    // §23 `asurso.messages.<key>`: overrides of B and M texts by T- key ("T-PWD-SHORT").
    std::map<std::string, std::string, std::less<>> messages;

    // §10-§12: ESIA single sign-on, binding, pupils under 14.
    std::string esia_public_base_url = "http://esia.gosuslugi.ru:8080"; // MOCK-HOST-2 <esia>
    EsiaClientConfig esia_client;
    long long login_state_ttl_s = 600; // NS-ESIA-16
    int bind_min_age_years = 14;       // NS-AGE-1
    // §23 `crypto.*` (ESIA-SIG-1, -7): the client key and certificate live in `keys_dir` as
    // client-<client_id>.key / .pem.
    crypto::Profile crypto_profile = crypto::Profile::gost;
    std::string keys_dir = "mock-keys/";

    // MOCK-CAP-1 `limits.*`
    std::size_t max_sessions = 1000000;
    std::size_t max_presessions = 1000000;
    std::size_t max_pending = 1000000; // loginStates (NS-ESIA-14)
};

} // namespace logintest::mocks::asurso
