// HostApp<State>: what the asurso and esia hosts share: their state, their Router, the front
// door every request passes (dispatch_host_request: control plane, counters, faults), route
// registration and the control-plane routes. A host derives from it, adds its routes in its
// constructor and offers a create() that reads the fixture with host_fixture().
//
// One behaviour for a handler that throws, on both hosts: the request answers 500 (Internal
// Server Error) and handle() returns normally. Synchronous handlers are guarded by sync()
// (handler.hpp); an asynchronous handler's Responder answers 500 when the unwinding destroys
// it, and the exception stops here.
//
// `State` has members `config` (with control_plane_enabled and tls_ca_pem), `counters`,
// `faults`, `clock`, `defects` and `reset()`. Routes are added before the server starts;
// handle() is then thread-safe. The app must outlive the server that calls it and every
// Responder it was given.
#pragma once

#include "mocks/common/control_plane.hpp"
#include "mocks/common/control_plane_guard.hpp"
#include "mocks/common/fixture.hpp"
#include "mocks/common/handler.hpp"
#include "mocks/common/host_dispatch.hpp"
#include "mocks/common/router.hpp"
#include "support/text/problem.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace logintest::mocks::common {

// The fixture a host starts with: `fixture_json`, or the embedded one (spec §22) when empty.
[[nodiscard]] support::Result<Fixture> host_fixture(std::string_view fixture_json);

template <class State> class HostApp {
public:
    using Route = Response (*)(State&, const Request&);
    using AsyncRoute = void (*)(State&, const Request&, Responder);

    // MockStack hands every request of the host's listener here; unit tests call it directly.
    void handle(Request& req, Responder respond) {
        dispatch_host_request(router_, state_.counters,
                              {state_.config.control_plane_enabled, &state_.faults, &guard_}, req,
                              std::move(respond));
    }
    State& state() { return state_; }

    // A route answered synchronously by `handler`.
    // NOLINTNEXTLINE(performance-unnecessary-value-param): moved below; clang-tidy 14 misses it
    void route(std::string method, std::string_view path, Route handler) {
        router_.add(std::move(method), path,
                    sync([this, handler](const Request& req) { return handler(state_, req); }));
    }
    // A route whose handler answers through its Responder, now or later.
    // NOLINTNEXTLINE(performance-unnecessary-value-param): moved below; clang-tidy 14 misses it
    void route_async(std::string method, std::string_view path, AsyncRoute handler) {
        router_.add(std::move(method), path,
                    [this, handler](const Request& req, Responder respond) {
                        try {
                            handler(state_, req, std::move(respond));
                        } catch (...) {
                            // The Responder answered 500 when the unwinding destroyed it.
                        }
                    });
    }

protected:
    template <class... Args>
    explicit HostApp(Args&&... state_args) : state_(std::forward<Args>(state_args)...) {}
    ~HostApp() = default;
    HostApp(const HostApp&) = delete;
    HostApp& operator=(const HostApp&) = delete;

    // §21.1: the control plane (MOCK-CP-2..6, MOCK-DEF-1, MOCK-FAULT-1) as `host_name`;
    // MOCK-CP-10: reachable under the host names of `public_base_urls` (<asurso>, <esia>).
    void add_control_routes(std::string host_name,
                            const std::vector<std::string>& public_base_urls) {
        guard_ = ControlPlaneGuard(public_base_urls);
        common::add_control_routes(router_, {std::move(host_name), &state_.clock, &state_.counters,
                                             [this] { state_.reset(); }, &state_.defects,
                                             &state_.faults, state_.config.tls_ca_pem});
    }

    State state_;
    Router router_;
    ControlPlaneGuard guard_; // MOCK-CP-10; set before the server starts, then read only
};

} // namespace logintest::mocks::common
