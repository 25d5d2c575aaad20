// HttpServer over real sockets on 127.0.0.1:0 (mocks/common/server): limits, malformed input,
// routing statuses, keep-alive, async responders and a prompt stop. The client side is raw
// Asio/Beast in the test, not the harness.
#include "mocks/common/responses.hpp"
#include "mocks/common/router.hpp"
#include "mocks/common/server.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>

#include <gtest/gtest.h>

#include <poll.h>

#include <chrono>
#include <future>
#include <mutex>
#include <random>
#include <thread>

namespace logintest::mocks::common {
namespace {

namespace net = boost::asio;
namespace http = boost::beast::http;
using tcp = net::ip::tcp;

// A blocking test client on one connection.
class RawClient {
public:
    explicit RawClient(std::uint16_t port) : socket_(ioc_) {
        socket_.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
    }

    void send(const std::string& bytes) { net::write(socket_, net::buffer(bytes)); }
    tcp::socket& socket() { return socket_; }

    // Reads one response; status 0 if the connection closed first.
    http::response<http::string_body> read() {
        http::response<http::string_body> res;
        boost::system::error_code ec;
        http::read(socket_, buffer_, res, ec);
        if (ec) {
            res = {};
            res.result(0u);
        }
        return res;
    }

    // True if the server closes the connection within three seconds (and sends nothing more).
    bool closed_by_server() {
        pollfd pfd{socket_.native_handle(), POLLIN, 0};
        if (::poll(&pfd, 1, 3000) <= 0) {
            return false;
        }
        char c;
        boost::system::error_code ec;
        socket_.read_some(net::buffer(&c, 1), ec);
        return ec == net::error::eof || ec == net::error::connection_reset;
    }

private:
    net::io_context ioc_;
    tcp::socket socket_;
    boost::beast::flat_buffer buffer_;
};

class Server : public ::testing::Test {
protected:
    void SetUp() override {
        router_.add("GET", "/ok", sync([](const Request& req) {
                        return json_text(200, "\"" + req.peer_address + "\"");
                    }));
        router_.add("POST", "/echo", sync([](const Request& req) {
                        return json_text(200, "\"" + std::to_string(req.body.size()) + "\"");
                    }));
        router_.add("GET", "/throw",
                    sync([](const Request&) -> Response { throw std::runtime_error("boom"); }));
        router_.add("GET", "/later", [this](const Request&, Responder respond) {
            std::lock_guard lock(mutex_);
            pending_ = std::move(respond); // answered from another thread by the test
        });
    }

    void start(ServerOptions options = {}) {
        server_ = std::make_unique<HttpServer>(options);
        ASSERT_EQ(server_->listen("127.0.0.1", 0), "");
        ASSERT_NE(server_->port(), 0);
        server_->start(
            [this](Request& req, Responder respond) { router_.dispatch(req, std::move(respond)); });
    }

    std::uint16_t port() const { return server_->port(); }

    Router router_;
    std::unique_ptr<HttpServer> server_;
    std::mutex mutex_;
    Responder pending_;
};

const std::string get_ok = "GET /ok HTTP/1.1\r\nHost: asurso.ru\r\n\r\n";

TEST_F(Server, ServesARequestWithThePeerAddress) {
    start();
    RawClient c(port());
    c.send(get_ok);
    const auto res = c.read();
    EXPECT_EQ(res.result_int(), 200u);
    EXPECT_EQ(res.body(), "\"127.0.0.1\"");
    EXPECT_EQ(res[http::field::content_type], "application/json; charset=utf-8");
    EXPECT_FALSE(res[http::field::date].empty());
}

TEST_F(Server, OversizedHeaderGets431AndTheServerKeepsServing) {
    ServerOptions options;
    options.max_header_bytes = 1024;
    start(options);
    {
        RawClient c(port());
        c.send("GET /ok HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(8000, 'a') + "\r\n\r\n");
        EXPECT_EQ(c.read().result_int(), 431u);
        EXPECT_TRUE(c.closed_by_server());
    }
    RawClient next(port());
    next.send(get_ok);
    EXPECT_EQ(next.read().result_int(), 200u);
}

TEST_F(Server, OversizedBodyGets413) {
    ServerOptions options;
    options.max_body_bytes = 1024;
    start(options);
    RawClient c(port());
    c.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n" +
           std::string(5000, 'b'));
    EXPECT_EQ(c.read().result_int(), 413u);
    RawClient small(port());
    small.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n0123456789");
    const auto res = small.read();
    EXPECT_EQ(res.result_int(), 200u);
    EXPECT_EQ(res.body(), "\"10\"");
}

TEST_F(Server, GarbageRequestLineGets400ThenClose) {
    start();
    RawClient c(port());
    c.send("GARBAGE\r\n\r\n");
    EXPECT_EQ(c.read().result_int(), 400u);
    EXPECT_TRUE(c.closed_by_server());
}

TEST_F(Server, BinaryNoiseGets400) {
    start();
    RawClient c(port());
    c.send(std::string("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n", 15));
    EXPECT_EQ(c.read().result_int(), 400u);
}

TEST_F(Server, UnknownPathIs404AndWrongMethodIs405WithAllow) {
    start();
    RawClient c(port());
    c.send("GET /nope HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(c.read().result_int(), 404u);
    c.send("DELETE /echo HTTP/1.1\r\nHost: x\r\n\r\n");
    const auto res = c.read();
    EXPECT_EQ(res.result_int(), 405u);
    EXPECT_EQ(res[http::field::allow], "POST");
}

TEST_F(Server, KeepAliveServesTwoRequestsOnOneConnection) {
    start();
    RawClient c(port());
    c.send(get_ok);
    EXPECT_EQ(c.read().result_int(), 200u);
    c.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc");
    const auto res = c.read();
    EXPECT_EQ(res.result_int(), 200u);
    EXPECT_EQ(res.body(), "\"3\"");
}

TEST_F(Server, ConnectionCloseIsHonoured) {
    start();
    RawClient c(port());
    c.send("GET /ok HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    EXPECT_EQ(c.read().result_int(), 200u);
    EXPECT_TRUE(c.closed_by_server());
}

TEST_F(Server, ExpectContinueGetsAnInterimAnswer) {
    start();
    RawClient c(port());
    c.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n");
    EXPECT_EQ(c.read().result_int(), 100u);
    c.send("abcd");
    const auto res = c.read();
    EXPECT_EQ(res.result_int(), 200u);
    EXPECT_EQ(res.body(), "\"4\"");
}

TEST_F(Server, ThrowingHandlerAnswers500AndTheConnectionLives) {
    start();
    RawClient c(port());
    c.send("GET /throw HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(c.read().result_int(), 500u);
    c.send(get_ok);
    EXPECT_EQ(c.read().result_int(), 200u);
}

TEST_F(Server, AsyncResponderAnswersFromAnotherThread) {
    start();
    RawClient c(port());
    c.send("GET /later HTTP/1.1\r\nHost: x\r\n\r\n");
    std::thread responder([this] {
        for (int i = 0; i < 500; ++i) {
            {
                std::lock_guard lock(mutex_);
                if (pending_) {
                    pending_(json_text(200, "\"late\""));
                    return;
                }
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
    });
    const auto res = c.read();
    responder.join();
    EXPECT_EQ(res.result_int(), 200u);
    EXPECT_EQ(res.body(), "\"late\"");
}

TEST_F(Server, StopWithAnOpenConnectionReturnsPromptly) {
    start();
    RawClient idle(port());
    RawClient used(port());
    used.send(get_ok);
    EXPECT_EQ(used.read().result_int(), 200u);
    RawClient waiting(port());
    waiting.send("GET /later HTTP/1.1\r\nHost: x\r\n\r\n"); // a handler holds its Responder
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    const auto t0 = std::chrono::steady_clock::now();
    server_->stop();
    const auto elapsed = std::chrono::steady_clock::now() - t0;
    EXPECT_LT(elapsed, std::chrono::milliseconds(1500));
    EXPECT_TRUE(idle.closed_by_server());
    EXPECT_TRUE(used.closed_by_server());
    EXPECT_TRUE(waiting.closed_by_server());
    {
        std::lock_guard lock(mutex_);
        pending_(json_text(200, "\"too late\"")); // harmless after stop
    }
    server_->stop(); // idempotent
}

TEST_F(Server, LoggerGetsMethodPathWithoutQueryStatusAndTime) {
    std::mutex m;
    std::vector<std::string> lines;
    server_ = std::make_unique<HttpServer>();
    ASSERT_EQ(server_->listen("127.0.0.1", 0), "");
    server_->start(
        [this](Request& req, Responder respond) { router_.dispatch(req, std::move(respond)); },
        [&](const RequestLog& log) {
            std::lock_guard lock(m);
            lines.push_back(std::string(log.method) + " " + std::string(log.path) + " " +
                            std::to_string(log.status));
            EXPECT_GE(log.elapsed_ms, 0.0);
        });
    RawClient c(port());
    c.send("GET /ok?token=s3cret HTTP/1.1\r\nHost: x\r\nCookie: ESRNSec=s3cret\r\n\r\n");
    EXPECT_EQ(c.read().result_int(), 200u);
    server_->stop();
    std::lock_guard lock(m);
    EXPECT_EQ(lines, std::vector<std::string>{"GET /ok 200"});
}

TEST_F(Server, RandomBytesNeverBreakTheServer) {
    ServerOptions options;
    options.max_header_bytes = 2048;
    options.max_body_bytes = 2048;
    options.idle_timeout = std::chrono::milliseconds(300);
    start(options);
    std::mt19937 rng(20251128);
    const std::vector<std::string> prefixes = {"", "GET / HTTP/1.1\r\n", "POST /echo HTTP/1.1\r\n",
                                               "GET /ok HTTP/1.1\r\nHost: x\r\nContent-Length: "};
    for (int i = 0; i < 100; ++i) {
        RawClient c(port());
        std::string noise = prefixes[i % prefixes.size()];
        const auto n = std::uniform_int_distribution<int>(0, 5000)(rng);
        for (int k = 0; k < n; ++k) {
            noise.push_back(static_cast<char>(std::uniform_int_distribution<int>(0, 255)(rng)));
        }
        if (i % 3 == 0) {
            noise += "\r\n\r\n";
        }
        boost::system::error_code ec;
        net::write(c.socket(), net::buffer(noise), ec); // the server may close early
    }
    RawClient after(port());
    after.send(get_ok);
    EXPECT_EQ(after.read().result_int(), 200u);
}

TEST_F(Server, ListenReportsABusyPort) {
    start();
    HttpServer other;
    const auto error = other.listen("127.0.0.1", port());
    EXPECT_NE(error.find("cannot bind 127.0.0.1:" + std::to_string(port())), std::string::npos)
        << error;
}

TEST_F(Server, SeveralThreadsServeConcurrentClients) {
    ServerOptions options;
    options.threads = 3;
    start(options);
    std::vector<std::future<int>> results;
    for (int i = 0; i < 8; ++i) {
        results.push_back(std::async(std::launch::async, [this] {
            RawClient c(port());
            int ok = 0;
            for (int k = 0; k < 20; ++k) {
                c.send(get_ok);
                ok += c.read().result_int() == 200 ? 1 : 0;
            }
            return ok;
        }));
    }
    for (auto& r : results) {
        EXPECT_EQ(r.get(), 20);
    }
}

// Issue 10, finding 2: the one place where responses get their headers refuses CR, LF, NUL
// (and a name that is no token) from any handler: 500 and a log line, nothing injected.
TEST_F(Server, AResponseWithAnUnsafeHeaderIsNeverSent) {
    std::vector<std::string> lines;
    std::mutex lines_mutex;
    ServerOptions options;
    options.warn = [&](std::string_view line) {
        std::lock_guard lock(lines_mutex);
        lines.emplace_back(line);
    };
    router_.add("GET", "/split", sync([](const Request& req) {
                    Response r = redirect("http://asurso.ru/" + std::string(req.query));
                    if (req.query == "crlf") {
                        r.headers.back().value += "\r\nSet-Cookie: injected=1";
                    } else if (req.query == "nul") {
                        r.headers.back().value += std::string(1, '\0');
                    } else if (req.query == "name") {
                        r.add_header("X-Bad\r\nName", "v");
                    }
                    return r;
                }));
    start(options);
    for (const std::string query : {"crlf", "nul", "name"}) {
        SCOPED_TRACE(query);
        RawClient c(port());
        c.send("GET /split?" + query + " HTTP/1.1\r\nHost: x\r\n\r\n");
        const auto res = c.read();
        EXPECT_EQ(res.result_int(), 500u);
        EXPECT_EQ(res.count("Set-Cookie"), 0u);
        EXPECT_EQ(res.count(http::field::location), 0u);
    }
    RawClient ok(port());
    ok.send("GET /split?fine HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(ok.read().result_int(), 302u);
    std::lock_guard lock(lines_mutex);
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_NE(lines[0].find("GET /split: header \"Location\""), std::string::npos) << lines[0];
    EXPECT_EQ(lines[0].find("injected"), std::string::npos);
    server_->stop(); // before the callbacks' captures go
}

TEST(UnsafeHeader, FindsControlCharactersAndBadNames) {
    Response r;
    r.add_header("Location", "http://a/\tb");
    EXPECT_EQ(unsafe_header(r), nullptr);
    for (const std::string& bad :
         std::vector<std::string>{"a\rb", "a\nb", std::string("a\0b", 3), "a\x7f", "a\x01"}) {
        Response v;
        v.add_header("Location", bad);
        EXPECT_NE(unsafe_header(v), nullptr);
    }
    for (const std::string bad : {"", "A B", "A:B", "A\r\nB"}) {
        Response n;
        n.add_header(bad, "v");
        EXPECT_NE(unsafe_header(n), nullptr);
    }
}

// Issue 10, finding 7, RFC 9112 §6.3: a transfer coding the server does not implement (all but
// a single final `chunked`) is 400 and close; the handler never sees the request.
TEST_F(Server, TransferEncodingOtherThanChunkedGets400) {
    start();
    for (const std::string te :
         {"gzip", "chunked, gzip", "gzip, chunked", "chunked, chunked", "identity", "x"}) {
        SCOPED_TRACE(te);
        RawClient c(port());
        c.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: " + te +
               "\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
        EXPECT_EQ(c.read().result_int(), 400u);
        EXPECT_TRUE(c.closed_by_server());
    }
    RawClient chunked(port());
    chunked.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: Chunked\r\n\r\n"
                 "5\r\nhello\r\n0\r\n\r\n");
    const auto res = chunked.read();
    EXPECT_EQ(res.result_int(), 200u);
    EXPECT_EQ(res.body(), "\"5\"");
}

// Issue 10, finding 7, RFC 9112 §3.2.2: a server MUST accept the absolute form; it is served as
// the origin-form path, and its authority is the Host.
TEST_F(Server, AbsoluteFormTargetIsServedAsItsPath) {
    router_.add("GET", "/host", sync([](const Request& req) {
                    return json_text(200, "\"" + std::string(req.header("host").value_or("")) +
                                              " " + req.query + "\"");
                }));
    start();
    RawClient c(port());
    c.send("GET http://127.0.0.1:" + std::to_string(port()) + "/ok HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(c.read().result_int(), 200u);
    c.send("GET http://Asurso.ru:8080/host?a=1 HTTP/1.1\r\nHost: evil.test\r\n\r\n");
    const auto res = c.read();
    EXPECT_EQ(res.result_int(), 200u);
    EXPECT_EQ(res.body(), "\"Asurso.ru:8080 a=1\"");
}

// Issue 10, finding 7: limits.max_connections; one connection too many is closed at once,
// counted and logged, and the server goes on serving the others.
TEST_F(Server, ConnectionsBeyondTheCapAreClosedAndCounted) {
    std::atomic<int> refused{0};
    std::vector<std::string> lines;
    std::mutex lines_mutex;
    ServerOptions options;
    options.max_connections = 2;
    options.connection_refused = [&] { ++refused; };
    options.warn = [&](std::string_view line) {
        std::lock_guard lock(lines_mutex);
        lines.emplace_back(line);
    };
    start(options);
    RawClient a(port());
    RawClient b(port());
    a.send(get_ok);
    EXPECT_EQ(a.read().result_int(), 200u);
    b.send(get_ok);
    EXPECT_EQ(b.read().result_int(), 200u);
    RawClient c(port());
    EXPECT_TRUE(c.closed_by_server());
    EXPECT_EQ(refused.load(), 1);
    {
        std::lock_guard lock(lines_mutex);
        ASSERT_EQ(lines.size(), 1u);
        EXPECT_NE(lines[0].find("limits.max_connections"), std::string::npos) << lines[0];
    }
    a.send(get_ok); // the open ones keep being served
    EXPECT_EQ(a.read().result_int(), 200u);
    server_->stop(); // before the callbacks' captures go
}

// Issue 10, finding 7: limits.idle_timeout_s closes an idle keep-alive connection.
TEST_F(Server, IdleConnectionsAreClosedAfterTheIdleLimit) {
    ServerOptions options;
    options.idle_timeout = std::chrono::milliseconds(200);
    start(options);
    RawClient c(port());
    c.send(get_ok);
    EXPECT_EQ(c.read().result_int(), 200u);
    EXPECT_TRUE(c.closed_by_server()); // within three seconds
}

} // namespace
} // namespace logintest::mocks::common
