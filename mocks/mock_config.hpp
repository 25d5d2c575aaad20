// MockConfig: the mock's configuration file of spec §23, one JSON object (`logintest mock
// --config FILE`, `logintest check --mock-config FILE`). Sections follow the keys: hosts.*,
// tls.*, crypto.*, clock.*, fixture.*, limits.*, control_plane.enabled, defects, faults, and
// the host sections asurso.* and esia.*, read straight into asurso::AsursoConfig and
// esia::EsiaConfig. A missing key keeps its §23 default. parse_mock_config() reports every
// problem at once, each naming the key path: an unknown key, a wrong type (with the type
// expected), a value out of range or not one of the allowed words. MockStack turns the
// shared sections into each host's configuration at start (mock_stack.cpp). It lives beside
// MockStack, not in common/, because it aggregates both hosts' configurations. Plain data;
// parsing is pure.
#pragma once

#include "crypto/gost.hpp"
#include "mocks/asurso/asurso_config.hpp"
#include "mocks/common/faults.hpp"
#include "mocks/esia/esia_config.hpp"

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace logintest::mocks {

// "127.0.0.1:8080", "[::1]:8443".
struct ListenAddress {
    std::string address;
    std::uint16_t port = 0;
};

// hosts.asurso.*, hosts.esia.* (MOCK-HOST-1, -2).
struct MockHostSettings {
    // `listen`; unset = the caller's default (`logintest mock`: 127.0.0.1 / 127.0.0.2 on 8080,
    // 8443 with TLS; the mock embedded in `check`: a free port).
    std::optional<ListenAddress> listen;
    // `public_base_url` without a trailing slash; empty = <scheme>://<public name>:<bound port>.
    std::string public_base_url;
};

struct MockConfig {
    struct Hosts {
        MockHostSettings asurso, esia;
    } hosts;
    struct Tls { // MOCK-HOST-5
        bool enabled = false;
        std::string ca_file = "mock-ca.pem";
    } tls;
    struct Crypto { // ESIA-SIG-1, -7
        crypto::Profile profile = crypto::Profile::gost;
        std::string keys_dir = "mock-keys/";
    } crypto;
    struct Clock { // GEN-6
        double asurso_offset_s = 0;
        double esia_offset_s = 0;
    } clock;
    struct Fixture {      // MOCK-FIX-1, -5
        std::string path; // empty = the built-in §22 fixture
        int load_pool_size = 0;
        int load_pool_unbound = 0;
    } fixture;
    struct Limits { // MOCK-CAP-1
        std::size_t max_sessions = 1000000;
        std::size_t max_presessions = 1000000;
        std::size_t max_pending = 1000000;
        // Per host (mock decision, issue 10): open connections at most, and how long a
        // connection may stay idle (also the limit on reading a request or writing an answer).
        std::size_t max_connections = 20000;
        double idle_timeout_s = 60;
    } limits;
    struct ControlPlane { // MOCK-CP-1
        bool enabled = true;
    } control_plane;
    std::vector<std::string> defects; // MOCK-DEF-1: names of either host
    common::FaultConfig faults;       // MOCK-FAULT-4: installed on both hosts
    asurso::AsursoConfig asurso;      // asurso.*
    esia::EsiaConfig esia;            // esia.*

    // Key paths the file set explicitly ("asurso.esia_client.backchannel_url"): a derived
    // default (base URLs, back channel, key files) never overrides an explicit value.
    std::set<std::string, std::less<>> present;
    bool has(std::string_view key) const { return present.count(key) != 0; }
};

struct MockConfigParse {
    MockConfig config;               // defaults where the file had nothing (or an error)
    std::vector<std::string> errors; // "<key path>: <problem>", all of them; empty = valid
};

// Parses the §23 JSON. An empty text is an empty object (all defaults).
[[nodiscard]] MockConfigParse parse_mock_config(std::string_view json_text);

// "127.0.0.1:8080" -> {address, port}; nullopt if malformed.
[[nodiscard]] std::optional<ListenAddress> parse_listen_address(std::string_view text);

// Every key path the parser knows, sorted ("asurso.lockout.threshold", ...).
std::vector<std::string> mock_config_keys();

} // namespace logintest::mocks
