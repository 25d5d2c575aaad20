// The Beast side of HttpServer (server.hpp): acceptor, connections, limits, graceful stop.
// Each connection is a callback chain on its own strand: read header -> (100 Continue) ->
// read body -> handler -> write -> read the next request or close. A Responder completes
// the chain from any thread by dispatching back onto the connection's strand.
#include "mocks/common/server.hpp"

#include "mocks/common/responses.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include <array>
#include <condition_variable>
#include <ctime>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <vector>

namespace logintest::mocks::common {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;
using error_code = boost::system::error_code;

class Connection;

// What the connections share with the server; outlives every connection.
struct ServerCore {
    ServerOptions options;
    ServerHandler handler;
    RequestLogger logger;
    std::atomic<bool> stopping{false};
    std::mutex mutex;
    std::unordered_map<const Connection*, std::weak_ptr<Connection>> connections;
};

// "Tue, 15 Nov 1994 08:12:31 GMT" (RFC 9110 IMF-fixdate), system time.
std::string http_date() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[64];
    const auto n = std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    return std::string(buf, n);
}

bool is_parse_error(const error_code& ec) {
    return ec.category() == http::make_error_code(http::error::bad_method).category();
}

class Connection : public std::enable_shared_from_this<Connection> {
public:
    Connection(tcp::socket socket, ServerCore& core) : stream_(std::move(socket)), core_(core) {
        error_code ec;
        const auto peer = stream_.socket().remote_endpoint(ec);
        if (!ec) {
            peer_ = peer.address().to_string();
        }
        stream_.socket().set_option(tcp::no_delay(true), ec);
    }

    ~Connection() {
        std::lock_guard lock(core_.mutex);
        core_.connections.erase(this);
    }

    void start() {
        {
            std::lock_guard lock(core_.mutex);
            core_.connections.emplace(this, weak_from_this());
        }
        net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read_header(); });
    }

    // Closes the socket (cancelling any pending operation); runs on the strand.
    void close() {
        error_code ec;
        stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
        stream_.close();
        closed_ = true;
    }

    net::any_io_executor executor() { return stream_.get_executor(); }

private:
    void read_header() {
        if (closed_ || core_.stopping) {
            close();
            return;
        }
        parser_.emplace();
        parser_->header_limit(static_cast<std::uint32_t>(core_.options.max_header_bytes));
        parser_->body_limit(core_.options.max_body_bytes);
        stream_.expires_after(core_.options.idle_timeout);
        http::async_read_header(
            stream_, buffer_, *parser_,
            [self = shared_from_this()](error_code ec, std::size_t) { self->on_header(ec); });
    }

    void on_header(error_code ec) {
        if (ec) {
            on_read_error(ec);
            return;
        }
        const auto expect = parser_->get()[http::field::expect];
        if (beast::iequals(expect, "100-continue") && !parser_->is_done()) {
            continue_ = http::response<http::empty_body>{http::status::continue_, 11};
            http::async_write(stream_, continue_,
                              [self = shared_from_this()](error_code wec, std::size_t) {
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
        http::async_read(
            stream_, buffer_, *parser_,
            [self = shared_from_this()](error_code ec, std::size_t) { self->on_read(ec); });
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
        stream_.expires_never(); // an async handler may take its time

        Responder respond([self = shared_from_this()](Response response) {
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

    void write(Response r, bool close_after) {
        if (closed_) {
            return;
        }
        close_after_ = close_after || !keep_alive_ || core_.stopping;
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
        stream_.expires_after(core_.options.idle_timeout);
        http::async_write(
            stream_, response_,
            [self = shared_from_this()](error_code ec, std::size_t) { self->on_write(ec); });
    }

    void on_write(error_code ec) {
        if (core_.logger) {
            const auto elapsed = std::chrono::steady_clock::now() - started_;
            core_.logger(RequestLog{request_.method, request_.path,
                                    static_cast<int>(response_.result_int()),
                                    std::chrono::duration<double, std::milli>(elapsed).count()});
        }
        if (ec) {
            close();
            return;
        }
        if (close_after_) {
            linger_ ? linger_close() : close();
            return;
        }
        read_header();
    }

    // After an error answer the client may still be sending the rest of its request; closing
    // at once with unread data would reset the connection and could destroy the answer in
    // flight. So: half-close, read and discard for a while, then close.
    void linger_close() {
        error_code ec;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
        stream_.expires_after(std::chrono::seconds(2));
        drain();
    }

    void drain() {
        if (closed_ || core_.stopping) {
            close();
            return;
        }
        stream_.async_read_some(net::buffer(drain_buffer_),
                                [self = shared_from_this()](error_code ec, std::size_t n) {
                                    self->drained_ += n;
                                    if (ec || self->drained_ > max_drain_bytes) {
                                        self->close();
                                        return;
                                    }
                                    self->drain();
                                });
    }

    beast::tcp_stream stream_;
    ServerCore& core_;
    std::string peer_;
    beast::flat_buffer buffer_;
    std::optional<http::request_parser<http::string_body>> parser_;
    http::response<http::empty_body> continue_;
    http::response<http::string_body> response_;
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
            std::make_shared<Connection>(std::move(socket), core)->start();
            accept();
        });
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

    ServerCore core; // destroyed last: connections unregister from it
    net::io_context ioc;
    std::optional<net::executor_work_guard<net::io_context::executor_type>> work;
    tcp::acceptor acceptor{net::make_strand(ioc)};
    net::steady_timer retry_timer{acceptor.get_executor()};
    std::vector<std::thread> threads;
    std::mutex threads_mutex;
    std::condition_variable threads_done;
    int running = 0;
    bool started = false;
    bool stopped = false;
    std::string address;
    std::uint16_t port = 0;
};

HttpServer::HttpServer(ServerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}

HttpServer::~HttpServer() {
    stop();
}

std::string HttpServer::listen(const std::string& address, std::uint16_t port) {
    const std::string where = address + ":" + std::to_string(port);
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
    std::vector<std::shared_ptr<Connection>> open;
    {
        std::lock_guard lock(impl.core.mutex);
        for (auto& [key, weak] : impl.core.connections) {
            if (auto c = weak.lock()) {
                open.push_back(std::move(c));
            }
        }
    }
    for (auto& c : open) {
        net::post(c->executor(), [c] { c->close(); });
    }
    open.clear();
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
