// The HTTP client of a virtual user, as C++20 coroutines. A ClientContext holds what all users
// share (options, TLS context, the --resolve map, optionally the transport) and is read-only
// after construction. A Session is one virtual user: its own cookie jar, and its transport
// (transport.hpp): by default its own network connections (network_transport.hpp, the only
// Beast code: at most one keep-alive connection per host:port and the TLS session to resume
// per origin). A Session runs on one executor (strand or single-threaded io_context) and is
// not thread-safe. Destroy it before its executor's io_context.
#pragma once

#include "harness/http/cookie_jar.hpp"
#include "harness/http/message.hpp"
#include "harness/http/resolve_map.hpp"
#include "harness/http/transport.hpp"
#include "harness/http/url.hpp"

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

class ClientContext {
public:
    struct CreateResult;
    // The context, or why it cannot be made (the CA file cannot be read). With `transport`,
    // every Session made with this context exchanges through it (tests: an in-memory
    // transport); it must outlive the context and its sessions.
    [[nodiscard]] static CreateResult create(ClientOptions options, Transport* transport = nullptr);

    // The same for callers that treat a failure as a start-up error: throws
    // std::runtime_error with the reason (cli/ and tests/integration until they use create).
    explicit ClientContext(ClientOptions options);
    ~ClientContext();
    ClientContext(const ClientContext&) = delete;
    ClientContext& operator=(const ClientContext&) = delete;

    const ClientOptions& options() const { return options_; }
    // The transport every Session uses, or null: each Session makes its own connections.
    Transport* transport() const { return transport_; }

    struct Tls; // the Asio SSL context, defined in tls_context.hpp
    Tls& tls() const { return *tls_; }

private:
    ClientContext(ClientOptions options, Transport* transport);
    // Sets up the TLS context (trust anchors, verification); why not, or empty.
    [[nodiscard]] std::string set_up_tls();

    ClientOptions options_;
    Transport* transport_ = nullptr;
    std::unique_ptr<Tls> tls_;
};

struct ClientContext::CreateResult {
    std::unique_ptr<ClientContext> context; // null on failure
    std::string error;                      // why, on failure

    bool ok() const { return context != nullptr; }
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

    // Frees the read buffers of the kept-alive connections and the parsed URLs: call it when
    // the user goes idle (think time); between requests of a busy user both are reused.
    void release_idle_buffers();

    TlsCounts tls_counts() const;

private:
    const ClientContext& context_;
    std::unique_ptr<Transport> own_transport_; // its network connections, unless the context
                                               // gives the transport
    Transport& transport_;
    CookieJar jar_;
    UrlMemo urls_; // the URLs of the last requests, parsed once (Boost.URL is slow to parse)
};

} // namespace logintest::harness::http
