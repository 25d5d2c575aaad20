// The control-plane endpoints every mock host shares (MOCK-CP-1..6, MOCK-FAULT-1, MOCK-DEF-1):
// health, reset, counters, clock, defects, faults and the TLS CA, served only to loopback
// peers. A host adds them to its Router with add_control_routes() and its own /mock/admin/...
// routes beside them. The referenced clock, counters, defects, faults and reset function
// must outlive the router; handlers are thread-safe as far as those are.
#pragma once

#include "mocks/common/counters.hpp"
#include "mocks/common/defects.hpp"
#include "mocks/common/faults.hpp"
#include "mocks/common/host_clock.hpp"
#include "mocks/common/router.hpp"

#include <functional>
#include <string>
#include <string_view>

namespace logintest::mocks::common {

// MOCK-CP-1: 127.0.0.0/8, ::1 and IPv4-mapped loopback.
bool is_loopback(std::string_view address);

// The spec version the mock implements, reported by /mock/health.
inline constexpr std::string_view spec_version = "1.2";

struct HostControl {
    std::string host_name; // "asurso" | "esia"
    HostClock* clock = nullptr;
    Counters* counters = nullptr;
    std::function<void()> reset;  // MOCK-CP-3: back to the start state
    DefectSet* defects = nullptr; // MOCK-DEF-1: GET/PUT /mock/defects (null: not served)
    FaultSet* faults = nullptr;   // MOCK-FAULT-1: GET/PUT /mock/faults (null: not served)
    std::string ca_pem;           // MOCK-CP-6: GET /mock/ca.pem (empty: TLS off, 404)
};

// GET /mock/health, POST /mock/reset, GET /mock/counters, POST /mock/counters/reset,
// GET /mock/clock, PUT /mock/clock, GET/PUT /mock/defects, GET/PUT /mock/faults,
// GET /mock/ca.pem.
void add_control_routes(Router& router, HostControl control);

} // namespace logintest::mocks::common
