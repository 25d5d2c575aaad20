// check_load_target (see target_guard.hpp).
#include "harness/load/target_guard.hpp"

#include "harness/http/url.hpp"
#include "support/text/strings.hpp"

#include <boost/asio/ip/address.hpp>

#include <algorithm>

#include <netdb.h>
#include <sys/socket.h>

namespace logintest::harness::load {

namespace {

// Every address `host` resolves to (numeric), or an error text.
std::vector<std::string> resolve_all(const std::string& host, std::string& error) {
    std::vector<std::string> addresses;
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    const int rc = getaddrinfo(host.c_str(), nullptr, &hints, &found);
    if (rc != 0) {
        error = gai_strerror(rc);
        return addresses;
    }
    for (addrinfo* a = found; a != nullptr; a = a->ai_next) {
        char text[NI_MAXHOST];
        if (getnameinfo(a->ai_addr, a->ai_addrlen, text, sizeof text, nullptr, 0, NI_NUMERICHOST) ==
            0) {
            addresses.emplace_back(text);
        }
    }
    freeaddrinfo(found);
    return addresses;
}

} // namespace

bool is_loopback_address(const std::string& address) {
    boost::system::error_code ec;
    const auto a = boost::asio::ip::make_address(address, ec);
    if (ec) {
        return false;
    }
    if (a.is_v4()) {
        return (a.to_v4().to_uint() >> 24) == 127;
    }
    const auto v6 = a.to_v6();
    if (v6.is_loopback()) {
        return true;
    }
    if (v6.is_v4_mapped()) {
        return (boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, v6).to_uint() >> 24) ==
               127;
    }
    return false;
}

std::string check_load_target(const std::vector<std::string>& base_urls,
                              const http::ResolveMap& resolve,
                              const std::vector<std::string>& allowed_hosts) {
    for (const std::string& base : base_urls) {
        const auto url = http::parse_url(base);
        if (!url) {
            return "'" + base + "' is not an http(s) URL";
        }
        const bool allowed =
            std::any_of(allowed_hosts.begin(), allowed_hosts.end(),
                        [&](const std::string& h) { return support::iequals(h, url->host); });
        if (allowed) {
            continue;
        }
        std::vector<std::string> addresses;
        std::string how;
        if (auto mapped = resolve.lookup(url->host, url->port)) {
            addresses.push_back(*mapped);
            how = "--resolve maps it to ";
        } else if (boost::system::error_code ec;
                   boost::asio::ip::make_address(url->host, ec), !ec) {
            addresses.push_back(url->host);
        } else {
            std::string error;
            addresses = resolve_all(url->host, error);
            if (addresses.empty()) {
                return "cannot resolve " + url->host + " (" + error +
                       ") to check that it is a loopback address; load goes only to "
                       "127.0.0.0/8 unless you name the host with --allow-target " +
                       url->host;
            }
            how = "it resolves to ";
        }
        for (const std::string& address : addresses) {
            if (!is_loopback_address(address)) {
                return "refusing to load " + url->host + ": " + how + address +
                       ", outside 127.0.0.0/8. Load against a real deployment needs its owner's "
                       "consent; if you have it, name the host with --allow-target " +
                       url->host;
            }
        }
    }
    return {};
}

} // namespace logintest::harness::load
