// MOCK-CP-10: Host, Origin and Content-Type of control-plane requests (control_plane_guard.hpp).
#include "mocks/common/control_plane_guard.hpp"

#include "mocks/common/responses.hpp"
#include "support/text/strings.hpp"

#include <boost/url/parse.hpp>

#include <algorithm>

namespace logintest::mocks::common {
namespace {

bool default_port(std::string_view scheme, std::string_view port) {
    return (scheme == "http" && port == "80") || (scheme == "https" && port == "443");
}

bool contains(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

} // namespace

ControlPlaneGuard::ControlPlaneGuard(const std::vector<std::string>& public_base_urls) {
    for (const auto& base : public_base_urls) {
        const auto url = boost::urls::parse_absolute_uri(base);
        if (!url || !url->has_authority()) {
            continue;
        }
        const std::string scheme = support::to_lower(url->scheme());
        const std::string host = support::to_lower(url->encoded_host());
        host_names_.push_back(host);
        std::string origin = scheme + "://" + host;
        if (url->has_port() && !default_port(scheme, url->port())) {
            origin += ":" + std::string(url->port());
        }
        origins_.push_back(std::move(origin));
    }
}

bool ControlPlaneGuard::allowed_host(std::string_view host) const {
    const auto authority = boost::urls::parse_authority(host);
    if (!authority || authority->has_userinfo() || authority->encoded_host().empty()) {
        return false;
    }
    switch (authority->host_type()) {
    case boost::urls::host_type::ipv4:
        return authority->host_ipv4_address().to_bytes()[0] == 127; // 127.0.0.0/8
    case boost::urls::host_type::ipv6:
        return authority->host_ipv6_address().is_loopback(); // ::1
    case boost::urls::host_type::name: {
        const std::string name = support::to_lower(authority->encoded_host());
        return name == "localhost" || contains(host_names_, name);
    }
    default:
        return false;
    }
}

std::optional<Response> ControlPlaneGuard::check(const Request& req) const {
    // MOCK-CP-10: the Host names the mock (no DNS-rebound name). A request without Host
    // cannot come from a browser (HTTP/1.0 tools may omit it): it passes (mock decision).
    const auto host = req.header("host");
    if (req.header_count("host") > 1 || (host && !allowed_host(support::trim_ows(*host)))) {
        return message(403, "control plane: Host must be a loopback address, localhost or a "
                            "public host name of the mock (MOCK-CP-10)");
    }
    // MOCK-CP-10: no foreign Origin (a page of another site, `null` of a sandbox or file).
    if (const auto origin = req.header("origin")) {
        const std::string value = support::to_lower(support::trim_ows(*origin));
        if (req.header_count("origin") != 1 || !contains(origins_, value)) {
            return message(403, "control plane: requests from a web page of another origin "
                                "are refused (MOCK-CP-10)");
        }
    }
    // MOCK-CP-10: a body is JSON (a browser cannot send application/json cross-site without
    // a preflight, which the Origin rule refuses). No body, no Content-Type needed.
    if (!req.body.empty() &&
        (req.header_count("content-type") != 1 || req.media_type() != "application/json")) {
        return message(415, "control plane: the body must be JSON (Content-Type: "
                            "application/json) (MOCK-CP-10)");
    }
    return std::nullopt;
}

} // namespace logintest::mocks::common
