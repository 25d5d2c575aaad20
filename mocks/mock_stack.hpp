// MockStack: the asurso and esia mock hosts served together from one process, each with
// its own state (MOCK-HOST-1), on its own io_context thread(s). Used by `logintest mock`
// and, embedded, by `logintest check` when no target is given. start() binds both
// listeners before returning, so the ports (and the public base URLs built from them) are
// known at once; stop() (also run by the destructor) closes listeners and connections and
// joins the threads.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace logintest::mocks {

struct MockStackOptions {
    std::string asurso_address = "127.0.0.1"; // MOCK-HOST-1
    std::uint16_t asurso_port = 0;            // 0 = a free port chosen by the system
    std::string esia_address = "127.0.0.2";
    std::uint16_t esia_port = 0;
    // Public host names; the base URLs are http://<name>:<bound port> (MOCK-HOST-2).
    std::string asurso_public_host = "asurso.ru";
    std::string esia_public_host = "esia.gosuslugi.ru";
    std::string fixture_json; // empty = the embedded fixture (scenarios/data/fixture.json)
    int threads = 1;          // io_context threads per host
    bool log_requests = false; // one line per request on stderr
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
    virtual void stop() = 0;
};

} // namespace logintest::mocks
