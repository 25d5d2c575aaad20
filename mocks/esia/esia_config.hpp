// The esia host's configuration (§23 keys it reads so far). Read-only once the host runs.
#pragma once

#include <chrono>
#include <string>

namespace logintest::mocks::esia {

struct EsiaConfig {
    std::string public_base_url = "http://esia.gosuslugi.ru:8080"; // MOCK-HOST-2
    std::string asurso_base_url = "http://asurso.ru:8080";         // MOCK-FIX-3 `${asurso}`
    bool tls = false;
    bool control_plane_enabled = true;         // MOCK-CP-1
    std::chrono::milliseconds clock_offset{0}; // GEN-6 `clock.esia_offset_s`
};

} // namespace logintest::mocks::esia
