// A mock host's front door (host_dispatch.hpp).
#include "mocks/common/host_dispatch.hpp"

#include "mocks/common/control_plane.hpp"
#include "mocks/common/responses.hpp"

namespace logintest::mocks::common {

void dispatch_host_request(const Router& router, Counters& counters,
                           const HostDispatchPolicy& policy, Request& req, Responder respond) {
    const bool control = req.path == "/mock" || req.path.rfind("/mock/", 0) == 0;
    if (control) {
        if (!policy.control_plane_enabled) {
            respond(message(404, "Not Found")); // MOCK-CP-1: control plane switched off
            return;
        }
        if (!is_loopback(req.peer_address)) {
            respond(message(403, "Недостаточно прав")); // MOCK-CP-1: loopback peers only
            return;
        }
        if (policy.guard != nullptr) {
            if (auto refused = policy.guard->check(req)) { // MOCK-CP-10: no browser
                respond(std::move(*refused));
                return;
            }
        }
        router.dispatch(req, std::move(respond)); // MOCK-CP-1: no faults on /mock/
        return;
    }
    counters.count_request(req.method, req.path); // MOCK-CP-4
    Responder counted([&counters, respond = std::move(respond)](Response response) mutable {
        if (response.delivery != Delivery::reset) { // a reset sends no status
            counters.count_status(response.status);
        }
        respond(std::move(response));
    });
    if (policy.faults == nullptr) {
        router.dispatch(req, std::move(counted));
        return;
    }
    // MOCK-FAULT: the first matching rule may delay, replace or cut the answer.
    policy.faults->apply(req, std::move(counted), [&router](Request& r, Responder next) {
        router.dispatch(r, std::move(next));
    });
}

} // namespace logintest::mocks::common
