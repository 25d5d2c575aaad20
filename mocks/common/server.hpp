// HttpServer: the asynchronous HTTP/1.1 server under every mock host (Boost.Beast, kept in
// server.cpp). It listens on one address, runs its own io_context on `threads` threads,
// serves keep-alive connections (one strand each), over TLS when given a certificate
// (MOCK-HOST-5), and hands every complete request to one ServerHandler. It never crashes on
// what a client sends: a failed or slow TLS handshake (plain HTTP to the TLS port, noise)
// closes the connection, a header block over the limit answers 431, a body over the limit
// 413, a malformed request 400 (also a Transfer-Encoding other than `chunked`, RFC 9112
// §6.3), each followed by a close; a handler that throws or drops its Responder answers 500,
// and so does a response with a header that is unsafe on the wire (CR, LF, NUL: never sent).
// Connections beyond max_connections are closed at once; idle ones after idle_timeout. A Response
// may ask for an injected fault's delivery (reset, truncate: http_message.hpp), and run_after()
// gives fault delays a timer on the server's io_context. stop() (also run by the destructor) closes
// the listener, every open connection and every pending timer, and joins the threads. listen() and
// start() are called once each, from one thread, before stop().
#pragma once

#include "mocks/common/handler.hpp"

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace logintest::mocks::common {

struct ServerOptions {
    std::size_t max_header_bytes = 16 * 1024; // beyond: 431
    std::size_t max_body_bytes = 1024 * 1024; // beyond: 413
    // `limits.idle_timeout_s`: per read and write; a keep-alive connection idle longer closes.
    std::chrono::milliseconds idle_timeout = std::chrono::seconds(60);
    // `limits.max_connections`: open connections at most; one more is accepted and closed at
    // once (counted through `connection_refused`, logged through `warn`).
    std::size_t max_connections = 20000;
    int threads = 1;
    // An operator's line (connection cap reached, a response refused for an unsafe header);
    // default stderr. Never carries a header value, a query or a body. Called from server
    // threads.
    std::function<void(std::string_view line)> warn;
    // Called (from a server thread) for every connection closed because of max_connections.
    std::function<void()> connection_refused;
    // TLS (MOCK-HOST-5): on when both are set (PEM; the chain may hold the CA after the leaf).
    std::string tls_cert_pem;
    std::string tls_key_pem;
    std::chrono::milliseconds handshake_timeout = std::chrono::seconds(10);
};

// The top-level handler: `req` may be modified (the Router stores path parameters in it)
// and stays valid until `respond` is invoked.
using ServerHandler = std::function<void(Request& req, Responder respond)>;

// One line per request for `log_requests`: no query, no headers, no bodies (no secrets).
struct RequestLog {
    std::string_view method;
    std::string_view path;
    int status = 0; // 0 when no answer was sent (injected reset)
    double elapsed_ms = 0;
    std::string_view fault; // "reset", "truncated" or empty
};
using RequestLogger = std::function<void(const RequestLog&)>;

class HttpServer {
public:
    explicit HttpServer(ServerOptions options = {});
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Binds and listens (port 0: a free port). Returns "" or an error such as
    // "cannot bind 127.0.0.2:8080: Address already in use" (or a bad TLS certificate/key).
    std::string listen(const std::string& address, std::uint16_t port);
    std::uint16_t port() const;
    std::string address() const;

    // Starts accepting and serving on the option's threads.
    void start(ServerHandler handler, RequestLogger logger = {});
    // Closes the listener and all connections, then joins the threads. Idempotent.
    void stop();

    // Runs `fn` on the server's io_context after `delay`, without blocking any thread.
    // After stop() (or if the server stops first) `fn` is destroyed without running.
    // Thread-safe.
    void run_after(std::chrono::milliseconds delay, std::function<void()> fn);
    bool tls() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace logintest::mocks::common
