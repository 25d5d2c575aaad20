// EsiaApp: the esia host (Gosuslugi ESIA mock). For now it serves the shared control plane
// (/mock/health with host "esia", reset, counters, clock) and 404 for everything else; the
// ESIA endpoints of §13-§20 are added to its routing table later. Thread-safe; must outlive
// the server that calls it and every Responder it was given.
#pragma once

#include "mocks/common/handler.hpp"
#include "mocks/common/router.hpp"
#include "mocks/esia/esia_config.hpp"
#include "mocks/esia/esia_state.hpp"

#include <memory>
#include <string>
#include <string_view>

namespace logintest::mocks::esia {

class EsiaApp {
public:
    struct CreateResult {
        std::unique_ptr<EsiaApp> app; // null on error
        std::string error;
    };
    // `fixture_json` empty = the embedded fixture.
    static CreateResult create(EsiaConfig config, std::string_view fixture_json = {},
                               common::HostClock::Source clock_source = {});

    EsiaApp(EsiaConfig config, common::Fixture fixture,
            common::HostClock::Source clock_source = {});

    void handle(common::Request& req, common::Responder respond);
    EsiaState& state() { return state_; }

private:
    void add_routes();

    EsiaState state_;
    common::Router router_;
};

} // namespace logintest::mocks::esia
