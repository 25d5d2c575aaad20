// The network transport (see network_transport.hpp): Beast over TCP or TLS, one keep-alive
// connection per origin, every network operation completing with an error_code (as_tuple)
// that becomes a model::Outcome. This is the only file of the client that includes Beast.
#include "harness/http/network_transport.hpp"

#include "harness/http/client.hpp"
#include "harness/http/tls_context.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <openssl/ssl.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <memory>
#include <string_view>

namespace logintest::harness::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace ssl = boost::asio::ssl;
using tcp = boost::asio::ip::tcp;
using boost::system::error_code;
using model::Outcome;

std::string host_port(const UrlParts& url) {
    bool ipv6 = url.host.find(':') != std::string::npos;
    std::string host = ipv6 ? "[" + url.host + "]" : url.host;
    return host + ":" + std::to_string(url.port);
}

namespace {

constexpr auto use_nothrow = asio::as_tuple(asio::use_awaitable);
constexpr std::uint32_t header_limit = 64 * 1024;
// Read chunk while answers are read; release_idle_buffers() gives it back when the user goes
// idle, so an idle connection holds no read buffer (thousands are idle under load).
constexpr std::size_t read_buffer_bytes = std::size_t{16} * 1024;

using TlsStream = beast::ssl_stream<beast::tcp_stream>;
using WireParser = bhttp::response_parser<bhttp::string_body>;
using Failure = TransportError;

// OpenSSL objects owned by unique_ptr with their free function (as crypto/openssl_handles.hpp).
template <auto Free> struct OpensslDeleter {
    template <class T> void operator()(T* p) const noexcept { Free(p); }
};
using SslSessionPtr = std::unique_ptr<SSL_SESSION, OpensslDeleter<SSL_SESSION_free>>;

// The errno behind an error code of the system category, else 0: running out of file
// descriptors or local ports must be told apart from a target that refuses.
int system_errno(const error_code& ec) {
    return ec.category() == boost::system::system_category() ||
                   ec.category() == boost::system::generic_category()
               ? ec.value()
               : 0;
}

// One open connection to scheme://host:port, plain or TLS.
struct Connection {
    std::string key;
    std::optional<beast::tcp_stream> plain;
    std::optional<TlsStream> secure;
    beast::flat_buffer buffer;
    bool session_saved = false; // its TLS session is in the Session's resumption cache

    beast::tcp_stream& tcp() { return secure ? beast::get_lowest_layer(*secure) : *plain; }

    // No TLS close_notify: the peer learns from the TCP close, and waiting would cost a
    // round trip per connection. `clean` (the connection ended after a complete answer) marks
    // the TLS shutdown as done, so OpenSSL keeps the session resumable.
    void close(bool clean = false) {
        if (!plain && !secure) {
            return; // failed before a socket existed
        }
        if (clean && secure) {
            SSL_set_shutdown(secure->native_handle(), SSL_SENT_SHUTDOWN | SSL_RECEIVED_SHUTDOWN);
        }
        error_code ignored;
        tcp().socket().shutdown(tcp::socket::shutdown_both, ignored);
        tcp().socket().close(ignored);
    }
};

// What one request/answer round trip on an open connection gave.
struct RoundTrip {
    error_code error;
    bool got_answer_bytes = false; // some of the answer arrived before the error
    bool keep_alive = false;
};

bool is_ip_literal(const std::string& host) {
    error_code ec;
    asio::ip::make_address(host, ec);
    return !ec;
}

// A request as it goes on the wire, serialized once into one buffer (one write, no
// serializer state: the generator's hot path).
struct WireRequest {
    std::string text;
    bool head = false;      // a HEAD answer has no body
    bool keep_alive = true; // no `Connection: close`
};

// HTTP/1.1 request text; header names and values were checked for CR, LF and NUL
// (invalid_request_text in client.cpp), so they cannot break the framing. Hand-written rather
// than Beast's serializer on purpose: the request is built once into one buffer and written
// with one write, with no serializer state (the load generator's hot path).
WireRequest to_wire(const Request& request, const std::string& target) {
    WireRequest wire;
    std::size_t size = request.method.size() + target.size() + 16 + request.body.size();
    for (const Header& h : request.headers) {
        size += h.name.size() + h.value.size() + 4;
    }
    std::string& text = wire.text;
    text.reserve(size);
    text += request.method;
    text += ' ';
    text += target;
    text += " HTTP/1.1\r\n";
    for (const Header& h : request.headers) {
        text += h.name;
        text += ": ";
        text += h.value;
        text += "\r\n";
        // `Connection: close` (a token of the list, any case) ends the connection after it.
        if (beast::iequals(h.name, "Connection") && bhttp::token_list(h.value).exists("close")) {
            wire.keep_alive = false;
        }
    }
    text += "\r\n";
    text += request.body;
    wire.head = request.method == "HEAD";
    return wire;
}

void fill_response(bhttp::response<bhttp::string_body>&& message, Response& out) {
    out.status = static_cast<int>(message.result_int());
    out.headers.clear();
    for (const auto& field : message) {
        out.headers.push_back({std::string(field.name_string()), std::string(field.value())});
    }
    out.body = std::move(message.body());
}

// Writes the request and reads one final answer (skipping 1xx interim answers), with
// request_timeout over both.
template <class Stream>
asio::awaitable<RoundTrip> round_trip(Stream& stream, Connection& connection, WireRequest& request,
                                      const ClientOptions& options, Response& out) {
    RoundTrip result;
    beast::tcp_stream& tcp_layer = connection.tcp();
    tcp_layer.expires_after(options.request_timeout);
    auto [write_error, written] =
        co_await asio::async_write(stream, asio::buffer(request.text), use_nothrow);
    if (write_error) {
        result.error = write_error;
        co_return result;
    }
    connection.buffer.reserve(read_buffer_bytes);
    std::optional<WireParser> parser;
    for (;;) {
        parser.emplace();
        parser->header_limit(header_limit);
        parser->body_limit(options.max_body_bytes);
        parser->skip(request.head);
        auto [read_error, read] =
            co_await bhttp::async_read(stream, connection.buffer, *parser, use_nothrow);
        result.got_answer_bytes = result.got_answer_bytes || parser->got_some();
        if (read_error) {
            result.error = read_error;
            co_return result;
        }
        int status = static_cast<int>(parser->get().result_int());
        if (status < 100 || status >= 200 || status == 101) {
            break;
        }
    }
    tcp_layer.expires_never();
    auto message = parser->release();
    // Left-over bytes would be the start of an answer nobody asked for: do not reuse.
    result.keep_alive = message.keep_alive() && request.keep_alive && connection.buffer.size() == 0;
    fill_response(std::move(message), out);
    co_return result;
}

bool is_connection_closed(const error_code& ec) {
    return ec == bhttp::error::end_of_stream || ec == asio::error::eof ||
           ec == asio::error::connection_reset || ec == asio::error::broken_pipe ||
           ec == asio::error::connection_aborted || ec == asio::error::not_connected ||
           ec == ssl::error::stream_truncated;
}

bool is_timeout(const error_code& ec) {
    return ec == beast::error::timeout || ec == asio::error::timed_out;
}

Failure connect_failure(const error_code& ec, const std::string& where,
                        const ClientOptions& options) {
    if (is_timeout(ec)) {
        return {Outcome::timeout, "connect to " + where + " timed out after " +
                                      std::to_string(options.connect_timeout.count()) + " ms"};
    }
    if (ec == asio::error::connection_refused) {
        return {Outcome::refused, "connection refused to " + where, system_errno(ec)};
    }
    return {Outcome::refused, "cannot connect to " + where + ": " + ec.message(), system_errno(ec)};
}

Failure handshake_failure(const error_code& ec, const std::string& where,
                          const ClientOptions& options) {
    if (is_timeout(ec)) {
        return {Outcome::timeout, "TLS handshake with " + where + " timed out after " +
                                      std::to_string(options.connect_timeout.count()) + " ms"};
    }
    return {Outcome::tls_error, "TLS handshake with " + where + " failed: " + ec.message()};
}

Failure round_trip_failure(const RoundTrip& trip, const std::string& where,
                           const ClientOptions& options) {
    const error_code& ec = trip.error;
    if (is_timeout(ec)) {
        return {Outcome::timeout, "no answer from " + where + " within " +
                                      std::to_string(options.request_timeout.count()) + " ms"};
    }
    if (ec.category() == bhttp::make_error_code(bhttp::error::end_of_stream).category() &&
        ec != bhttp::error::end_of_stream) {
        // partial_message, body_limit, header_limit, bad_* ...
        return {Outcome::protocol_error, "bad answer from " + where + ": " + ec.message()};
    }
    if (is_connection_closed(ec)) {
        if (trip.got_answer_bytes) {
            return {Outcome::protocol_error, "truncated answer from " + where};
        }
        return {Outcome::reset, "connection to " + where + " closed without an answer"};
    }
    if (ec.category() == asio::error::get_ssl_category()) {
        return {Outcome::tls_error, "TLS error with " + where + ": " + ec.message()};
    }
    if (trip.got_answer_bytes) {
        return {Outcome::protocol_error, "answer from " + where + " broken: " + ec.message()};
    }
    return {Outcome::reset, "connection to " + where + " failed: " + ec.message()};
}

// RFC 9110 §9.2.2: only these may be sent again without the user knowing. A POST that lost
// its connection may have been handled (a login counted, a code spent), so its failure is
// reported, never hidden by a retry.
bool is_idempotent(std::string_view method) {
    static constexpr std::string_view idempotent[] = {"GET",   "HEAD", "OPTIONS",
                                                      "TRACE", "PUT",  "DELETE"};
    return std::find(std::begin(idempotent), std::end(idempotent), method) != std::end(idempotent);
}

// A reused keep-alive connection that the server closed while idle fails before any answer
// byte; an idempotent request is safe to send again once on a new connection.
bool is_stale_connection(const RoundTrip& trip, std::string_view method) {
    return !trip.got_answer_bytes && is_connection_closed(trip.error) && is_idempotent(method);
}

// An idle connection is usable only when the peer has sent nothing since the last answer: a
// FIN (recv gives 0), a TLS close_notify or any stray byte means it must not carry a request.
// A non-blocking peek, so a connection the server closed while idle is dropped before the
// request is written (and a POST is not lost to a race the client could see coming).
bool idle_connection_is_clean(Connection& connection) {
    if (connection.buffer.size() != 0) {
        return false;
    }
    char byte = 0;
    const ssize_t n =
        ::recv(connection.tcp().socket().native_handle(), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
    return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
}

// The TLS sessions one Session may resume, one per origin (scheme://host:port).
class TlsSessions {
public:
    SSL_SESSION* find(const std::string& key) const {
        for (const auto& [k, session] : entries_) {
            if (k == key) {
                return session.get();
            }
        }
        return nullptr;
    }

    void store(const std::string& key, SslSessionPtr session) {
        for (auto& [k, old] : entries_) {
            if (k == key) {
                old = std::move(session);
                return;
            }
        }
        entries_.emplace_back(key, std::move(session));
    }

private:
    std::vector<std::pair<std::string, SslSessionPtr>> entries_;
};

class NetworkTransport final : public Transport {
public:
    NetworkTransport(asio::any_io_executor executor, const ClientContext& context)
        : executor_(std::move(executor)), context_(context) {}
    ~NetworkTransport() override { NetworkTransport::close_connections(); }

    asio::awaitable<std::optional<TransportError>>
    exchange(const UrlParts& url, const Request& request, Response& out) override;

    void close_connections() override {
        for (auto& connection : idle_) {
            connection->close(true);
        }
        idle_.clear();
    }

    void release_idle_buffers() override {
        for (auto& connection : idle_) {
            if (connection->buffer.size() == 0) {
                connection->buffer.shrink_to_fit();
            }
        }
    }

    TlsCounts tls_counts() const override { return tls_counts_; }

private:
    const ClientOptions& options() const { return context_.options(); }

    // After an answer on a TLS connection: keep its session for the next connection to this
    // origin, once it is resumable (with TLS 1.3 the ticket arrives after the handshake).
    void remember_tls_session(Connection& connection) {
        if (!connection.secure || connection.session_saved || !options().resume_tls_sessions) {
            return;
        }
        SslSessionPtr session(SSL_get1_session(connection.secure->native_handle()));
        if (session && SSL_SESSION_is_resumable(session.get())) {
            tls_sessions_.store(connection.key, std::move(session));
            connection.session_saved = true;
        }
    }

    std::unique_ptr<Connection> take_idle(const std::string& key) {
        auto it =
            std::find_if(idle_.begin(), idle_.end(), [&](const auto& c) { return c->key == key; });
        if (it == idle_.end()) {
            return nullptr;
        }
        auto connection = std::move(*it);
        idle_.erase(it);
        if (!idle_connection_is_clean(*connection)) {
            connection->close();
            return nullptr;
        }
        return connection;
    }

    void keep(std::unique_ptr<Connection> connection) {
        if (auto old = take_idle(connection->key)) {
            old->close(true);
        }
        idle_.push_back(std::move(connection));
    }

    asio::awaitable<std::optional<Failure>> resolve(const UrlParts& url,
                                                    std::vector<tcp::endpoint>& endpoints);
    std::optional<Failure> prepare_tls(const UrlParts& url, Connection& connection);
    asio::awaitable<std::optional<Failure>> connect(const UrlParts& url, Connection& connection);

    asio::any_io_executor executor_;
    const ClientContext& context_;
    std::vector<std::unique_ptr<Connection>> idle_; // at most one per key
    TlsSessions tls_sessions_;
    TlsCounts tls_counts_;
};

// --resolve first, then an IP literal as is, then DNS.
asio::awaitable<std::optional<Failure>>
NetworkTransport::resolve(const UrlParts& url, std::vector<tcp::endpoint>& endpoints) {
    error_code ec;
    if (auto mapped = options().resolve.lookup(url.host, url.port)) {
        auto address = asio::ip::make_address(*mapped, ec);
        if (ec) {
            co_return Failure{Outcome::resolve_error,
                              "bad --resolve address '" + *mapped + "' for " + url.host};
        }
        endpoints.emplace_back(address, url.port);
        co_return std::nullopt;
    }
    auto literal = asio::ip::make_address(url.host, ec);
    if (!ec) {
        endpoints.emplace_back(literal, url.port);
        co_return std::nullopt;
    }
    tcp::resolver resolver(executor_);
    auto [resolve_error, results] =
        co_await resolver.async_resolve(url.host, std::to_string(url.port), use_nothrow);
    if (resolve_error || results.empty()) {
        co_return Failure{Outcome::resolve_error,
                          "cannot resolve " + url.host + ": " + resolve_error.message()};
    }
    for (const auto& entry : results) {
        endpoints.push_back(entry.endpoint());
    }
    co_return std::nullopt;
}

// The TLS stream of an https connection: SNI, host name verification, the session to resume.
std::optional<Failure> NetworkTransport::prepare_tls(const UrlParts& url, Connection& connection) {
    connection.secure.emplace(executor_, context_.tls().ssl);
    if (!is_ip_literal(url.host) &&
        !SSL_set_tlsext_host_name(connection.secure->native_handle(), url.host.c_str())) {
        return Failure{Outcome::tls_error, "cannot set TLS server name " + url.host};
    }
    if (options().verify_tls) {
        connection.secure->set_verify_callback(ssl::host_name_verification(url.host));
    }
    if (options().resume_tls_sessions) {
        if (SSL_SESSION* earlier = tls_sessions_.find(connection.key)) {
            SSL_set_session(connection.secure->native_handle(), earlier);
        }
    }
    return std::nullopt;
}

// TCP connect and, for https, the TLS handshake, both within connect_timeout.
asio::awaitable<std::optional<Failure>> NetworkTransport::connect(const UrlParts& url,
                                                                  Connection& connection) {
    std::vector<tcp::endpoint> endpoints;
    if (auto failure = co_await resolve(url, endpoints)) {
        co_return failure;
    }
    std::string where = host_port(url);
    if (endpoints.size() == 1 && endpoints.front().address().to_string() != url.host) {
        where += " (" + endpoints.front().address().to_string() + ")";
    }
    if (url.scheme != "https") {
        connection.plain.emplace(executor_);
    } else if (auto failure = prepare_tls(url, connection)) {
        co_return failure;
    }
    beast::tcp_stream& stream = connection.tcp();
    stream.expires_after(options().connect_timeout);
    auto [connect_error, endpoint] = co_await stream.async_connect(endpoints, use_nothrow);
    if (connect_error) {
        co_return connect_failure(connect_error, where, options());
    }
    error_code ignored;
    stream.socket().set_option(tcp::no_delay(true), ignored);
    if (connection.secure) {
        auto [handshake_error] =
            co_await connection.secure->async_handshake(ssl::stream_base::client, use_nothrow);
        if (handshake_error) {
            co_return handshake_failure(handshake_error, where, options());
        }
        ++tls_counts_.handshakes;
        if (SSL_session_reused(connection.secure->native_handle()) == 1) {
            ++tls_counts_.resumed;
        }
    }
    stream.expires_never();
    co_return std::nullopt;
}

// One request/answer on the kept-alive connection for this origin or a new one; a stale
// kept-alive connection is replaced once.
asio::awaitable<std::optional<Failure>>
NetworkTransport::exchange(const UrlParts& url, const Request& request, Response& out) {
    WireRequest wire = to_wire(request, url.target);
    std::string key = url.scheme + "://" + host_port(url);
    std::unique_ptr<Connection> connection = take_idle(key);
    bool reused = connection != nullptr;
    for (;;) {
        if (!connection) {
            connection = std::make_unique<Connection>();
            connection->key = key;
            if (auto failure = co_await connect(url, *connection)) {
                connection->close();
                co_return failure;
            }
        }
        RoundTrip trip;
        if (connection->secure) {
            trip = co_await round_trip(*connection->secure, *connection, wire, options(), out);
        } else {
            trip = co_await round_trip(*connection->plain, *connection, wire, options(), out);
        }
        if (!trip.error) {
            remember_tls_session(*connection);
            if (trip.keep_alive) {
                keep(std::move(connection));
            } else {
                connection->close(true);
            }
            co_return std::nullopt;
        }
        connection->close();
        connection.reset();
        if (reused && is_stale_connection(trip, request.method)) {
            reused = false;
            out = Response{};
            continue;
        }
        co_return round_trip_failure(trip, host_port(url), options());
    }
}

} // namespace

std::unique_ptr<Transport> make_network_transport(asio::any_io_executor executor,
                                                  const ClientContext& context) {
    return std::make_unique<NetworkTransport>(std::move(executor), context);
}

} // namespace logintest::harness::http
