// AsursoApp: the asurso host (NetSchool / ASU RSO mock): its state and its routing table, on
// the hosts' shared base (mocks/common/host_app.hpp: front door, routes, control plane, a
// throwing handler answers 500). MockStack hands every request of the asurso listener to
// handle(); unit tests call handle() directly with Request objects. Thread-safe; must
// outlive the server that calls it and every Responder it was given.
#pragma once

#include "mocks/asurso/asurso_config.hpp"
#include "mocks/asurso/asurso_state.hpp"
#include "mocks/common/host_app.hpp"
#include "support/text/problem.hpp"

#include <memory>
#include <string_view>

namespace logintest::mocks::asurso {

class AsursoApp : public common::HostApp<AsursoState> {
public:
    // `fixture_json` empty = the embedded fixture. `clock_source` replaces system time (tests).
    // A bad fixture is a Problem, e.g. "fixture: users[2].scid: expected an integer".
    [[nodiscard]] static support::Result<std::unique_ptr<AsursoApp>>
    create(AsursoConfig config, std::string_view fixture_json = {},
           common::HostClock::Source clock_source = {});

    AsursoApp(AsursoConfig config, common::Fixture fixture,
              common::HostClock::Source clock_source = {});

private:
    void add_routes();
    // Route groups, each in its own file next to its handlers.
    void add_page_routes(); // asurso_routes_pages.cpp: portal, login page, school selection,
                            // password change, app pages, admin control plane
    void add_sso_routes();  // asurso_routes_sso.cpp: ESIA single sign-on and binding
};

} // namespace logintest::mocks::asurso
