// asurso host state (asurso_state.hpp).
#include "mocks/asurso/asurso_state.hpp"

namespace logintest::mocks::asurso {

AsursoState::AsursoState(AsursoConfig config_in, common::Fixture fixture_in,
                         common::HostClock::Source clock_source)
    : config(std::move(config_in)), fixture(std::move(fixture_in)),
      clock(config.clock_offset, std::move(clock_source)),
      // MOCK-CP-4: the events asurso reports, zero until counted.
      counters({"salts_issued", "logins_ok", "logins_wrong_credentials", "logins_stale_salt",
                "logins_locked", "lockouts", "binds_ok", "binds_refused", "esia_callbacks",
                "esia_state_mismatch", "te_calls", "login_states_created", "logouts"}),
      users(config.login_case_insensitive), presessions(config.max_presessions),
      sessions(config.max_sessions) {
    users.load(fixture, today(), now());
}

void AsursoState::reset() {
    clock.reset();
    counters.reset();
    defects.reset();
    presessions.clear();
    sessions.clear();
    users.load(fixture, today(), now());
}

common::Date AsursoState::today() const {
    return common::local_date(now(), config.timezone_offset);
}

} // namespace logintest::mocks::asurso
