// asurso host state (asurso_state.hpp).
#include "mocks/asurso/asurso_state.hpp"

#include "mocks/common/load_pool.hpp"

namespace logintest::mocks::asurso {

AsursoState::AsursoState(AsursoConfig config_in, common::Fixture fixture_in,
                         common::HostClock::Source clock_source)
    : config(std::move(config_in)),
      // MOCK-FIX-5: the load pool joins the fixture, so /mock/reset restores it too.
      fixture(common::with_load_pool(std::move(fixture_in),
                                     {config.load_pool_size, config.load_pool_unbound})),
      clock(config.clock_offset, std::move(clock_source)),
      // MOCK-CP-4: the events asurso reports, zero until counted.
      counters({"salts_issued", "logins_ok", "logins_wrong_credentials", "logins_stale_salt",
                "logins_locked", "lockouts", "binds_ok", "binds_refused", "esia_callbacks",
                "esia_state_mismatch", "te_calls", "login_states_created", "logouts",
                "connections_refused"}), // the last: limits.max_connections (mock_stack.cpp)
      users(config.login_case_insensitive), presessions(config.max_presessions),
      sessions(config.max_sessions), sso(config), session_cookies(config.max_sessions),
      password_generator(config.password) {
    users.load(fixture, today(), now());
}

AsursoState::~AsursoState() {
    sso.backchannel.stop();
}

void AsursoState::reset() {
    clock.reset();
    counters.reset();
    defects.reset();
    faults.reset();
    presessions.clear();
    sessions.clear();
    sso.reset();
    session_cookies.clear();
    password_generator.reset();
    users.load(fixture, today(), now());
}

common::Date AsursoState::today() const {
    return common::local_date(now(), config.timezone_offset);
}

} // namespace logintest::mocks::asurso
