// The browser guard of the control plane (spec 1.2 MOCK-CP-10): so that a web page in a local
// browser cannot drive `/mock/…` (cross-site requests, DNS rebinding), a control-plane request
// must name the mock itself as its Host, carry no foreign Origin, and send JSON if it sends a
// body. Used by the host front door (host_dispatch.cpp) after the loopback-peer check of
// MOCK-CP-1 and before any route. Built once per host from its two public base URLs; then
// immutable and thread-safe.
#pragma once

#include "mocks/common/http_message.hpp"

#include <optional>
#include <string>
#include <vector>

namespace logintest::mocks::common {

class ControlPlaneGuard {
public:
    // `public_base_urls`: `<asurso>` and `<esia>` (MOCK-HOST-2); their host names are allowed
    // as Host, their origins (scheme://host[:port], default port left out) as Origin.
    explicit ControlPlaneGuard(const std::vector<std::string>& public_base_urls = {});

    // nullopt when the request may reach the control plane; else the answer:
    //   403 {"message":…} when Host is repeated, or present and not a loopback IP literal
    //       (127.0.0.0/8, ::1; with or without port), `localhost` or a public host name;
    //   403 when an Origin is present and is not one of the two public origins (`null` too);
    //   415 {"message":…} when the request has a body (non-empty) whose Content-Type is not
    //       application/json (parameters such as charset allowed), or has no Content-Type.
    [[nodiscard]] std::optional<Response> check(const Request& req) const;

    // The Host test alone (exposed for tests): "127.0.0.1:8080", "[::1]", "localhost".
    bool allowed_host(std::string_view host) const;

private:
    std::vector<std::string> host_names_; // lowercase
    std::vector<std::string> origins_;    // lowercase scheme://host[:port]
};

} // namespace logintest::mocks::common
