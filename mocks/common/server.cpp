// The Beast side of HttpServer (server.hpp): acceptor, connections (plain or TLS), limits,
// injected-fault delivery, timers and graceful stop. Each connection is a callback chain on
// its own strand: (TLS handshake) -> read header -> (100 Continue) -> read body -> handler ->
// write -> read the next request or close. A Responder completes the chain from any thread
// by dispatching back onto the connection's strand. Connection is a template over the
// stream (beast::tcp_stream or beast::ssl_stream of it); everything else is shared.
#include "mocks/common/server.hpp"
#include "support/text/strings.hpp"
#include "support/text/utc_time.hpp"

#include "mocks/common/responses.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/serializer.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <array>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <vector>

namespace logintest::mocks::common {
namespace {

namespace net = boost::asio;
namespace ssl = net::ssl;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;
using error_code = boost::system::error_code;
using Timer = net::steady_timer;

// What the server keeps of a connection: enough to close it at stop().
class ConnectionBase : public std::enable_shared_from_this<ConnectionBase> {
public:
    virtual ~ConnectionBase() = default;
    virtual void close() = 0; // on the connection's strand, or after the threads ended
    virtual net::any_io_executor executor() = 0;
};

// What the connections share with the server; outlives every connection.
struct ServerCore {
    ServerOptions options;
    ServerHandler handler;
    RequestLogger logger;
    std::atomic<bool> stopping{false};
    std::mutex mutex;
    std::unordered_map<const ConnectionBase*, std::weak_ptr<ConnectionBase>> connections;
    std::unordered_map<const Timer*, std::weak_ptr<Timer>> timers; // run_after(), under mutex

    void warn(std::string_view line) const {
        if (options.warn) {
            options.warn(line);
        } else {
            std::fprintf(stderr, "%.*s\n", static_cast<int>(line.size()), line.data());
        }
    }
};

// RFC 9112 §6.3, §6.1: the only transfer coding the server implements is `chunked`, once and
// last, in HTTP/1.1. Any other (gzip, chunked twice, a coding after chunked, TE in HTTP/1.0)
// cannot be framed: 400 and close, before any handler sees the request.
template <class Fields> bool bad_transfer_encoding(const http::request_header<Fields>& header) {
    std::vector<std::string> codings;
    const auto [first, last] = header.equal_range(http::field::transfer_encoding);
    for (auto field = first; field != last; ++field) {
        std::string_view list = field->value();
        while (!list.empty()) {
            const auto comma = list.find(',');
            auto item = support::to_lower(support::trim_ows(list.substr(0, comma)));
            if (!item.empty()) {
                codings.push_back(std::move(item));
            }
            list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
        }
    }
    if (codings.empty() && header.count(http::field::transfer_encoding) == 0) {
        return false;
    }
    return header.version() < 11 || codings.size() != 1 || codings.front() != "chunked";
}

// "Tue, 15 Nov 1994 08:12:31 GMT" (RFC 9110 IMF-fixdate), system time.
std::string http_date() {
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    return fmt::format("{:%a, %d %b %Y %H:%M:%S} GMT", support::utc_tm(now)); // C locale names
}

// A header name as it may appear in a log line (control characters as '?').
std::string printable_name(std::string_view name) {
    std::string out(name.substr(0, 64));
    for (char& c : out) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
            c = '?';
        }
    }
    return out;
}

bool is_parse_error(const error_code& ec) {
    return ec.category() == http::make_error_code(http::error::bad_method).category();
}

using PlainStream = beast::tcp_stream;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

template <class Stream> class Connection final : public ConnectionBase {
    static constexpr bool is_tls = std::is_same_v<Stream, TlsStream>;

public:
    Connection(tcp::socket socket, ServerCore& core) requires(!is_tls)
        : stream_(std::move(socket)), core_(core) {
        init();
    }
    Connection(tcp::socket socket, ServerCore& core, ssl::context& context) requires(is_tls)
        : stream_(std::move(socket), context), core_(core) {
        init();
    }

    ~Connection() override {
        std::lock_guard lock(core_.mutex);
        core_.connections.erase(this);
    }

    void start() {
        {
            std::lock_guard lock(core_.mutex);
            core_.connections.emplace(this, weak_from_this());
        }
        net::dispatch(executor(), [self = self()] {
            if constexpr (is_tls) {
                self->handshake();
            } else {
                self->read_header();
            }
        });
    }

    // Closes the socket (cancelling any pending operation); runs on the strand.
    void close() override {
        error_code ec;
        socket().shutdown(tcp::socket::shutdown_both, ec);
        lowest().close();
        closed_ = true;
    }

    net::any_io_executor executor() override { return stream_.get_executor(); }

private:
    void init() {
        error_code ec;
        const auto peer = socket().remote_endpoint(ec);
        if (!ec) {
            peer_ = peer.address().to_string();
        }
        socket().set_option(tcp::no_delay(true), ec);
    }

    std::shared_ptr<Connection> self() {
        return std::static_pointer_cast<Connection>(shared_from_this());
    }
    beast::tcp_stream& lowest() { return beast::get_lowest_layer(stream_); }
    tcp::socket& socket() { return lowest().socket(); }

    // MOCK-HOST-5: a client that does not complete a TLS handshake in time (plain HTTP,
    // noise, silence) is closed; nothing is answered.
    void handshake() {
        lowest().expires_after(core_.options.handshake_timeout);
        if constexpr (is_tls) {
            stream_.async_handshake(ssl::stream_base::server, [self = self()](error_code ec) {
                if (ec) {
                    self->close();
                    return;
                }
                self->read_header();
            });
        }
    }

    void read_header() {
        if (closed_ || core_.stopping) {
            close();
            return;
        }
        parser_.emplace();
        parser_->header_limit(static_cast<std::uint32_t>(core_.options.max_header_bytes));
        parser_->body_limit(core_.options.max_body_bytes);
        lowest().expires_after(core_.options.idle_timeout);
        http::async_read_header(
            stream_, buffer_, *parser_,
            [self = self()](error_code ec, std::size_t) { self->on_header(ec); });
    }

    void on_header(error_code ec) {
        if (ec) {
            on_read_error(ec);
            return;
        }
        if (bad_transfer_encoding(parser_->get())) {
            send_error(400, "Bad Request"); // RFC 9112 §6.3: a coding we do not implement
            return;
        }
        const auto expect = parser_->get()[http::field::expect];
        if (beast::iequals(expect, "100-continue") && !parser_->is_done()) {
            continue_ = http::response<http::empty_body>{http::status::continue_, 11};
            http::async_write(stream_, continue_, [self = self()](error_code wec, std::size_t) {
                if (wec) {
                    self->close();
                    return;
                }
                self->read_body();
            });
            return;
        }
        read_body();
    }

    void read_body() {
        http::async_read(stream_, buffer_, *parser_,
                         [self = self()](error_code ec, std::size_t) { self->on_read(ec); });
    }

    void on_read_error(const error_code& ec) {
        if (ec == http::error::header_limit) {
            send_error(431, "Request Header Fields Too Large");
        } else if (ec == http::error::body_limit) {
            send_error(413, "Payload Too Large");
        } else if (is_parse_error(ec) && ec != http::error::end_of_stream &&
                   ec != http::error::partial_message) {
            send_error(400, "Bad Request");
        } else {
            close(); // end of stream, timeout, reset, stop(): nothing to answer
        }
    }

    void on_read(error_code ec) {
        if (ec) {
            on_read_error(ec);
            return;
        }
        auto msg = parser_->release();
        keep_alive_ = msg.keep_alive();
        std::vector<Header> headers;
        for (const auto& field : msg) {
            headers.push_back({std::string(field.name_string()), std::string(field.value())});
        }
        request_ = make_request(std::string(msg.method_string()), std::string(msg.target()),
                                std::move(headers), std::move(msg.body()), peer_);
        started_ = std::chrono::steady_clock::now();
        lowest().expires_never(); // an async handler may take its time

        Responder respond([self = self()](Response response) {
            auto exec = self->executor();
            net::dispatch(exec, [self = std::move(self), r = std::move(response)]() mutable {
                self->write(std::move(r), false);
            });
        });
        try {
            core_.handler(request_, std::move(respond));
        } catch (...) {
            // The handler's Responder was destroyed by the unwinding and has answered 500.
        }
    }

    void send_error(int status, std::string_view text) {
        linger_ = true;
        request_ = Request{};
        request_.method = "-";
        request_.path = "-";
        started_ = std::chrono::steady_clock::now();
        write(message(status, text), true);
    }

    void log(int status, std::string_view fault = {}) {
        if (core_.logger) {
            const auto elapsed = std::chrono::steady_clock::now() - started_;
            core_.logger(RequestLog{request_.method, request_.path, status,
                                    std::chrono::duration<double, std::milli>(elapsed).count(),
                                    fault});
        }
    }

    void write(Response r, bool close_after) {
        if (closed_) {
            return;
        }
        if (r.delivery == Delivery::reset) {
            reset_abortively();
            return;
        }
        if (const Header* unsafe = unsafe_header(r)) {
            // Finding 2 of issue 10: a header with CR, LF or NUL would split the response.
            // Never sent, whatever the handler: 500 and a line naming the header (no value).
            core_.warn("refused to send a response to " + request_.method + " " + request_.path +
                       ": header \"" + printable_name(unsafe->name) +
                       "\" holds CR, LF, NUL or another control character; answered 500");
            r = internal_error();
        }
        const bool truncate = r.delivery == Delivery::truncate;
        close_after_ = close_after || truncate || !keep_alive_ || core_.stopping;
        response_ = {};
        response_.version(11);
        const int status = (r.status >= 100 && r.status <= 999) ? r.status : 500;
        response_.result(static_cast<unsigned>(status));
        bool has_date = false;
        for (auto& h : r.headers) {
            has_date = has_date || beast::iequals(h.name, "date");
            response_.insert(h.name, h.value);
        }
        if (!has_date) {
            response_.set(http::field::date, http_date());
        }
        response_.body() = std::move(r.body);
        response_.keep_alive(!close_after_);
        response_.prepare_payload();
        if (request_.method == "HEAD") {
            response_.body().clear(); // Content-Length stays that of the GET answer
        }
        lowest().expires_after(core_.options.idle_timeout);
        if (truncate) {
            write_truncated(std::min(r.truncate_bytes, response_.body().size()));
            return;
        }
        http::async_write(stream_, response_,
                          [self = self()](error_code ec, std::size_t) { self->on_write(ec); });
    }

    void on_write(error_code ec) {
        log(static_cast<int>(response_.result_int()));
        if (ec) {
            close();
            return;
        }
        if (close_after_) {
            linger_ ? linger_close() : finish();
            return;
        }
        read_header();
    }

    // MOCK-FAULT-2 `reset`: no answer; SO_LINGER 0 makes close() send RST.
    void reset_abortively() {
        log(0, "reset");
        error_code ec;
        socket().set_option(net::socket_base::linger(true, 0), ec);
        lowest().close();
        closed_ = true;
    }

    // MOCK-FAULT-2 `truncate`: the header with the full Content-Length, then only `bytes`
    // bytes of the body, then close.
    void write_truncated(std::size_t bytes) {
        serializer_.emplace(response_);
        http::async_write_header(
            stream_, *serializer_, [self = self(), bytes](error_code ec, std::size_t) {
                if (ec) {
                    self->close();
                    return;
                }
                net::async_write(self->stream_, net::buffer(self->response_.body().data(), bytes),
                                 [self](error_code wec, std::size_t) {
                                     self->log(static_cast<int>(self->response_.result_int()),
                                               "truncated");
                                     if (wec) {
                                         self->close();
                                         return;
                                     }
                                     self->linger_close(); // no TLS close_notify: cut short
                                 });
            });
    }

    // A normal close after the last answer: TLS says close_notify first (bounded in time).
    void finish() {
        if constexpr (is_tls) {
            lowest().expires_after(std::chrono::seconds(1));
            stream_.async_shutdown([self = self()](error_code) { self->close(); });
        } else {
            close();
        }
    }

    // After an error answer the client may still be sending the rest of its request; closing
    // at once with unread data would reset the connection and could destroy the answer in
    // flight. So: half-close, read and discard for a while, then close.
    void linger_close() {
        error_code ec;
        socket().shutdown(tcp::socket::shutdown_send, ec);
        lowest().expires_after(std::chrono::seconds(2));
        drain();
    }

    void drain() {
        if (closed_ || core_.stopping) {
            close();
            return;
        }
        lowest().async_read_some(net::buffer(drain_buffer_),
                                 [self = self()](error_code ec, std::size_t n) {
                                     self->drained_ += n;
                                     if (ec || self->drained_ > max_drain_bytes) {
                                         self->close();
                                         return;
                                     }
                                     self->drain();
                                 });
    }

    Stream stream_;
    ServerCore& core_;
    std::string peer_;
    beast::flat_buffer buffer_;
    std::optional<http::request_parser<http::string_body>> parser_;
    http::response<http::empty_body> continue_;
    http::response<http::string_body> response_;
    std::optional<http::response_serializer<http::string_body>> serializer_;
    Request request_;
    std::chrono::steady_clock::time_point started_;
    bool keep_alive_ = true;
    bool close_after_ = false;
    bool closed_ = false;
    bool linger_ = false;
    static constexpr std::size_t max_drain_bytes = 4 * 1024 * 1024;
    std::size_t drained_ = 0;
    std::array<char, 16 * 1024> drain_buffer_{};
};

} // namespace

struct HttpServer::Impl {
    explicit Impl(ServerOptions options) { core.options = std::move(options); }

    void accept() {
        acceptor.async_accept(net::make_strand(ioc), [this](error_code ec, tcp::socket socket) {
            if (core.stopping || !acceptor.is_open()) {
                return;
            }
            if (ec) {
                // Out of descriptors or similar: try again shortly instead of spinning.
                retry_timer.expires_after(std::chrono::milliseconds(20));
                retry_timer.async_wait([this](error_code wec) {
                    if (!wec && !core.stopping) {
                        accept();
                    }
                });
                return;
            }
            if (over_cap()) {
                refuse(socket);
            } else if (tls) {
                std::make_shared<Connection<TlsStream>>(std::move(socket), core, *tls)->start();
            } else {
                std::make_shared<Connection<PlainStream>>(std::move(socket), core)->start();
            }
            accept();
        });
    }

    bool over_cap() {
        std::lock_guard lock(core.mutex);
        return core.connections.size() >= core.options.max_connections;
    }

    // `limits.max_connections`: one connection too many is closed before anything is read;
    // counted, and logged when the cap is first hit and then at most every 10 s.
    void refuse(tcp::socket& socket) {
        ++refused_since_warn;
        if (core.options.connection_refused) {
            core.options.connection_refused(); // counted before the client sees the close
        }
        const auto now = std::chrono::steady_clock::now();
        const bool quiet = last_warn && now - *last_warn < std::chrono::seconds(10);
        error_code ec;
        if (quiet) {
            socket.close(ec);
            return;
        }
        core.warn(fmt::format("{}:{}: connection cap of {} open connections reached "
                              "(limits.max_connections); closed {} new connection{}",
                              address, port, core.options.max_connections, refused_since_warn,
                              refused_since_warn == 1 ? "" : "s"));
        last_warn = now;
        refused_since_warn = 0;
        socket.close(ec);
    }

    void run_thread() {
        for (;;) {
            try {
                ioc.run();
                break;
            } catch (...) {
                // A handler threw past its own boundary; keep serving.
            }
        }
        std::lock_guard lock(threads_mutex);
        --running;
        threads_done.notify_all();
    }

    // MOCK-HOST-5: the server certificate (with its chain) and key.
    std::string load_tls() {
        if (core.options.tls_cert_pem.empty() && core.options.tls_key_pem.empty()) {
            return {};
        }
        tls.emplace(ssl::context::tls_server);
        tls->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                         ssl::context::no_sslv3 | ssl::context::no_tlsv1 |
                         ssl::context::no_tlsv1_1);
        error_code ec;
        tls->use_certificate_chain(net::buffer(core.options.tls_cert_pem), ec);
        if (ec) {
            tls.reset();
            return "TLS certificate: " + ec.message();
        }
        tls->use_private_key(net::buffer(core.options.tls_key_pem), ssl::context::pem, ec);
        if (ec) {
            tls.reset();
            return "TLS key: " + ec.message();
        }
        return {};
    }

    ServerCore core; // destroyed last: connections unregister from it
    net::io_context ioc;
    std::optional<ssl::context> tls;
    std::optional<net::executor_work_guard<net::io_context::executor_type>> work;
    tcp::acceptor acceptor{net::make_strand(ioc)};
    Timer retry_timer{acceptor.get_executor()};
    std::vector<std::thread> threads;
    std::mutex threads_mutex;
    std::condition_variable threads_done;
    int running = 0;
    bool started = false;
    bool stopped = false;
    std::optional<std::chrono::steady_clock::time_point> last_warn; // acceptor strand only
    std::size_t refused_since_warn = 0;                             // acceptor strand only
    std::string address;
    std::uint16_t port = 0;
};

HttpServer::HttpServer(ServerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}

HttpServer::~HttpServer() {
    // A destructor must not throw: stop() can fail only with std::bad_alloc or a
    // std::system_error from a mutex or a join, and then there is nothing left to clean up.
    try {
        stop();
    } catch (...) {
    }
}

std::string HttpServer::listen(const std::string& address, std::uint16_t port) {
    const std::string where = address + ":" + std::to_string(port);
    if (auto error = impl_->load_tls(); !error.empty()) {
        return "cannot serve " + where + ": " + error;
    }
    error_code ec;
    const auto ip = net::ip::make_address(address, ec);
    if (ec) {
        return "cannot bind " + where + ": invalid address";
    }
    const tcp::endpoint endpoint(ip, port);
    auto& acceptor = impl_->acceptor;
    acceptor.open(endpoint.protocol(), ec);
    if (!ec) {
        acceptor.set_option(net::socket_base::reuse_address(true), ec);
    }
    if (!ec) {
        acceptor.bind(endpoint, ec);
    }
    if (!ec) {
        acceptor.listen(net::socket_base::max_listen_connections, ec);
    }
    if (ec) {
        error_code ignored;
        acceptor.close(ignored);
        return "cannot bind " + where + ": " + ec.message();
    }
    const auto bound = acceptor.local_endpoint(ec);
    impl_->address = address;
    impl_->port = ec ? port : bound.port();
    return {};
}

std::uint16_t HttpServer::port() const {
    return impl_->port;
}

std::string HttpServer::address() const {
    return impl_->address;
}

bool HttpServer::tls() const {
    return impl_->tls.has_value();
}

void HttpServer::start(ServerHandler handler, RequestLogger logger) {
    auto& impl = *impl_;
    if (impl.started || impl.stopped) {
        return;
    }
    impl.started = true;
    impl.core.handler = std::move(handler);
    impl.core.logger = std::move(logger);
    impl.work.emplace(impl.ioc.get_executor());
    net::dispatch(impl.acceptor.get_executor(), [&impl] { impl.accept(); });
    const int n = std::max(1, impl.core.options.threads);
    impl.running = n;
    for (int i = 0; i < n; ++i) {
        impl.threads.emplace_back([&impl] { impl.run_thread(); });
    }
}

void HttpServer::run_after(std::chrono::milliseconds delay, std::function<void()> fn) {
    auto& impl = *impl_;
    if (impl.core.stopping) {
        return; // `fn` is destroyed unrun
    }
    auto timer = std::make_shared<Timer>(net::make_strand(impl.ioc));
    {
        std::lock_guard lock(impl.core.mutex);
        impl.core.timers.emplace(timer.get(), timer);
    }
    // The wait is set up on the timer's strand, where stop() also cancels it.
    net::dispatch(timer->get_executor(), [&impl, timer, delay, fn = std::move(fn)]() mutable {
        auto done = [&impl, timer] {
            std::lock_guard lock(impl.core.mutex);
            impl.core.timers.erase(timer.get());
        };
        if (impl.core.stopping) {
            done();
            return;
        }
        timer->expires_after(delay);
        timer->async_wait([done, fn = std::move(fn), &impl](error_code ec) mutable {
            done();
            if (!ec && !impl.core.stopping) {
                fn();
            }
        });
    });
}

void HttpServer::stop() {
    auto& impl = *impl_;
    if (impl.stopped) {
        return;
    }
    impl.stopped = true;
    impl.core.stopping = true;
    if (!impl.started) {
        error_code ec;
        impl.acceptor.close(ec);
        return;
    }
    net::post(impl.acceptor.get_executor(), [&impl] {
        error_code ec;
        impl.acceptor.close(ec);
        impl.retry_timer.cancel();
    });
    std::vector<std::shared_ptr<ConnectionBase>> open;
    std::vector<std::shared_ptr<Timer>> timers;
    {
        std::lock_guard lock(impl.core.mutex);
        for (auto& [key, weak] : impl.core.connections) {
            if (auto c = weak.lock()) {
                open.push_back(std::move(c));
            }
        }
        for (auto& [key, weak] : impl.core.timers) {
            if (auto t = weak.lock()) {
                timers.push_back(std::move(t));
            }
        }
    }
    for (auto& c : open) {
        net::post(c->executor(), [c] { c->close(); });
    }
    for (auto& t : timers) {
        net::post(t->get_executor(), [t] { t->cancel(); }); // delayed requests: dropped, 500
    }
    open.clear();
    timers.clear();
    impl.work.reset();
    {
        // Normally the threads run out of work at once; a stuck handler must not hang stop().
        std::unique_lock lock(impl.threads_mutex);
        if (!impl.threads_done.wait_for(lock, std::chrono::seconds(2),
                                        [&impl] { return impl.running == 0; })) {
            impl.ioc.stop();
        }
    }
    for (auto& t : impl.threads) {
        t.join();
    }
    impl.threads.clear();
    // Connections kept alive by an outstanding Responder: close their sockets now (no thread
    // runs any more). The lock is released first: a connection's destructor takes it.
    {
        std::lock_guard lock(impl.core.mutex);
        for (auto& [key, weak] : impl.core.connections) {
            if (auto c = weak.lock()) {
                open.push_back(std::move(c));
            }
        }
    }
    for (auto& c : open) {
        c->close();
    }
}

} // namespace logintest::mocks::common
