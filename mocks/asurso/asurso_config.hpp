// The asurso host's configuration: the §23 keys this host reads, with their defaults. Filled
// by MockStack (and later by the `logintest mock --config` loader); read-only once the host
// runs, so it is shared between threads without locking.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace logintest::mocks::asurso {

struct LockoutConfig {
    int threshold = 5;        // NS-PWD-15
    long long duration_s = 0; // NS-PWD-16: 0 = until an admin reset
    bool blocks_esia = false; // NS-PWD-17
};

struct AsursoConfig {
    std::string public_base_url = "http://asurso.ru:8080"; // MOCK-HOST-2, no trailing slash
    bool tls = false;                                      // MOCK-HOST-6: Secure cookies
    bool control_plane_enabled = true;                     // MOCK-CP-1
    std::chrono::milliseconds clock_offset{0};             // GEN-6 `clock.asurso_offset_s`

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

    // MOCK-CAP-1 `limits.*`
    std::size_t max_sessions = 1000000;
    std::size_t max_presessions = 1000000;
};

} // namespace logintest::mocks::asurso
