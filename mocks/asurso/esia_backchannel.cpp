// The Beast side of EsiaBackchannel (esia_backchannel.hpp). Each request is an Exchange, a
// callback chain on the backchannel's single thread (so it needs no strand): resolve ->
// connect -> (TLS handshake) -> write -> read -> done. One steady_timer per exchange bounds the
// whole chain (NS-ESIA-11 `backchannel_timeout_ms`); a timeout or stop() closes the socket, and the
// pending operation completes with the reason. Errors travel as error_code, never thrown.
#include "mocks/asurso/esia_backchannel.hpp"

#include "support/text/strings.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include <optional>
#include <thread>
#include <unordered_map>

namespace logintest::mocks::asurso {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;
using error_code = boost::system::error_code;

namespace {

class Exchange;

constexpr std::size_t max_response_body = 1024 * 1024;

// "http[s]://host[:port][/...]" (an IPv6 host in brackets) -> host, port and TLS.
struct Endpoint {
    std::string host;
    std::string port;
    bool tls = false;
};

std::optional<Endpoint> parse_base_url(std::string_view url) {
    Endpoint e;
    const auto starts = [&](std::string_view scheme) {
        return url.size() > scheme.size() && support::iequals(url.substr(0, scheme.size()), scheme);
    };
    if (starts("https://")) {
        e.tls = true;
        url.remove_prefix(8);
    } else if (starts("http://")) {
        url.remove_prefix(7);
    } else {
        return std::nullopt;
    }
    std::string_view authority = url.substr(0, url.find('/'));
    std::string_view port = e.tls ? "443" : "80";
    if (authority.starts_with('[')) {
        const auto close = authority.find(']');
        if (close == std::string_view::npos) {
            return std::nullopt;
        }
        e.host = std::string(authority.substr(1, close - 1));
        if (close + 1 < authority.size()) {
            if (authority[close + 1] != ':') {
                return std::nullopt;
            }
            port = authority.substr(close + 2);
        }
    } else if (const auto colon = authority.rfind(':'); colon != std::string_view::npos) {
        e.host = std::string(authority.substr(0, colon));
        port = authority.substr(colon + 1);
    } else {
        e.host = std::string(authority);
    }
    e.port = std::string(port);
    if (e.host.empty() || !support::is_digits(e.port)) {
        return std::nullopt;
    }
    return e;
}

// The host name of a Host header value (no port, no brackets): the TLS server name.
std::string host_name_of(std::string_view host) {
    if (host.starts_with('[')) {
        return std::string(host.substr(1, host.find(']') - 1));
    }
    return std::string(host.substr(0, host.rfind(':')));
}

} // namespace

struct EsiaBackchannel::Impl {
    explicit Impl(const std::string& ca_pem) {
        // MOCK-HOST-5: esia's certificate must chain to the mock CA (or the system's roots).
        tls.set_verify_mode(ssl::verify_peer);
        boost::system::error_code ec;
        if (!ca_pem.empty()) {
            tls.add_certificate_authority(net::buffer(ca_pem), ec);
        } else {
            tls.set_default_verify_paths(ec);
        }
    }

    net::io_context ioc{1};
    ssl::context tls{ssl::context::tls_client};
    std::optional<net::executor_work_guard<net::io_context::executor_type>> work{
        ioc.get_executor()};
    std::thread thread;
    std::mutex mutex; // guards `stopped` and the posting of new exchanges
    bool stopped = false;
    // The exchanges in flight; touched only on the backchannel thread.
    std::unordered_map<const Exchange*, std::weak_ptr<Exchange>> active;
};

namespace {

class Exchange : public std::enable_shared_from_this<Exchange> {
public:
    Exchange(EsiaBackchannel::Impl& impl, Endpoint endpoint, BackchannelRequest request,
             std::chrono::milliseconds timeout, EsiaBackchannel::Done done)
        : impl_(impl), endpoint_(std::move(endpoint)), timeout_(timeout), done_(std::move(done)),
          resolver_(impl.ioc), socket_(impl.ioc), timer_(impl.ioc) {
        if (endpoint_.tls) {
            tls_.emplace(socket_, impl.tls);
            server_name_ = host_name_of(request.host);
        }
        const auto verb = http::string_to_verb(request.method);
        req_.method(verb == http::verb::unknown ? http::verb::post : verb);
        req_.target(request.target);
        req_.version(11);
        req_.set(http::field::host, request.host); // MOCK-HOST-4: the Host of <esia>
        req_.set(http::field::connection, "close");
        for (const auto& h : request.headers) {
            req_.insert(h.name, h.value);
        }
        req_.body() = std::move(request.body);
        req_.prepare_payload();
        parser_.body_limit(max_response_body);
    }

    void start() {
        impl_.active.emplace(this, weak_from_this());
        timer_.expires_after(timeout_);
        timer_.async_wait([self = shared_from_this()](error_code ec) {
            if (!ec) {
                self->abort(net::error::timed_out); // NS-ESIA-11: the timeout
            }
        });
        resolver_.async_resolve(
            endpoint_.host, endpoint_.port,
            [self = shared_from_this()](error_code ec, const tcp::resolver::results_type& results) {
                self->on_resolve(ec, results);
            });
    }

    // Ends the exchange with `why` (timeout, stop): the pending operation completes with an
    // error and finish() reports `why`.
    void abort(error_code why) {
        if (finished_) {
            return;
        }
        abort_reason_ = why;
        resolver_.cancel();
        error_code ignored;
        socket_.close(ignored);
    }

private:
    void on_resolve(error_code ec, const tcp::resolver::results_type& results) {
        if (ec || abort_reason_) {
            return finish(ec);
        }
        net::async_connect(socket_, results,
                           [self = shared_from_this()](error_code cec, const tcp::endpoint&) {
                               self->on_connect(cec);
                           });
    }

    void on_connect(error_code ec) {
        if (ec || abort_reason_) {
            return finish(ec);
        }
        if (!tls_) {
            return write();
        }
        // TLS: the server name of <esia> (SNI unless an address) and its verification.
        error_code address_ec;
        net::ip::make_address(server_name_, address_ec);
        if (address_ec && !SSL_set_tlsext_host_name(tls_->native_handle(), server_name_.c_str())) {
            return finish(net::error::make_error_code(net::error::invalid_argument));
        }
        tls_->set_verify_callback(ssl::host_name_verification(server_name_));
        tls_->async_handshake(ssl::stream_base::client,
                              [self = shared_from_this()](error_code hec) {
                                  if (hec || self->abort_reason_) {
                                      return self->finish(hec);
                                  }
                                  self->write();
                              });
    }

    void write() {
        auto done = [self = shared_from_this()](error_code wec, std::size_t) {
            self->on_write(wec);
        };
        if (tls_) {
            http::async_write(*tls_, req_, std::move(done));
        } else {
            http::async_write(socket_, req_, std::move(done));
        }
    }

    void on_write(error_code ec) {
        if (ec || abort_reason_) {
            return finish(ec);
        }
        auto done = [self = shared_from_this()](error_code rec, std::size_t) { self->finish(rec); };
        if (tls_) {
            http::async_read(*tls_, buffer_, parser_, std::move(done));
        } else {
            http::async_read(socket_, buffer_, parser_, std::move(done));
        }
    }

    void finish(error_code ec) {
        if (finished_) {
            return;
        }
        finished_ = true;
        timer_.cancel();
        impl_.active.erase(this);
        BackchannelResponse out;
        if (abort_reason_) {
            out.error = abort_reason_;
        } else if (ec) {
            out.error = ec;
        } else {
            auto& msg = parser_.get();
            out.status = static_cast<int>(msg.result_int());
            for (const auto& field : msg) {
                out.headers.push_back(
                    {std::string(field.name_string()), std::string(field.value())});
            }
            out.body = std::move(msg.body());
        }
        error_code ignored;
        socket_.shutdown(tcp::socket::shutdown_both, ignored);
        socket_.close(ignored);
        auto done = std::move(done_);
        try {
            done(std::move(out));
        } catch (...) {
            // A failing completion must not unwind into the io_context; whatever it held
            // (a Responder) answers on destruction.
        }
    }

    EsiaBackchannel::Impl& impl_;
    Endpoint endpoint_;
    std::chrono::milliseconds timeout_;
    EsiaBackchannel::Done done_;
    tcp::resolver resolver_;
    tcp::socket socket_;
    std::optional<ssl::stream<tcp::socket&>> tls_; // https only
    std::string server_name_;
    net::steady_timer timer_;
    http::request<http::string_body> req_;
    beast::flat_buffer buffer_;
    http::response_parser<http::string_body> parser_;
    error_code abort_reason_;
    bool finished_ = false;
};

} // namespace

std::optional<std::string_view> BackchannelResponse::header(std::string_view name) const {
    for (const auto& h : headers) {
        if (support::iequals(h.name, name)) {
            return std::string_view(h.value);
        }
    }
    return std::nullopt;
}

EsiaBackchannel::EsiaBackchannel(const std::string& tls_ca_pem)
    : impl_(std::make_unique<Impl>(tls_ca_pem)) {
    impl_->thread = std::thread([impl = impl_.get()] { impl->ioc.run(); });
}

EsiaBackchannel::~EsiaBackchannel() {
    // A destructor must not throw: stop() can fail only with a std::system_error from the
    // mutex or the join, and then there is nothing left to clean up.
    try {
        stop();
    } catch (...) {
    }
}

void EsiaBackchannel::send(const std::string& base_url, BackchannelRequest request,
                           std::chrono::milliseconds timeout, Done done) {
    auto endpoint = parse_base_url(base_url);
    if (!endpoint) {
        done(BackchannelResponse{net::error::make_error_code(net::error::operation_not_supported)});
        return;
    }
    std::unique_lock lock(impl_->mutex);
    if (impl_->stopped) {
        lock.unlock();
        done(BackchannelResponse{net::error::make_error_code(net::error::operation_aborted)});
        return;
    }
    auto exchange = std::make_shared<Exchange>(*impl_, std::move(*endpoint), std::move(request),
                                               timeout, std::move(done));
    // Posted under the lock: stop()'s abort, posted later, runs after this start.
    net::post(impl_->ioc, [exchange = std::move(exchange)] { exchange->start(); });
}

void EsiaBackchannel::stop() {
    {
        std::lock_guard lock(impl_->mutex);
        if (impl_->stopped) {
            return;
        }
        impl_->stopped = true;
    }
    net::post(impl_->ioc, [impl = impl_.get()] {
        // Copy first: an aborted exchange leaves `active` when it finishes.
        std::vector<std::shared_ptr<Exchange>> open;
        for (auto& [key, weak] : impl->active) {
            if (auto e = weak.lock()) {
                open.push_back(std::move(e));
            }
        }
        for (auto& e : open) {
            e->abort(net::error::operation_aborted);
        }
    });
    impl_->work.reset();
    if (impl_->thread.joinable()) {
        impl_->thread.join();
    }
}

} // namespace logintest::mocks::asurso
