// The HTTP client of a virtual user: C++20 coroutines over Boost.Beast (the Beast code lives
// in client.cpp only). A ClientContext holds what all users share (options, TLS context,
// the --resolve map) and is read-only after construction. A Session is one virtual user:
// its own cookie jar, at most one keep-alive connection per host:port and the TLS session to
// resume per origin; it runs on one executor (strand or single-threaded io_context) and is
// not thread-safe. Destroy it before its executor's io_context.
#pragma once

#include "harness/http/cookie_jar.hpp"
#include "harness/http/message.hpp"
#include "harness/http/resolve_map.hpp"

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

namespace logintest::harness::http {

struct ClientOptions {
    std::chrono::milliseconds connect_timeout{5000};
    std::chrono::milliseconds request_timeout{15000};
    int max_redirects = 10;
    bool verify_tls = true; // certificate and host name verification (default on)
    std::string ca_file;    // extra trust anchor (PEM); empty = system store only
    ResolveMap resolve;     // curl-style host:port -> address overrides
    std::string user_agent = "logintest/0.1";
    std::size_t max_body_bytes = 16 * 1024 * 1024;
    // Resume TLS sessions: a Session keeps the last resumable TLS session per origin and
    // offers it on its next connection there (a returning browser does the same; the
    // sessions of different Sessions are never shared).
    bool resume_tls_sessions = true;
};

// TLS handshakes a Session made, and how many of them resumed an earlier session.
struct TlsCounts {
    std::uint64_t handshakes = 0;
    std::uint64_t resumed = 0;
};

class ClientContext {
public:
    // Throws std::runtime_error when the CA file cannot be read (a start-up error).
    explicit ClientContext(ClientOptions options);
    ~ClientContext();
    ClientContext(const ClientContext&) = delete;
    ClientContext& operator=(const ClientContext&) = delete;

    const ClientOptions& options() const { return options_; }

    struct Tls; // the Asio SSL context, defined in client.cpp
    Tls& tls() const { return *tls_; }

private:
    ClientOptions options_;
    std::unique_ptr<Tls> tls_;
};

class Session {
public:
    Session(boost::asio::any_io_executor executor, const ClientContext& context);
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    // Sends the request with this session's cookies, stores the cookies of every answer,
    // and with follow_redirects follows 301/302/303/307/308 up to max_redirects (303 and
    // 301/302 after POST become GET without body, as browsers do), resolving relative
    // Locations against the current URL. Never throws for what the network does: errors
    // are reported in FetchResult::outcome.
    boost::asio::awaitable<FetchResult> fetch(Request request, bool follow_redirects);

    CookieJar& cookies() { return jar_; }
    const CookieJar& cookies() const { return jar_; }

    // Closes every kept-alive connection (the jar and the TLS sessions are kept).
    void close_connections();

    // Frees the read buffers of the kept-alive connections: call it when the user goes idle
    // (think time); between requests of a busy user the buffers are reused.
    void release_idle_buffers();

    TlsCounts tls_counts() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    CookieJar jar_;
};

} // namespace logintest::harness::http
