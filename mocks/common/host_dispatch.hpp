// The front door of a mock host: every request a host serves passes here before its
// Router. It applies MOCK-CP-1 (/mock/... only for loopback peers, 404 when the control
// plane is off) and counts requests and statuses for MOCK-CP-4 (control-plane requests are
// not counted, so reading the counters does not change them). Thread-safe; the router and
// counters must outlive every Responder it hands on.
#pragma once

#include "mocks/common/counters.hpp"
#include "mocks/common/router.hpp"

namespace logintest::mocks::common {

struct HostDispatchPolicy {
    bool control_plane_enabled = true; // `control_plane.enabled`
};

void dispatch_host_request(const Router& router, Counters& counters,
                           const HostDispatchPolicy& policy, Request& req, Responder respond);

} // namespace logintest::mocks::common
