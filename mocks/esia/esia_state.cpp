// esia host state (esia_state.hpp).
#include "mocks/esia/esia_state.hpp"

#include "mocks/common/load_pool.hpp"

#include <stdexcept>

namespace logintest::mocks::esia {
namespace {

EsiaKeys keys_or_throw(const EsiaConfig& config, const common::Fixture& fixture) {
    auto loaded = load_esia_keys(config, fixture);
    if (!loaded) {
        throw std::runtime_error("esia keys: " + loaded.problem().message);
    }
    return std::move(*loaded);
}

} // namespace

EsiaState::EsiaState(const EsiaConfig& config_in, const common::Fixture& fixture_in,
                     common::HostClock::Source clock_source)
    : EsiaState(config_in, fixture_in, keys_or_throw(config_in, fixture_in),
                std::move(clock_source)) {}

EsiaState::EsiaState(EsiaConfig config_in, common::Fixture fixture_in, EsiaKeys keys_in,
                     common::HostClock::Source clock_source)
    : config(std::move(config_in)),
      // MOCK-FIX-5: the same pool pairs as asurso adds, so pool logins find their accounts.
      fixture(common::with_load_pool(std::move(fixture_in),
                                     {config.load_pool_size, config.load_pool_unbound})),
      texts(config.messages), keys(std::move(keys_in)),
      clock(config.clock_offset, std::move(clock_source)),
      // MOCK-CP-4: the events esia reports; the keyed ones are objects by code.
      counters({"ac_ok", "logins_ok", "captcha_challenges", "locks", "otp_sent", "otp_failed",
                "codes_issued", "te_ok", "logouts",
                "connections_refused"}, // limits.max_connections (mock_stack.cpp)
               {"ac_errors", "logins_failed", "te_errors"}),
      sessions(config.max_sessions), codes(config.max_pending), captchas(config.max_pending),
      sms(config.max_pending), refresh_tokens(config.max_pending) {
    load();
}

common::Date EsiaState::today() const {
    return common::local_date(now(), std::chrono::minutes(3 * 60));
}

LockoutRules EsiaState::lockout_rules() const {
    LockoutRules rules;
    rules.lock_threshold = config.lock_threshold;
    rules.lock_duration_s = config.lock_duration_s;
    rules.lockout_enabled = !on(common::Defect::esia_no_lockout); // MOCK-DEF esia-no-lockout
    return rules;
}

void EsiaState::load() {
    accounts.load(fixture.esia_accounts, today());
    clients.load(fixture.clients, config.asurso_base_url, keys.clients, config.profile);
    accounts_loaded_at =
        std::chrono::duration_cast<std::chrono::seconds>(now().time_since_epoch()).count();
}

void EsiaState::reset() {
    clock.reset();
    counters.reset();
    defects.reset();
    faults.reset();
    sessions.clear();
    codes.clear();
    captchas.clear();
    sms.clear();
    refresh_tokens.clear();
    load(); // accounts (counters, locks, grants) and clients (PATCH changes) from the fixture
}

} // namespace logintest::mocks::esia
