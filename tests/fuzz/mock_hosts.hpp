// The two mock hosts as the mock fuzz targets (mock_request, control_plane) drive them: an
// AsursoApp and an EsiaApp made once per process on a fixed clock, with fault delays run at
// once (no server timers) and asurso's backchannel pointed at an unsupported URL (a token
// exchange fails at once instead of reaching the network), reset before every input so each
// input starts from the fixture (reproducible crashes). `call` runs one request through a
// host's front door (handle()) and waits, bounded, for its Responder. Header-only; one thread.
#pragma once

#include "mocks/asurso/asurso_app.hpp"
#include "mocks/common/http_message.hpp"
#include "mocks/esia/esia_app.hpp"
#include "tests/fuzz/fuzz_check.hpp"

#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace logintest::fuzz {

inline std::chrono::system_clock::time_point fixed_time() {
    using namespace std::chrono;
    return sys_days{year{2025} / November / 28} + hours{19} + minutes{40} + seconds{5};
}

struct MockHosts {
    std::unique_ptr<mocks::asurso::AsursoApp> asurso;
    std::unique_ptr<mocks::esia::EsiaApp> esia;

    static MockHosts& instance() {
        static MockHosts hosts = make();
        return hosts;
    }

    void reset() {
        asurso->state().reset();
        esia->state().reset();
    }

private:
    static MockHosts make() {
        MockHosts hosts;
        mocks::asurso::AsursoConfig asurso_config;
        asurso_config.esia_client.backchannel_url = "unsupported://127.0.0.2";
        asurso_config.esia_client.backchannel_timeout_ms = 1000;
        auto asurso =
            mocks::asurso::AsursoApp::create(asurso_config, {}, [] { return fixed_time(); });
        auto esia = mocks::esia::EsiaApp::create({}, {}, [] { return fixed_time(); });
        if (!asurso || !esia) {
            std::abort();
        }
        hosts.asurso = std::move(*asurso);
        hosts.esia = std::move(*esia);
        const auto now = [](std::chrono::milliseconds, std::function<void()> fn) { fn(); };
        hosts.asurso->state().faults.set_scheduler(now);
        hosts.esia->state().faults.set_scheduler(now);
        return hosts;
    }
};

// The response `app` gives to `req`; the Responder may answer from another thread (asurso's
// backchannel), so this waits for it, at most 10 s (then the input is a finding).
template <class App> mocks::common::Response call(App& app, mocks::common::Request& req) {
    struct Slot {
        std::mutex mutex;
        std::condition_variable done;
        std::optional<mocks::common::Response> response;
        int answers = 0;
    };
    auto slot = std::make_shared<Slot>();
    app.handle(req, mocks::common::Responder([slot](mocks::common::Response r) {
                   const std::lock_guard lock(slot->mutex);
                   ++slot->answers;
                   slot->response = std::move(r);
                   slot->done.notify_all();
               }));
    std::unique_lock lock(slot->mutex);
    const bool answered = slot->done.wait_for(lock, std::chrono::seconds(10),
                                              [&] { return slot->response.has_value(); });
    FUZZ_ASSERT(answered, "the host answers every request: " + req.method + " " + req.path);
    FUZZ_ASSERT(slot->answers == 1, "one answer per request");
    return std::move(*slot->response);
}

// What every answer of a mock must be, whatever the request: a status the server can send and
// headers that cannot split the response (issue 10 finding 2: no CR, LF or NUL from input).
inline void check_response(const mocks::common::Response& r, std::string_view what) {
    FUZZ_ASSERT(r.status >= 100 && r.status <= 599, what);
    for (const auto& h : r.headers) {
        FUZZ_ASSERT(!h.name.empty() && !has_line_break_or_nul(h.name), what);
        FUZZ_ASSERT(h.name.find_first_of(" :\t") == std::string::npos, h.name);
        FUZZ_ASSERT(!has_line_break_or_nul(h.value), std::string(what) + ": header " + h.name);
    }
}

} // namespace logintest::fuzz
