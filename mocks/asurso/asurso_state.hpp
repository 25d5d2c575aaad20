// AsursoState: everything the asurso host knows (MOCK-HOST-1: its own state, clock and
// counters): configuration, the fixture it was started with, users, pre-login sessions and
// sessions. Handlers receive it by reference. Thread-safe: the config and fixture are
// read-only, every store and the counters lock internally. Owned by AsursoApp.
#pragma once

#include "mocks/asurso/asurso_config.hpp"
#include "mocks/asurso/password_generator.hpp"
#include "mocks/asurso/presession.hpp"
#include "mocks/asurso/session.hpp"
#include "mocks/asurso/sso_state.hpp"
#include "mocks/asurso/user_store.hpp"
#include "mocks/common/counters.hpp"
#include "mocks/common/defects.hpp"
#include "mocks/common/faults.hpp"
#include "mocks/common/fixture.hpp"
#include "mocks/common/host_clock.hpp"

namespace logintest::mocks::asurso {

struct AsursoState {
    AsursoState(AsursoConfig config, common::Fixture fixture,
                common::HostClock::Source clock_source = {});

    // Stops the ESIA backchannel first: an exchange in flight completes (aborted) while the
    // rest of the state still exists.
    ~AsursoState();
    AsursoState(const AsursoState&) = delete;
    AsursoState& operator=(const AsursoState&) = delete;

    // MOCK-CP-3: fixture reloaded, stores emptied, counters zeroed, clock offset restored.
    void reset();

    common::HostClock::TimePoint now() const { return clock.now(); }
    // Today on asurso's clock at `timezone_offset` (NS-AGE-1, MOCK-FIX-2).
    common::Date today() const;

    const AsursoConfig config;
    const common::Fixture fixture;
    common::HostClock clock;
    common::Counters counters;
    common::DefectSet defects{common::Host::asurso}; // MOCK-DEF-1
    common::FaultSet faults;                         // MOCK-FAULT-1
    UserStore users;
    PreSessionStore presessions;
    SessionStore sessions;
    SsoState sso; // §10-§12: loginStates, ESIA client keys, backchannel (sso_state.hpp)
    SessionCookieIndex session_cookies;   // NS-SESSION-12: app pages find sessions by cookie
    PasswordGenerator password_generator; // NS-PWD-2, for admin resets (NS-PWD-18)
};

} // namespace logintest::mocks::asurso
