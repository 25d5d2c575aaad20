// EsiaState: everything the esia host knows (MOCK-HOST-1: its own state, clock, counters,
// defects), separate from asurso's: configuration, the fixture, texts and keys (read-only
// after start), the accounts and clients (reloaded by reset), and the per-client stores of
// esia_session.hpp. Handlers receive it by reference. Thread-safe: the read-only parts need no
// lock, every store and the counters lock internally. Owned by EsiaApp.
#pragma once

#include "mocks/common/civil_date.hpp"
#include "mocks/common/counters.hpp"
#include "mocks/common/defects.hpp"
#include "mocks/common/faults.hpp"
#include "mocks/common/fixture.hpp"
#include "mocks/common/host_clock.hpp"
#include "mocks/esia/account_store.hpp"
#include "mocks/esia/client_registry.hpp"
#include "mocks/esia/esia_config.hpp"
#include "mocks/esia/esia_keys.hpp"
#include "mocks/esia/esia_session.hpp"
#include "mocks/esia/texts.hpp"

#include <atomic>

namespace logintest::mocks::esia {

struct EsiaState {
    // Loads or generates the keys (ESIA-SIG-7); throws std::runtime_error when that fails
    // (a start-up misconfiguration). EsiaApp::create() reports it as an error instead.
    EsiaState(const EsiaConfig& config, const common::Fixture& fixture,
              common::HostClock::Source clock_source = {});
    // With keys already loaded (tests share one set).
    EsiaState(EsiaConfig config, common::Fixture fixture, EsiaKeys keys,
              common::HostClock::Source clock_source = {});

    // MOCK-CP-3: fixture reloaded; sessions, codes, grants, captchas, SMS outbox and counters
    // dropped; clock offset, defects and client changes back to their start values.
    void reset();

    TimePoint now() const { return clock.now(); }
    // Today in Moscow (+03:00), for the fixture's relative birth dates (MOCK-FIX-2).
    common::Date today() const;
    // ESIA-LOGIN-18 as configured, with the `esia-no-lockout` defect applied.
    LockoutRules lockout_rules() const;
    bool on(common::Defect d) const { return defects.on(d); }

    const EsiaConfig config;
    const common::Fixture fixture;
    const EsiaTexts texts;
    const EsiaKeys keys;
    common::HostClock clock;
    common::Counters counters;
    common::DefectSet defects{common::Host::esia}; // MOCK-DEF-1
    common::FaultSet faults;                       // MOCK-FAULT-1
    AccountStore accounts;
    ClientRegistry clients;
    SessionStore sessions;
    CodeStore codes;
    CaptchaStore captchas;
    SmsOutbox sms;
    RefreshStore refresh_tokens;
    // `updatedOn` of /rs/prns (ESIA-RS-2): when the accounts were loaded.
    std::atomic<long long> accounts_loaded_at{0};

private:
    void load();
};

} // namespace logintest::mocks::esia
