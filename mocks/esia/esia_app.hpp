// EsiaApp: the esia host (Gosuslugi ESIA mock): its state and its routing table, every
// endpoint of spec §3.2 with its clause (authorization, login page and JSON API, MFA,
// captcha, consent, token endpoint, person data, logout) and the control plane (MOCK-CP), on
// the hosts' shared base (mocks/common/host_app.hpp: front door, routes, control plane, a
// throwing handler answers 500). MockStack hands every request of the esia listener to
// handle(); unit tests call handle() directly with Request objects. Thread-safe; must outlive
// the server that calls it and every Responder it was given.
#pragma once

#include "mocks/common/host_app.hpp"
#include "mocks/esia/esia_config.hpp"
#include "mocks/esia/esia_keys.hpp"
#include "mocks/esia/esia_state.hpp"
#include "support/text/problem.hpp"

#include <memory>
#include <string_view>

namespace logintest::mocks::esia {

class EsiaApp : public common::HostApp<EsiaState> {
public:
    // `fixture_json` empty = the embedded fixture. Keys are loaded from or generated in
    // `config.keys_dir` (ESIA-SIG-7). A bad fixture or keys that cannot be loaded/written
    // are a Problem.
    [[nodiscard]] static support::Result<std::unique_ptr<EsiaApp>>
    create(EsiaConfig config, std::string_view fixture_json = {},
           common::HostClock::Source clock_source = {});

    // Throws std::runtime_error when the keys cannot be loaded or generated.
    EsiaApp(const EsiaConfig& config, const common::Fixture& fixture,
            common::HostClock::Source clock_source = {});
    // With keys loaded by the caller (tests share one set).
    EsiaApp(EsiaConfig config, common::Fixture fixture, EsiaKeys keys,
            common::HostClock::Source clock_source = {});

private:
    void add_routes();
};

} // namespace logintest::mocks::esia
