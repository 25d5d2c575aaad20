// EsiaState: everything the esia host knows (MOCK-HOST-1: its own state, clock, counters),
// separate from asurso's. For now: configuration, the fixture, clock and counters; the
// accounts, sessions, codes and grants of §13-§20 join here. Thread-safe like AsursoState.
#pragma once

#include "mocks/common/counters.hpp"
#include "mocks/common/defects.hpp"
#include "mocks/common/fixture.hpp"
#include "mocks/common/host_clock.hpp"
#include "mocks/esia/esia_config.hpp"

namespace logintest::mocks::esia {

struct EsiaState {
    EsiaState(EsiaConfig config, common::Fixture fixture,
              common::HostClock::Source clock_source = {});

    // MOCK-CP-3: back to the start state.
    void reset();

    const EsiaConfig config;
    const common::Fixture fixture;
    common::HostClock clock;
    common::Counters counters;
    common::DefectSet defects{common::Host::esia}; // MOCK-DEF-1
};

} // namespace logintest::mocks::esia
