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
        router.dispatch(req, std::move(respond));
        return;
    }
    counters.count_request(req.method, req.path); // MOCK-CP-4
    router.dispatch(req,
                    Responder([&counters, respond = std::move(respond)](Response response) mutable {
                        counters.count_status(response.status);
                        respond(std::move(response));
                    }));
}

} // namespace logintest::mocks::common
