// The Beast HTTP(S) client: ClientContext (shared TLS context) and Session (one virtual user:
// cookie jar plus at most one keep-alive connection per scheme+host+port). Every network
// operation completes with an error_code (as_tuple); failures become model::Outcome values.
// This is the only file that includes Beast and Asio SSL.
#include "harness/http/client.hpp"

#include "harness/http/url.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <stdexcept>

namespace logintest::harness::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace ssl = boost::asio::ssl;
using tcp = boost::asio::ip::tcp;
using boost::system::error_code;
using model::Outcome;

struct ClientContext::Tls {
    ssl::context ssl{ssl::context::tls_client};
};

namespace {

constexpr auto use_nothrow = asio::as_tuple(asio::use_awaitable);
constexpr std::uint32_t header_limit = 64 * 1024;
// Read chunk while answers are read; Session::release_idle_buffers() gives it back when the
// user goes idle, so an idle connection holds no read buffer (thousands are idle under load).
constexpr std::size_t read_buffer_bytes = 16 * 1024;

using TlsStream = beast::ssl_stream<beast::tcp_stream>;
using WireParser = bhttp::response_parser<bhttp::string_body>;
using SteadyClock = std::chrono::steady_clock;

// A transport failure of one hop: its outcome and the text for FetchResult::error.
struct Failure {
    Outcome outcome = Outcome::ok;
    std::string message;
    int error_value = 0; // errno when the cause is a system error (EMFILE, EADDRNOTAVAIL, ...)
};

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

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

bool has_header(const std::vector<Header>& headers, std::string_view name) {
    return std::any_of(headers.begin(), headers.end(),
                       [&](const Header& h) { return iequals(h.name, name); });
}

bool is_ip_literal(const std::string& host) {
    error_code ec;
    asio::ip::make_address(host, ec);
    return !ec;
}

double milliseconds_since(SteadyClock::time_point start) {
    return std::chrono::duration<double, std::milli>(SteadyClock::now() - start).count();
}

std::string host_port(const UrlParts& url) {
    bool ipv6 = url.host.find(':') != std::string::npos;
    std::string host = ipv6 ? "[" + url.host + "]" : url.host;
    return host + ":" + std::to_string(url.port);
}

// The Host header: the name as in the URL, with the port only when it is not the default.
std::string host_header(const UrlParts& url) {
    bool default_port =
        (url.scheme == "http" && url.port == 80) || (url.scheme == "https" && url.port == 443);
    if (default_port) {
        bool ipv6 = url.host.find(':') != std::string::npos;
        return ipv6 ? "[" + url.host + "]" : url.host;
    }
    return host_port(url);
}

// CR, LF or NUL in a header would let a template inject headers; refuse the request.
std::optional<std::string> invalid_request_text(const Request& request) {
    auto bad = [](std::string_view s) {
        return s.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos;
    };
    if (request.method.empty() || request.method.find_first_of(" \t\r\n") != std::string::npos) {
        return "invalid HTTP method '" + request.method + "'";
    }
    for (const Header& h : request.headers) {
        if (h.name.empty() || bad(h.name) || bad(h.value) || h.name.find(':') != h.name.npos) {
            return "invalid header '" + h.name + "'";
        }
    }
    return std::nullopt;
}

// The request as sent: the caller's headers, then what the client adds unless the caller
// already set it. A caller's own Cookie header replaces the jar's cookies for this hop.
Request with_client_headers(Request request, const UrlParts& url, const CookieJar& jar,
                            const ClientOptions& options) {
    std::vector<Header>& headers = request.headers;
    if (!has_header(headers, "Host")) {
        headers.push_back({"Host", host_header(url)});
    }
    if (!has_header(headers, "User-Agent") && !options.user_agent.empty()) {
        headers.push_back({"User-Agent", options.user_agent});
    }
    if (!has_header(headers, "Cookie")) {
        if (std::string cookies = jar.header_for(url); !cookies.empty()) {
            headers.push_back({"Cookie", std::move(cookies)});
        }
    }
    bool sends_body = !request.body.empty() || request.method == "POST" ||
                      request.method == "PUT" || request.method == "PATCH";
    if (sends_body && !has_header(headers, "Content-Length")) {
        headers.push_back({"Content-Length", std::to_string(request.body.size())});
    }
    if (!has_header(headers, "Connection")) {
        headers.push_back({"Connection", "keep-alive"});
    }
    return request;
}

// A request as it goes on the wire, serialized once into one buffer (one write, no
// serializer state: the generator's hot path).
struct WireRequest {
    std::string text;
    bool head = false;      // a HEAD answer has no body
    bool keep_alive = true; // no `Connection: close`
};

bool has_close_token(std::string_view value) {
    std::string lower(value);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower.find("close") != std::string::npos;
}

// HTTP/1.1 request text; header names and values were checked for CR, LF and NUL
// (invalid_request_text), so they cannot break the framing.
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
        if (iequals(h.name, "Connection") && has_close_token(h.value)) {
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

// A reused keep-alive connection that the server closed while idle fails before any answer
// byte; such a request is safe to send again once on a new connection.
bool is_stale_connection(const RoundTrip& trip) {
    return !trip.got_answer_bytes && is_connection_closed(trip.error);
}

bool is_redirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

bool same_origin(const UrlParts& a, const UrlParts& b) {
    return a.scheme == b.scheme && a.host == b.host && a.port == b.port;
}

// The next request of a redirect chain. The first `caller_headers` headers of `previous` are
// the caller's; the rest were added by the client and are added again for the next hop.
// 303, and 301/302 after POST, become GET without body (as browsers do). A caller's Cookie
// header is not carried (the jar decides), nor Authorization to another origin.
Request redirected_request(const Request& previous, std::size_t caller_headers, int status,
                           std::string next_url, const UrlParts& from) {
    Request next;
    bool to_get = (status == 303 && previous.method != "HEAD") ||
                  ((status == 301 || status == 302) && previous.method == "POST");
    next.method = to_get ? "GET" : previous.method;
    if (!to_get) {
        next.body = previous.body;
    }
    auto to = parse_url(next_url);
    bool cross_origin = !to || !same_origin(from, *to);
    for (std::size_t i = 0; i < caller_headers && i < previous.headers.size(); ++i) {
        const Header& h = previous.headers[i];
        bool drop =
            iequals(h.name, "Cookie") ||
            (to_get && (iequals(h.name, "Content-Type") || iequals(h.name, "Content-Length"))) ||
            (cross_origin && iequals(h.name, "Authorization"));
        if (!drop) {
            next.headers.push_back(h);
        }
    }
    next.url = std::move(next_url);
    return next;
}

} // namespace

ClientContext::ClientContext(ClientOptions options)
    : options_(std::move(options)), tls_(std::make_unique<Tls>()) {
    ssl::context& context = tls_->ssl;
    context.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                        ssl::context::no_sslv3);
    // Idle TLS connections should not keep OpenSSL's record buffers (thousands under load).
    SSL_CTX_set_mode(context.native_handle(), SSL_MODE_RELEASE_BUFFERS);
    if (!options_.ca_file.empty()) {
        if (!std::ifstream(options_.ca_file)) {
            throw std::runtime_error("cannot read CA file '" + options_.ca_file + "'");
        }
        error_code ec;
        context.load_verify_file(options_.ca_file, ec);
        if (ec) {
            throw std::runtime_error("cannot load CA file '" + options_.ca_file +
                                     "': " + ec.message());
        }
    }
    if (options_.verify_tls) {
        context.set_verify_mode(ssl::verify_peer);
        error_code ignored; // no system store is fine when ca_file is the trust anchor
        context.set_default_verify_paths(ignored);
    } else {
        context.set_verify_mode(ssl::verify_none);
    }
}

ClientContext::~ClientContext() = default;

// The TLS sessions one Session may resume, one per origin (scheme://host:port).
class TlsSessions {
public:
    TlsSessions() = default;
    TlsSessions(const TlsSessions&) = delete;
    TlsSessions& operator=(const TlsSessions&) = delete;
    ~TlsSessions() {
        for (auto& [key, session] : entries_) {
            SSL_SESSION_free(session);
        }
    }

    SSL_SESSION* find(const std::string& key) const {
        for (const auto& [k, session] : entries_) {
            if (k == key) {
                return session;
            }
        }
        return nullptr;
    }

    // Takes ownership of `session`.
    void store(const std::string& key, SSL_SESSION* session) {
        for (auto& [k, old] : entries_) {
            if (k == key) {
                SSL_SESSION_free(old);
                old = session;
                return;
            }
        }
        entries_.emplace_back(key, session);
    }

private:
    std::vector<std::pair<std::string, SSL_SESSION*>> entries_;
};

struct Session::Impl {
    asio::any_io_executor executor;
    const ClientContext& context;
    std::vector<std::unique_ptr<Connection>> idle; // at most one per key
    TlsSessions tls_sessions;
    TlsCounts tls_counts;

    Impl(asio::any_io_executor ex, const ClientContext& ctx)
        : executor(std::move(ex)), context(ctx) {}

    // After an answer on a TLS connection: keep its session for the next connection to this
    // origin, once it is resumable (with TLS 1.3 the ticket arrives after the handshake).
    void remember_tls_session(Connection& connection) {
        if (!connection.secure || connection.session_saved || !options().resume_tls_sessions) {
            return;
        }
        SSL_SESSION* session = SSL_get1_session(connection.secure->native_handle());
        if (session != nullptr && SSL_SESSION_is_resumable(session)) {
            tls_sessions.store(connection.key, session);
            connection.session_saved = true;
        } else if (session != nullptr) {
            SSL_SESSION_free(session);
        }
    }

    const ClientOptions& options() const { return context.options(); }

    std::unique_ptr<Connection> take_idle(const std::string& key) {
        auto it =
            std::find_if(idle.begin(), idle.end(), [&](const auto& c) { return c->key == key; });
        if (it == idle.end()) {
            return nullptr;
        }
        auto connection = std::move(*it);
        idle.erase(it);
        return connection;
    }

    void keep(std::unique_ptr<Connection> connection) {
        if (auto old = take_idle(connection->key)) {
            old->close(true);
        }
        idle.push_back(std::move(connection));
    }

    asio::awaitable<std::optional<Failure>> resolve(const UrlParts& url,
                                                    std::vector<tcp::endpoint>& endpoints);
    asio::awaitable<std::optional<Failure>> connect(const UrlParts& url, Connection& connection);
    asio::awaitable<std::optional<Failure>> perform(const UrlParts& url, WireRequest& request,
                                                    Response& out);
};

// --resolve first, then an IP literal as is, then DNS.
asio::awaitable<std::optional<Failure>>
Session::Impl::resolve(const UrlParts& url, std::vector<tcp::endpoint>& endpoints) {
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
    tcp::resolver resolver(executor);
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

// TCP connect and, for https, the TLS handshake with SNI and host name verification, both
// within connect_timeout.
asio::awaitable<std::optional<Failure>> Session::Impl::connect(const UrlParts& url,
                                                               Connection& connection) {
    std::vector<tcp::endpoint> endpoints;
    if (auto failure = co_await resolve(url, endpoints)) {
        co_return failure;
    }
    std::string where = host_port(url);
    if (endpoints.size() == 1 && endpoints.front().address().to_string() != url.host) {
        where += " (" + endpoints.front().address().to_string() + ")";
    }
    if (url.scheme == "https") {
        connection.secure.emplace(executor, context.tls().ssl);
        if (!is_ip_literal(url.host) &&
            !SSL_set_tlsext_host_name(connection.secure->native_handle(), url.host.c_str())) {
            co_return Failure{Outcome::tls_error, "cannot set TLS server name " + url.host};
        }
        if (options().verify_tls) {
            connection.secure->set_verify_callback(ssl::host_name_verification(url.host));
        }
        if (options().resume_tls_sessions) {
            if (SSL_SESSION* earlier = tls_sessions.find(connection.key)) {
                SSL_set_session(connection.secure->native_handle(), earlier);
            }
        }
    } else {
        connection.plain.emplace(executor);
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
        ++tls_counts.handshakes;
        if (SSL_session_reused(connection.secure->native_handle()) == 1) {
            ++tls_counts.resumed;
        }
    }
    stream.expires_never();
    co_return std::nullopt;
}

// One request/answer on the kept-alive connection for this origin or a new one; a stale
// kept-alive connection is replaced once.
asio::awaitable<std::optional<Failure>>
Session::Impl::perform(const UrlParts& url, WireRequest& request, Response& out) {
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
            trip = co_await round_trip(*connection->secure, *connection, request, options(), out);
        } else {
            trip = co_await round_trip(*connection->plain, *connection, request, options(), out);
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
        if (reused && is_stale_connection(trip)) {
            reused = false;
            out = Response{};
            continue;
        }
        co_return round_trip_failure(trip, host_port(url), options());
    }
}

Session::Session(asio::any_io_executor executor, const ClientContext& context)
    : impl_(std::make_unique<Impl>(std::move(executor), context)) {}

Session::~Session() {
    close_connections();
}

void Session::release_idle_buffers() {
    for (auto& connection : impl_->idle) {
        if (connection->buffer.size() == 0) {
            connection->buffer.shrink_to_fit();
        }
    }
}

TlsCounts Session::tls_counts() const {
    return impl_->tls_counts;
}

void Session::close_connections() {
    for (auto& connection : impl_->idle) {
        connection->close(true);
    }
    impl_->idle.clear();
}

asio::awaitable<FetchResult> Session::fetch(Request request, bool follow_redirects) {
    const ClientOptions& options = impl_->options();
    FetchResult result;
    const auto fetch_start = SteadyClock::now();
    auto last_hop_end = fetch_start; // one clock read per hop end serves hop and fetch
    Request current = std::move(request);
    for (int redirects = 0;; ++redirects) {
        result.final_url = current.url;
        auto url = parse_url(current.url);
        if (!url) {
            result.outcome = Outcome::request_error;
            result.error = "not an absolute http(s) URL: '" + current.url + "'";
            break;
        }
        if (auto invalid = invalid_request_text(current)) {
            result.outcome = Outcome::request_error;
            result.error = std::move(*invalid);
            break;
        }
        const std::size_t caller_headers = current.headers.size();
        Exchange exchange;
        exchange.request = with_client_headers(std::move(current), *url, jar_, options);
        WireRequest wire = to_wire(exchange.request, url->target);
        const auto hop_start = redirects == 0 ? fetch_start : SteadyClock::now();
        auto failure = co_await impl_->perform(*url, wire, exchange.response);
        last_hop_end = SteadyClock::now();
        exchange.elapsed_ms =
            std::chrono::duration<double, std::milli>(last_hop_end - hop_start).count();
        if (failure) {
            result.outcome = failure->outcome;
            result.error = std::move(failure->message);
            result.error_value = failure->error_value;
            break;
        }
        for (std::string_view set_cookie : exchange.response.headers_named("Set-Cookie")) {
            jar_.store(*url, set_cookie);
        }
        result.exchanges.push_back(std::move(exchange));
        const Exchange& done = result.exchanges.back();
        auto location = done.response.header("Location");
        if (!follow_redirects || !is_redirect(done.response.status) || !location) {
            break;
        }
        if (redirects >= options.max_redirects) {
            result.outcome = Outcome::too_many_redirects;
            result.error = "more than " + std::to_string(options.max_redirects) +
                           " redirects; the last one to " + std::string(*location);
            break;
        }
        // A Location that is not an http(s) URL ends the chain: the 3xx is the answer.
        auto next = resolve_url(done.request.url, *location);
        if (!next || !parse_url(*next)) {
            break;
        }
        current = redirected_request(done.request, caller_headers, done.response.status,
                                     std::move(*next), *url);
    }
    // The hop that ended last is the end of the fetch (a request that could not be built
    // ends now).
    result.elapsed_ms =
        result.outcome == Outcome::request_error
            ? milliseconds_since(fetch_start)
            : std::chrono::duration<double, std::milli>(last_hop_end - fetch_start).count();
    co_return result;
}

} // namespace logintest::harness::http
