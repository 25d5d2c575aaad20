// Tests of the HTTP client against a tiny in-test server written with plain Asio (not the
// project's mock): keep-alive, redirects with cookies, method rewriting, --resolve, and the
// mapping of network failures to outcomes. The server runs its own io_context on a thread;
// the client runs on the test's io_context. Only the timeout test waits, for 200 ms.
#include "harness/http/client.hpp"

#include "tests/support/memory_transport.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <functional>
#include <mutex>
#include <thread>

namespace logintest::harness::http {
namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using model::Outcome;
using namespace std::chrono_literals;
using ::testing::HasSubstr;

constexpr auto use_nothrow = asio::as_tuple(asio::use_awaitable);

// One request as the server saw it.
struct Seen {
    std::string method;
    std::string target;
    std::vector<Header> headers;
    std::string body;
    int connection = 0;

    std::string header(std::string_view name) const {
        for (const auto& h : headers) {
            if (h.name == name) {
                return h.value;
            }
        }
        return "<none>";
    }
    bool has(std::string_view name) const { return header(name) != "<none>"; }
};

// What the server does with a request: send bytes, then keep the connection, close it, or
// (for timeouts) say nothing at all.
struct Reply {
    enum class After { keep, close, hang };
    std::string bytes;
    After after = After::keep;
};

Reply ok(std::string body, std::string extra_headers = "") {
    return {"HTTP/1.1 200 OK\r\nContent-Length: " + std::to_string(body.size()) + "\r\n" +
            extra_headers + "\r\n" + body};
}

Reply redirect(int status, std::string location, std::string extra_headers = "") {
    return {"HTTP/1.1 " + std::to_string(status) + " Moved\r\nLocation: " + location +
            "\r\nContent-Length: 0\r\n" + extra_headers + "\r\n"};
}

// A self-signed certificate (EC P-256) for the given subjectAltName, made with OpenSSL at
// test time; the certificate is its own trust anchor.
struct TestCertificate {
    std::string cert_pem;
    std::string key_pem;
    std::string file; // cert_pem written to disk, for ClientOptions::ca_file

    explicit TestCertificate(const char* san) {
        EVP_PKEY* key = EVP_EC_gen("P-256");
        X509* cert = X509_new();
        X509_set_version(cert, 2);
        ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
        X509_gmtime_adj(X509_getm_notBefore(cert), -3600);
        X509_gmtime_adj(X509_getm_notAfter(cert), 3600);
        X509_NAME* name = X509_get_subject_name(cert);
        X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                                   reinterpret_cast<const unsigned char*>("logintest test"), -1, -1,
                                   0);
        X509_set_issuer_name(cert, name);
        X509_set_pubkey(cert, key);
        X509V3_CTX ctx;
        X509V3_set_ctx_nodb(&ctx);
        X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
        X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, NID_subject_alt_name, san);
        X509_add_ext(cert, ext, -1);
        X509_EXTENSION_free(ext);
        X509_sign(cert, key, EVP_sha256());
        cert_pem = to_pem([&](BIO* bio) { PEM_write_bio_X509(bio, cert); });
        key_pem = to_pem([&](BIO* bio) {
            PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
        });
        X509_free(cert);
        EVP_PKEY_free(key);
        file = ::testing::TempDir() + "logintest_http_" + std::to_string(::getpid()) + ".pem";
        std::ofstream(file) << cert_pem;
    }
    ~TestCertificate() { std::remove(file.c_str()); }

    template <class Write> static std::string to_pem(Write write) {
        BIO* bio = BIO_new(BIO_s_mem());
        write(bio);
        char* data = nullptr;
        long size = BIO_get_mem_data(bio, &data);
        std::string pem(data, static_cast<std::size_t>(size));
        BIO_free(bio);
        return pem;
    }
};

class TestServer {
public:
    using Handler = std::function<Reply(const Seen&)>;

    explicit TestServer(Handler handler, std::string greeting = "",
                        const TestCertificate* certificate = nullptr)
        : handler_(std::move(handler)), greeting_(std::move(greeting)),
          acceptor_(io_, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0)) {
        if (certificate) {
            tls_.emplace(asio::ssl::context::tls_server);
            tls_->use_certificate(asio::buffer(certificate->cert_pem), asio::ssl::context::pem);
            tls_->use_private_key(asio::buffer(certificate->key_pem), asio::ssl::context::pem);
        }
        asio::co_spawn(io_, accept_loop(), asio::detached);
        thread_ = std::thread([this] { io_.run(); });
    }

    ~TestServer() {
        io_.stop();
        thread_.join();
    }

    std::uint16_t port() const { return acceptor_.local_endpoint().port(); }
    std::string base() const { return "http://127.0.0.1:" + std::to_string(port()); }

    int connections() const {
        std::lock_guard lock(mutex_);
        return connections_;
    }
    std::vector<Seen> requests() const {
        std::lock_guard lock(mutex_);
        return seen_;
    }
    // The TLS server names (SNI) the clients sent, one per connection.
    std::vector<std::string> server_names() const {
        std::lock_guard lock(mutex_);
        return server_names_;
    }

private:
    asio::awaitable<void> accept_loop() {
        for (;;) {
            auto [ec, socket] = co_await acceptor_.async_accept(use_nothrow);
            if (ec) {
                co_return;
            }
            int id = 0;
            {
                std::lock_guard lock(mutex_);
                id = ++connections_;
            }
            asio::co_spawn(io_, serve(std::move(socket), id), asio::detached);
        }
    }

    asio::awaitable<void> serve(tcp::socket socket, int id) {
        if (!greeting_.empty()) {
            co_await asio::async_write(socket, asio::buffer(greeting_), use_nothrow);
            socket.close();
            co_return;
        }
        if (!tls_) {
            co_await serve_requests(socket, id);
            co_return;
        }
        asio::ssl::stream<tcp::socket> stream(std::move(socket), *tls_);
        auto [ec] = co_await stream.async_handshake(asio::ssl::stream_base::server, use_nothrow);
        if (ec) {
            co_return;
        }
        const char* sni = SSL_get_servername(stream.native_handle(), TLSEXT_NAMETYPE_host_name);
        {
            std::lock_guard lock(mutex_);
            server_names_.push_back(sni ? sni : "");
        }
        co_await serve_requests(stream, id);
    }

    template <class Stream> asio::awaitable<void> serve_requests(Stream& socket, int id) {
        std::string buffer;
        for (;;) {
            auto [ec, head_size] = co_await asio::async_read_until(
                socket, asio::dynamic_buffer(buffer), "\r\n\r\n", use_nothrow);
            if (ec) {
                co_return;
            }
            Seen seen = parse_head(buffer.substr(0, head_size), id);
            std::size_t body_size = 0;
            if (seen.has("Content-Length")) {
                body_size = std::stoul(seen.header("Content-Length"));
            }
            if (buffer.size() < head_size + body_size) {
                std::size_t missing = head_size + body_size - buffer.size();
                auto [read_error, n] =
                    co_await asio::async_read(socket, asio::dynamic_buffer(buffer),
                                              asio::transfer_exactly(missing), use_nothrow);
                if (read_error) {
                    co_return;
                }
            }
            seen.body = buffer.substr(head_size, body_size);
            buffer.erase(0, head_size + body_size);
            Reply reply = handler_(seen);
            {
                std::lock_guard lock(mutex_);
                seen_.push_back(std::move(seen));
            }
            if (reply.after == Reply::After::hang) {
                // Wait for the client to give up and close.
                co_await asio::async_read(socket, asio::dynamic_buffer(buffer), use_nothrow);
                co_return;
            }
            co_await asio::async_write(socket, asio::buffer(reply.bytes), use_nothrow);
            if (reply.after == Reply::After::close) {
                boost::system::error_code ignored;
                auto& lowest = socket.lowest_layer();
                lowest.shutdown(tcp::socket::shutdown_both, ignored);
                lowest.close();
                co_return;
            }
        }
    }

    static Seen parse_head(const std::string& head, int id) {
        Seen seen;
        seen.connection = id;
        std::size_t line_end = head.find("\r\n");
        std::string request_line = head.substr(0, line_end);
        std::size_t space1 = request_line.find(' ');
        std::size_t space2 = request_line.find(' ', space1 + 1);
        seen.method = request_line.substr(0, space1);
        seen.target = request_line.substr(space1 + 1, space2 - space1 - 1);
        std::size_t pos = line_end + 2;
        while (pos < head.size()) {
            std::size_t end = head.find("\r\n", pos);
            std::string line = head.substr(pos, end - pos);
            pos = end + 2;
            std::size_t colon = line.find(':');
            if (line.empty() || colon == std::string::npos) {
                continue;
            }
            std::string value = line.substr(colon + 1);
            value.erase(0, value.find_first_not_of(' '));
            seen.headers.push_back({line.substr(0, colon), value});
        }
        return seen;
    }

    Handler handler_;
    std::string greeting_;
    asio::io_context io_;
    std::optional<asio::ssl::context> tls_;
    tcp::acceptor acceptor_;
    std::thread thread_;
    mutable std::mutex mutex_;
    int connections_ = 0;
    std::vector<Seen> seen_;
    std::vector<std::string> server_names_;
};

// The client side of a test: a context, a session and an io_context to run fetches on.
class Client {
public:
    explicit Client(ClientOptions options = {})
        : context_(std::move(options)), session_(io_.get_executor(), context_) {}

    FetchResult fetch(Request request, bool follow_redirects = true) {
        std::optional<FetchResult> result;
        asio::co_spawn(io_, session_.fetch(std::move(request), follow_redirects),
                       [&](std::exception_ptr error, FetchResult r) {
                           if (error) {
                               std::rethrow_exception(error);
                           }
                           result = std::move(r);
                       });
        io_.restart();
        io_.run();
        return std::move(result).value();
    }

    FetchResult get(std::string url, bool follow_redirects = true) {
        Request request;
        request.url = std::move(url);
        return fetch(std::move(request), follow_redirects);
    }

    Session& session() { return session_; }

private:
    asio::io_context io_;
    ClientContext context_;
    Session session_;
};

ClientOptions fast_options() {
    ClientOptions options;
    options.connect_timeout = 1000ms;
    options.request_timeout = 1000ms;
    return options;
}

TEST(HttpClient, GetsBodyAndStatus) {
    TestServer server([](const Seen&) { return ok("hello", "Content-Type: text/plain\r\n"); });
    Client client(fast_options());
    auto result = client.get(server.base() + "/a/b?x=1");
    ASSERT_TRUE(result.ok()) << result.error;
    ASSERT_EQ(result.exchanges.size(), 1u);
    EXPECT_EQ(result.final_response().status, 200);
    EXPECT_EQ(result.final_response().body, "hello");
    EXPECT_EQ(result.final_response().header("content-type"), "text/plain");
    EXPECT_EQ(result.final_url, server.base() + "/a/b?x=1");
    EXPECT_GT(result.elapsed_ms, 0);
    auto seen = server.requests();
    ASSERT_EQ(seen.size(), 1u);
    EXPECT_EQ(seen[0].method, "GET");
    EXPECT_EQ(seen[0].target, "/a/b?x=1");
    EXPECT_EQ(seen[0].header("Host"), "127.0.0.1:" + std::to_string(server.port()));
    EXPECT_EQ(seen[0].header("User-Agent"), "logintest/0.1");
    EXPECT_EQ(seen[0].header("Connection"), "keep-alive");
    EXPECT_FALSE(seen[0].has("Content-Length"));
    EXPECT_FALSE(seen[0].has("Cookie"));
}

TEST(HttpClient, KeepsCallerHeadersAndSendsBody) {
    TestServer server([](const Seen&) { return ok("{}"); });
    Client client(fast_options());
    Request request;
    request.method = "POST";
    request.url = server.base() + "/webapi/login";
    request.headers = {{"Content-Type", "application/x-www-form-urlencoded"},
                       {"User-Agent", "custom"}};
    request.body = "LOGINTYPE=1&UN=x";
    auto result = client.fetch(request);
    ASSERT_TRUE(result.ok()) << result.error;
    auto seen = server.requests();
    ASSERT_EQ(seen.size(), 1u);
    EXPECT_EQ(seen[0].method, "POST");
    EXPECT_EQ(seen[0].body, "LOGINTYPE=1&UN=x");
    EXPECT_EQ(seen[0].header("Content-Length"), "16");
    EXPECT_EQ(seen[0].header("Content-Type"), "application/x-www-form-urlencoded");
    EXPECT_EQ(seen[0].header("User-Agent"), "custom");
    // The exchange records the request as sent.
    const Request& sent = result.exchanges[0].request;
    EXPECT_EQ(sent.body, "LOGINTYPE=1&UN=x");
    EXPECT_EQ(sent.headers.size(), seen[0].headers.size());
}

TEST(HttpClient, ReusesKeepAliveConnection) {
    TestServer server([](const Seen&) { return ok("x"); });
    Client client(fast_options());
    ASSERT_TRUE(client.get(server.base() + "/1").ok());
    ASSERT_TRUE(client.get(server.base() + "/2").ok());
    EXPECT_EQ(server.connections(), 1);
    EXPECT_EQ(server.requests().size(), 2u);
}

TEST(HttpClient, OpensNewConnectionAfterConnectionClose) {
    TestServer server([](const Seen&) {
        Reply reply = ok("x", "Connection: close\r\n");
        reply.after = Reply::After::close;
        return reply;
    });
    Client client(fast_options());
    ASSERT_TRUE(client.get(server.base() + "/1").ok());
    ASSERT_TRUE(client.get(server.base() + "/2").ok());
    EXPECT_EQ(server.connections(), 2);
}

TEST(HttpClient, OpensNewConnectionAfterARequestThatAsksToClose) {
    TestServer server([](const Seen&) { return ok("x"); });
    Client client(fast_options());
    Request request;
    request.url = server.base() + "/1";
    // `close` as one token of the list, in any case, ends the connection after the answer.
    request.headers.push_back({"Connection", "TE, Close"});
    ASSERT_TRUE(client.fetch(std::move(request)).ok());
    ASSERT_TRUE(client.get(server.base() + "/2").ok());
    EXPECT_EQ(server.connections(), 2);
}

TEST(HttpClient, KeepsTheConnectionWhenCloseIsOnlyPartOfAToken) {
    TestServer server([](const Seen&) { return ok("x"); });
    Client client(fast_options());
    Request request;
    request.url = server.base() + "/1";
    request.headers.push_back({"Connection", "keep-alive, x-closed"});
    ASSERT_TRUE(client.fetch(std::move(request)).ok());
    ASSERT_TRUE(client.get(server.base() + "/2").ok());
    EXPECT_EQ(server.connections(), 1);
}

TEST(HttpClient, RetriesOnceWhenKeptConnectionWasClosed) {
    // The server closes after answering without saying so: the kept connection is stale.
    TestServer server([](const Seen&) {
        Reply reply = ok("x");
        reply.after = Reply::After::close;
        return reply;
    });
    Client client(fast_options());
    ASSERT_TRUE(client.get(server.base() + "/1").ok());
    auto second = client.get(server.base() + "/2");
    ASSERT_TRUE(second.ok()) << second.error;
    EXPECT_EQ(second.exchanges.size(), 1u);
    EXPECT_EQ(server.connections(), 2);
    EXPECT_EQ(server.requests().size(), 2u);
}

TEST(HttpClient, CloseConnectionsForcesNewConnection) {
    TestServer server([](const Seen&) { return ok("x"); });
    Client client(fast_options());
    ASSERT_TRUE(client.get(server.base() + "/1").ok());
    client.session().close_connections();
    ASSERT_TRUE(client.get(server.base() + "/2").ok());
    EXPECT_EQ(server.connections(), 2);
}

TEST(HttpClient, FollowsRedirectChainRecordingEveryHop) {
    TestServer server([](const Seen& seen) {
        if (seen.target == "/start") {
            return redirect(302, "/webapi/next?step=2", "Set-Cookie: NSSESSIONID=abc; Path=/\r\n");
        }
        if (seen.target == "/webapi/next?step=2") {
            return redirect(301, "../app/login");
        }
        return ok("done");
    });
    Client client(fast_options());
    auto result = client.get(server.base() + "/start");
    ASSERT_TRUE(result.ok()) << result.error;
    ASSERT_EQ(result.exchanges.size(), 3u);
    EXPECT_EQ(result.exchanges[0].response.status, 302);
    EXPECT_EQ(result.exchanges[0].response.header("Location"), "/webapi/next?step=2");
    EXPECT_EQ(result.exchanges[1].request.url, server.base() + "/webapi/next?step=2");
    EXPECT_EQ(result.exchanges[1].response.status, 301);
    EXPECT_EQ(result.exchanges[1].response.header("Location"), "../app/login");
    EXPECT_EQ(result.exchanges[2].request.url, server.base() + "/app/login");
    EXPECT_EQ(result.exchanges[2].response.status, 200);
    EXPECT_EQ(result.final_response().body, "done");
    EXPECT_EQ(result.final_url, server.base() + "/app/login");

    auto seen = server.requests();
    ASSERT_EQ(seen.size(), 3u);
    EXPECT_FALSE(seen[0].has("Cookie"));
    EXPECT_EQ(seen[1].header("Cookie"), "NSSESSIONID=abc");
    EXPECT_EQ(seen[2].header("Cookie"), "NSSESSIONID=abc");
    // The recorded request carries the Cookie header the jar added.
    EXPECT_EQ(result.exchanges[1].request.headers.back().name, "Connection");
    bool recorded_cookie = false;
    for (const auto& h : result.exchanges[1].request.headers) {
        recorded_cookie = recorded_cookie || (h.name == "Cookie" && h.value == "NSSESSIONID=abc");
    }
    EXPECT_TRUE(recorded_cookie);
    EXPECT_EQ(server.connections(), 1);
}

TEST(HttpClient, StopsAtRedirectWithoutFollowing) {
    TestServer server([](const Seen&) { return redirect(302, "/elsewhere"); });
    Client client(fast_options());
    auto result = client.get(server.base() + "/start", false);
    ASSERT_TRUE(result.ok()) << result.error;
    ASSERT_EQ(result.exchanges.size(), 1u);
    EXPECT_EQ(result.final_response().status, 302);
    EXPECT_EQ(server.requests().size(), 1u);
}

TEST(HttpClient, StoresEverySetCookieInOrder) {
    TestServer server([](const Seen& seen) {
        if (seen.target == "/login") {
            return ok("{}", "Set-Cookie: ESRNSec=; Path=/; HttpOnly\r\n"
                            "Set-Cookie: ESRNSec=ESRNSECR592640=0a1b; Path=/; HttpOnly\r\n"
                            "Set-Cookie: NSSESSIONID=42; Path=/; HttpOnly\r\n");
        }
        return ok("page");
    });
    Client client(fast_options());
    auto login = client.get(server.base() + "/login");
    ASSERT_TRUE(login.ok()) << login.error;
    auto cookies = login.final_response().headers_named("Set-Cookie");
    ASSERT_EQ(cookies.size(), 3u);
    EXPECT_EQ(cookies[0], "ESRNSec=; Path=/; HttpOnly");
    ASSERT_TRUE(client.get(server.base() + "/app").ok());
    EXPECT_EQ(server.requests()[1].header("Cookie"), "ESRNSec=ESRNSECR592640=0a1b; NSSESSIONID=42");
    EXPECT_EQ(client.session().cookies().size(), 2u);
}

TEST(HttpClient, PostRedirectBecomesGetWithoutBody) {
    TestServer server([](const Seen& seen) {
        if (seen.method == "POST") {
            return redirect(302, "/after");
        }
        return ok("ok");
    });
    Client client(fast_options());
    Request request;
    request.method = "POST";
    request.url = server.base() + "/login/";
    request.headers = {{"Content-Type", "application/x-www-form-urlencoded"}, {"X-Trace", "1"}};
    request.body = "password=Gos%2BUsl%262";
    auto result = client.fetch(request);
    ASSERT_TRUE(result.ok()) << result.error;
    auto seen = server.requests();
    ASSERT_EQ(seen.size(), 2u);
    EXPECT_EQ(seen[0].method, "POST");
    EXPECT_EQ(seen[0].body, "password=Gos%2BUsl%262");
    EXPECT_EQ(seen[1].method, "GET");
    EXPECT_EQ(seen[1].target, "/after");
    EXPECT_EQ(seen[1].body, "");
    EXPECT_FALSE(seen[1].has("Content-Type"));
    EXPECT_FALSE(seen[1].has("Content-Length"));
    EXPECT_EQ(seen[1].header("X-Trace"), "1");
    EXPECT_EQ(result.exchanges[1].request.method, "GET");
    EXPECT_EQ(result.exchanges[1].request.body, "");
}

TEST(HttpClient, TemporaryRedirectKeepsMethodAndBody) {
    TestServer server([](const Seen& seen) {
        if (seen.target == "/first") {
            return redirect(307, "/second");
        }
        return ok("ok");
    });
    Client client(fast_options());
    Request request;
    request.method = "POST";
    request.url = server.base() + "/first";
    request.body = "a=1";
    ASSERT_TRUE(client.fetch(request).ok());
    auto seen = server.requests();
    ASSERT_EQ(seen.size(), 2u);
    EXPECT_EQ(seen[1].method, "POST");
    EXPECT_EQ(seen[1].body, "a=1");
}

TEST(HttpClient, ReportsTooManyRedirects) {
    TestServer server([](const Seen&) { return redirect(302, "/loop"); });
    ClientOptions options = fast_options();
    options.max_redirects = 3;
    Client client(options);
    auto result = client.get(server.base() + "/loop");
    EXPECT_EQ(result.outcome, Outcome::too_many_redirects);
    EXPECT_EQ(result.exchanges.size(), 4u); // the first request and three followed redirects
    EXPECT_EQ(server.requests().size(), 4u);
    EXPECT_THAT(result.error, HasSubstr("redirects"));
}

TEST(HttpClient, ReportsConnectionRefused) {
    std::uint16_t port = 0;
    {
        asio::io_context io;
        tcp::acceptor acceptor(io, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
        port = acceptor.local_endpoint().port();
    }
    Client client(fast_options());
    auto result = client.get("http://127.0.0.1:" + std::to_string(port) + "/");
    EXPECT_EQ(result.outcome, Outcome::refused);
    EXPECT_EQ(result.error, "connection refused to 127.0.0.1:" + std::to_string(port));
    EXPECT_TRUE(result.exchanges.empty());
    EXPECT_EQ(result.final_url, "http://127.0.0.1:" + std::to_string(port) + "/");
}

TEST(HttpClient, ReportsTimeoutWhenServerNeverAnswers) {
    TestServer server([](const Seen&) { return Reply{"", Reply::After::hang}; });
    ClientOptions options = fast_options();
    options.request_timeout = 200ms;
    Client client(options);
    auto start = std::chrono::steady_clock::now();
    auto result = client.get(server.base() + "/slow");
    EXPECT_EQ(result.outcome, Outcome::timeout);
    EXPECT_THAT(result.error, HasSubstr("200 ms"));
    EXPECT_TRUE(result.exchanges.empty());
    EXPECT_LT(std::chrono::steady_clock::now() - start, 900ms);
}

TEST(HttpClient, ReportsResetWhenServerClosesWithoutAnswer) {
    TestServer server([](const Seen&) { return Reply{"", Reply::After::close}; });
    Client client(fast_options());
    auto result = client.get(server.base() + "/");
    EXPECT_EQ(result.outcome, Outcome::reset);
    EXPECT_THAT(result.error, HasSubstr("without an answer"));
}

TEST(HttpClient, ReportsProtocolErrorForTruncatedBody) {
    TestServer server([](const Seen&) {
        return Reply{"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly a part",
                     Reply::After::close};
    });
    Client client(fast_options());
    auto result = client.get(server.base() + "/");
    EXPECT_EQ(result.outcome, Outcome::protocol_error);
    EXPECT_TRUE(result.exchanges.empty());
}

TEST(HttpClient, ReportsProtocolErrorForMalformedAnswer) {
    TestServer server([](const Seen&) { return Reply{"NOT HTTP\r\n\r\n", Reply::After::close}; });
    Client client(fast_options());
    EXPECT_EQ(client.get(server.base() + "/").outcome, Outcome::protocol_error);
}

TEST(HttpClient, ReportsProtocolErrorForBodyOverLimit) {
    TestServer server([](const Seen&) { return ok(std::string(2000, 'x')); });
    ClientOptions options = fast_options();
    options.max_body_bytes = 1000;
    Client client(options);
    auto result = client.get(server.base() + "/");
    EXPECT_EQ(result.outcome, Outcome::protocol_error);
    EXPECT_THAT(result.error, HasSubstr("body limit"));
}

TEST(HttpClient, ReportsRequestErrorForBadUrl) {
    Client client(fast_options());
    EXPECT_EQ(client.get("ftp://127.0.0.1/").outcome, Outcome::request_error);
    EXPECT_EQ(client.get("/relative").outcome, Outcome::request_error);
    Request request;
    request.url = "http://127.0.0.1:1/";
    request.headers = {{"X-Evil", "a\r\nInjected: 1"}};
    EXPECT_EQ(client.fetch(request).outcome, Outcome::request_error);
}

TEST(HttpClient, ReportsResolveErrorForUnknownHost) {
    // A label longer than 63 characters fails in the local resolver, without asking DNS.
    Client client(fast_options());
    auto result = client.get("http://" + std::string(70, 'a') + ".invalid/");
    EXPECT_EQ(result.outcome, Outcome::resolve_error);
    EXPECT_THAT(result.error, HasSubstr("cannot resolve"));
}

TEST(HttpClient, ReportsTlsErrorWhenServerIsNotTls) {
    TestServer server([](const Seen&) { return ok(""); },
                      "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
    Client client(fast_options());
    auto result = client.get("https://127.0.0.1:" + std::to_string(server.port()) + "/");
    EXPECT_EQ(result.outcome, Outcome::tls_error) << result.error;
    EXPECT_THAT(result.error, HasSubstr("TLS"));
}

TEST(HttpClient, UsesResolveMapAndKeepsPublicHostHeader) {
    TestServer server([](const Seen&) { return ok("mock"); });
    ClientOptions options = fast_options();
    options.resolve.add("asurso.test", server.port(), "127.0.0.1");
    Client client(options);
    std::string url = "http://asurso.test:" + std::to_string(server.port()) + "/";
    auto result = client.get(url);
    ASSERT_TRUE(result.ok()) << result.error;
    EXPECT_EQ(result.final_response().body, "mock");
    ASSERT_EQ(server.requests().size(), 1u);
    EXPECT_EQ(server.requests()[0].header("Host"), "asurso.test:" + std::to_string(server.port()));
}

TEST(HttpClient, CookiesStayWithTheirHost) {
    TestServer server([](const Seen& seen) {
        if (seen.target == "/set") {
            return ok("", "Set-Cookie: ESIA_SESSION=e; Path=/; HttpOnly\r\n");
        }
        return ok("");
    });
    ClientOptions options = fast_options();
    options.resolve.add("esia.test", server.port(), "127.0.0.1");
    options.resolve.add("asurso.test", server.port(), "127.0.0.1");
    Client client(options);
    std::string port = std::to_string(server.port());
    ASSERT_TRUE(client.get("http://esia.test:" + port + "/set").ok());
    ASSERT_TRUE(client.get("http://asurso.test:" + port + "/x").ok());
    ASSERT_TRUE(client.get("http://esia.test:" + port + "/y").ok());
    auto seen = server.requests();
    ASSERT_EQ(seen.size(), 3u);
    EXPECT_FALSE(seen[1].has("Cookie"));
    EXPECT_EQ(seen[2].header("Cookie"), "ESIA_SESSION=e");
}

class HttpsClient : public ::testing::Test {
protected:
    TestCertificate certificate_{"DNS:asurso.test,IP:127.0.0.1"};
    TestServer server_{
        [](const Seen&) { return ok("secure", "Set-Cookie: s=1; Path=/; Secure; HttpOnly\r\n"); },
        "", &certificate_};

    ClientOptions options_for(const std::string& host) {
        ClientOptions options = fast_options();
        options.ca_file = certificate_.file;
        options.resolve.add(host, server_.port(), "127.0.0.1");
        return options;
    }
    std::string url(const std::string& host, const std::string& path = "/") {
        return "https://" + host + ":" + std::to_string(server_.port()) + path;
    }
};

TEST_F(HttpsClient, VerifiesCertificateAndSendsServerName) {
    Client client(options_for("asurso.test"));
    auto first = client.get(url("asurso.test"));
    ASSERT_TRUE(first.ok()) << first.error;
    EXPECT_EQ(first.final_response().body, "secure");
    auto second = client.get(url("asurso.test", "/again"));
    ASSERT_TRUE(second.ok()) << second.error;
    EXPECT_EQ(server_.connections(), 1) << "the TLS connection is kept alive";
    ASSERT_EQ(server_.server_names().size(), 1u);
    EXPECT_EQ(server_.server_names()[0], "asurso.test");
    auto seen = server_.requests();
    ASSERT_EQ(seen.size(), 2u);
    EXPECT_EQ(seen[1].header("Cookie"), "s=1") << "a Secure cookie goes back over https";
}

TEST_F(HttpsClient, VerifiesIpAddressWithoutServerName) {
    Client client(options_for("127.0.0.1"));
    auto result = client.get(url("127.0.0.1"));
    ASSERT_TRUE(result.ok()) << result.error;
    ASSERT_EQ(server_.server_names().size(), 1u);
    EXPECT_EQ(server_.server_names()[0], "") << "SNI never carries an IP address";
}

TEST_F(HttpsClient, RejectsCertificateForAnotherName) {
    Client client(options_for("esia.test"));
    auto result = client.get(url("esia.test"));
    EXPECT_EQ(result.outcome, Outcome::tls_error);
    EXPECT_THAT(result.error, HasSubstr("TLS handshake with esia.test:"));
}

TEST_F(HttpsClient, RejectsUntrustedCertificate) {
    ClientOptions options = options_for("asurso.test");
    options.ca_file.clear();
    Client client(options);
    EXPECT_EQ(client.get(url("asurso.test")).outcome, Outcome::tls_error);
}

TEST_F(HttpsClient, AcceptsAnyCertificateWithoutVerification) {
    ClientOptions options = options_for("esia.test");
    options.ca_file.clear();
    options.verify_tls = false;
    Client client(options);
    auto result = client.get(url("esia.test"));
    EXPECT_TRUE(result.ok()) << result.error;
}

TEST(ClientContext, ThrowsForUnreadableCaFile) {
    ClientOptions options;
    options.ca_file = "/nonexistent/ca.pem";
    EXPECT_THROW(ClientContext context(options), std::runtime_error);
}

TEST(ClientContext, CreateReportsAnUnreadableCaFileWithoutThrowing) {
    ClientOptions options;
    options.ca_file = "/nonexistent/ca.pem";
    const auto created = ClientContext::create(options);
    EXPECT_FALSE(created.ok());
    EXPECT_THAT(created.error, HasSubstr("cannot read CA file '/nonexistent/ca.pem'"));
    EXPECT_TRUE(ClientContext::create(ClientOptions{}).ok());
}

// The session's work (cookies, client headers, redirects) over the in-memory transport.
TEST(HttpClient, RunsOverTheTransportItsContextGives) {
    tests::MemoryTransport transport;
    transport.answer("a.test", "/start", 302, "",
                     {{"Location", "/next"}, {"Set-Cookie", "sid=42; Path=/"}});
    transport.answer("a.test", "/next", 200, "done");
    auto created = ClientContext::create({}, &transport);
    ASSERT_TRUE(created.ok()) << created.error;
    asio::io_context io;
    Session session(io.get_executor(), *created.context);
    std::optional<FetchResult> result;
    Request request;
    request.url = "http://a.test/start";
    asio::co_spawn(io, session.fetch(std::move(request), true),
                   [&](std::exception_ptr, FetchResult r) { result = std::move(r); });
    io.run();
    ASSERT_TRUE(result && result->ok()) << (result ? result->error : "no result");
    ASSERT_EQ(result->exchanges.size(), 2u);
    EXPECT_EQ(result->final_response().body, "done");
    ASSERT_EQ(transport.requests().size(), 2u);
    const auto& second = transport.requests()[1];
    EXPECT_EQ(second.url, "http://a.test/next");
    auto header = [&](std::string_view name) {
        for (const auto& h : second.headers) {
            if (h.name == name) {
                return h.value;
            }
        }
        return std::string("<none>");
    };
    EXPECT_EQ(header("Cookie"), "sid=42");
    EXPECT_EQ(header("Host"), "a.test");
    EXPECT_EQ(session.tls_counts().handshakes, 0u);
}

} // namespace
} // namespace logintest::harness::http
