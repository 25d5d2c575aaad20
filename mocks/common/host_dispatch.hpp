// The front door of a mock host: every request a host serves passes here before its
// Router. It applies MOCK-CP-1 (/mock/... only for loopback peers, 404 when the control
// plane is off; faults never apply there) and MOCK-CP-10 (Host, Origin, JSON bodies), counts
// requests and statuses for MOCK-CP-4 (control-plane requests are not counted, so reading the
// counters does not change them) and runs every other request through the host's fault rules
// (MOCK-FAULT, faults.hpp). Thread-safe; the router, counters and faults must outlive every
// Responder it hands on.
#pragma once

#include "mocks/common/control_plane_guard.hpp"
#include "mocks/common/counters.hpp"
#include "mocks/common/faults.hpp"
#include "mocks/common/router.hpp"

namespace logintest::mocks::common {

struct HostDispatchPolicy {
    bool control_plane_enabled = true;        // `control_plane.enabled`
    FaultSet* faults = nullptr;               // the host's fault rules; null = none
    const ControlPlaneGuard* guard = nullptr; // MOCK-CP-10; null = no Host/Origin/JSON rule
};

void dispatch_host_request(const Router& router, Counters& counters,
                           const HostDispatchPolicy& policy, Request& req, Responder respond);

} // namespace logintest::mocks::common
