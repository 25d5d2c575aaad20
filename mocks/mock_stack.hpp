// MockStack: the asurso and esia mock hosts served together from one process, each with
// its own state, clock, defects and faults (MOCK-HOST-1), on its own io_context thread(s).
// Used by `logintest mock` and, embedded, by `logintest check` / `load` when no target is
// given. start() applies the §23 configuration (mock_config.hpp): listen addresses, public
// base URLs, TLS (a fresh CA and one certificate per host, MOCK-HOST-5), fixture, clocks,
// limits, start-up defects and faults; it binds both listeners before returning, so the
// ports (and the base URLs built from them) are known at once. stop() (also run by the
// destructor) closes listeners and connections and joins the threads.
#pragma once

#include "mocks/mock_config.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace logintest::mocks {

struct MockStackOptions {
    // Where the hosts listen unless `config.hosts.*.listen` says otherwise; port 0 = a free
    // port chosen by the system (the embedded mock). `logintest mock` passes 8080 (8443 with
    // TLS), the §23 defaults.
    std::string asurso_address = "127.0.0.1"; // MOCK-HOST-1
    std::uint16_t asurso_port = 0;
    std::string esia_address = "127.0.0.2";
    std::uint16_t esia_port = 0;
    // Public host names; the base URLs default to <scheme>://<name>:<bound port>
    // (MOCK-HOST-2) unless `config.hosts.*.public_base_url` is set.
    std::string asurso_public_host = "asurso.ru";
    std::string esia_public_host = "esia.gosuslugi.ru";
    // The fixture text; empty = `config.fixture.path` if set, else the embedded fixture.
    std::string fixture_json;
    int threads = 1;           // io_context threads per host
    bool log_requests = false; // one line per request (see `log`)
    // Where request lines go (default: stderr). Called from server threads.
    std::function<void(std::string_view line)> log;
    // Everything else of §23: tls.*, crypto.*, clock.*, limits.*, control_plane.enabled,
    // defects, faults, asurso.*, esia.*.
    MockConfig config;
};

class MockStack {
public:
    struct StartResult {
        std::unique_ptr<MockStack> stack; // null on error
        std::string error;                // e.g. "cannot bind 127.0.0.2:8080: address in use"
    };
    static StartResult start(const MockStackOptions& options);

    virtual ~MockStack() = default;
    virtual std::string asurso_base_url() const = 0; // e.g. http://asurso.ru:41234
    virtual std::string esia_base_url() const = 0;
    virtual std::uint16_t asurso_port() const = 0;
    virtual std::uint16_t esia_port() const = 0;
    virtual std::string asurso_address() const = 0;
    virtual std::string esia_address() const = 0;
    virtual bool tls() const = 0;
    // TLS on: the CA certificate (PEM) and the file it was written to (`tls.ca_file`).
    virtual std::string ca_pem() const = 0;
    virtual std::string ca_file() const = 0;
    virtual void stop() = 0;
};

// One request line of `log_requests`: "asurso GET /webapi/login 200 3.1ms" (host, method,
// path without query, status or "reset", time, and "truncated" for a cut answer). Never a
// header, a query or a body: no cookie, `at`, token or password reaches the log.
std::string request_log_line(std::string_view host, std::string_view method, std::string_view path,
                             int status, double elapsed_ms, std::string_view fault);

} // namespace logintest::mocks
