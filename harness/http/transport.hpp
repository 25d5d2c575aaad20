// Transport: the seam between a Session and the wire. A Session turns a fetch into requests
// (cookies, client headers, redirects) and hands each one to its Transport, which exchanges
// it for one answer on a connection; the idea of Beast's test::stream, one level up. The
// network transport (network_transport.hpp: keep-alive connections, TLS, timeouts) is the
// default; tests give a ClientContext an in-memory one (tests/support/memory_transport.hpp)
// so the engine runs without sockets. One virtual call per exchange. A transport runs on
// its Session's executor and is not thread-safe.
#pragma once

#include "harness/http/message.hpp"
#include "harness/http/url.hpp"

#include <boost/asio/awaitable.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace logintest::harness::http {

// TLS handshakes a Session made, and how many of them resumed an earlier session.
struct TlsCounts {
    std::uint64_t handshakes = 0;
    std::uint64_t resumed = 0;
};

// Why an exchange got no (usable) answer: the outcome and the text for FetchResult::error.
struct TransportError {
    model::Outcome outcome = model::Outcome::ok;
    std::string message;
    int error_value = 0; // errno when the cause is a system error (EMFILE, EADDRNOTAVAIL, ...)
};

class Transport {
public:
    virtual ~Transport() = default;

    // Sends `request` (its headers complete: Host, Cookie, Content-Length, Connection) to the
    // origin of `url` (url.target is the request target) and reads its final answer into
    // `out`. Nullopt on success; never throws for what the network does.
    virtual boost::asio::awaitable<std::optional<TransportError>>
    exchange(const UrlParts& url, const Request& request, Response& out) = 0;

    // Closes every kept-alive connection (TLS sessions to resume are kept).
    virtual void close_connections() {}
    // Frees the read buffers of idle connections (the user goes idle).
    virtual void release_idle_buffers() {}
    virtual TlsCounts tls_counts() const { return {}; }
};

} // namespace logintest::harness::http
