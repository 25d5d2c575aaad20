// esia host state (esia_state.hpp).
#include "mocks/esia/esia_state.hpp"

namespace logintest::mocks::esia {

EsiaState::EsiaState(EsiaConfig config_in, common::Fixture fixture_in,
                     common::HostClock::Source clock_source)
    : config(std::move(config_in)), fixture(std::move(fixture_in)),
      clock(config.clock_offset, std::move(clock_source)),
      // MOCK-CP-4: the events esia reports; the keyed ones are objects by code.
      counters({"ac_ok", "logins_ok", "captcha_challenges", "locks", "otp_sent", "otp_failed",
                "codes_issued", "te_ok", "logouts"},
               {"ac_errors", "logins_failed", "te_errors"}) {}

void EsiaState::reset() {
    clock.reset();
    counters.reset();
    defects.reset();
}

} // namespace logintest::mocks::esia
