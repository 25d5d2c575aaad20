// MockStack (mocks/mock_stack): two hosts on 127.0.0.1 and 127.0.0.2 with free ports, each
// answering its own /mock/health, start errors reported instead of thrown, and the §23
// configuration applied at start: listen addresses, public base URLs, clocks, control plane,
// fixture file, start-up faults on both hosts, and the request log.
#include "mocks/mock_stack.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <mutex>

namespace logintest::mocks {
namespace {

namespace net = boost::asio;
namespace http = boost::beast::http;
using tcp = net::ip::tcp;
using ::testing::HasSubstr;

http::response<http::string_body> fetch(const std::string& address, std::uint16_t port,
                                        const std::string& target, const std::string& host) {
    net::io_context ioc;
    tcp::socket socket(ioc);
    socket.connect(tcp::endpoint(net::ip::make_address(address), port));
    const std::string request =
        "GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n";
    net::write(socket, net::buffer(request));
    boost::beast::flat_buffer buffer;
    http::response<http::string_body> res;
    http::read(socket, buffer, res);
    return res;
}

TEST(MockStack, StartsBothHostsOnTheirAddressesWithFreePorts) {
    auto started = MockStack::start({});
    ASSERT_TRUE(started.stack) << started.error;
    auto& stack = *started.stack;
    EXPECT_EQ(stack.asurso_address(), "127.0.0.1");
    EXPECT_EQ(stack.esia_address(), "127.0.0.2");
    EXPECT_NE(stack.asurso_port(), 0);
    EXPECT_NE(stack.esia_port(), 0);
    EXPECT_NE(stack.asurso_port(), stack.esia_port());
    EXPECT_EQ(stack.asurso_base_url(), "http://asurso.ru:" + std::to_string(stack.asurso_port()));
    EXPECT_EQ(stack.esia_base_url(),
              "http://esia.gosuslugi.ru:" + std::to_string(stack.esia_port()));

    const auto asurso = fetch("127.0.0.1", stack.asurso_port(), "/mock/health", "asurso.ru");
    EXPECT_EQ(asurso.result_int(), 200u);
    EXPECT_EQ(asurso.body(), R"({"status":"ok","host":"asurso","spec":"1.2"})");
    const auto esia = fetch("127.0.0.2", stack.esia_port(), "/mock/health", "esia.gosuslugi.ru");
    EXPECT_EQ(esia.body(), R"({"status":"ok","host":"esia","spec":"1.2"})");
    // MOCK-HOST-3: a host answers whatever the Host header says.
    EXPECT_EQ(fetch("127.0.0.2", stack.esia_port(), "/mock/health", "asurso.ru").body(),
              esia.body());
    EXPECT_EQ(fetch("127.0.0.2", stack.esia_port(), "/no/such/path", "x").result_int(), 404u);
    EXPECT_EQ(fetch("127.0.0.1", stack.asurso_port(), "/webapi/logindata", "x").result_int(), 200u);
    stack.stop();
    stack.stop();
}

TEST(MockStack, BadFixtureIsAStartError) {
    MockStackOptions options;
    options.fixture_json = R"({"regions":{}})";
    auto started = MockStack::start(options);
    EXPECT_FALSE(started.stack);
    EXPECT_THAT(started.error, HasSubstr("fixture: "));
}

TEST(MockStack, BusyPortIsAStartError) {
    auto first = MockStack::start({});
    ASSERT_TRUE(first.stack) << first.error;
    MockStackOptions options;
    options.esia_port = first.stack->esia_port();
    auto second = MockStack::start(options);
    EXPECT_FALSE(second.stack);
    EXPECT_THAT(second.error, HasSubstr("cannot bind 127.0.0.2:"));
}

TEST(MockStack, AppliesTheConfiguration) {
    MockStackOptions options;
    auto parsed = parse_mock_config(R"({
        "hosts": {"asurso": {"public_base_url": "http://asurso.test:1/"},
                  "esia": {"listen": "127.0.0.3:0"}},
        "clock": {"asurso_offset_s": 3600, "esia_offset_s": -60},
        "faults": {"rules": [{"kind": "status", "status": 502, "path": "/nowhere"}]}})");
    ASSERT_TRUE(parsed.errors.empty()) << parsed.errors.front();
    options.config = parsed.config;
    auto started = MockStack::start(options);
    ASSERT_TRUE(started.stack) << started.error;
    auto& stack = *started.stack;
    EXPECT_EQ(stack.asurso_base_url(), "http://asurso.test:1"); // explicit wins
    EXPECT_EQ(stack.esia_address(), "127.0.0.3");
    EXPECT_EQ(stack.esia_base_url(),
              "http://esia.gosuslugi.ru:" + std::to_string(stack.esia_port()));
    // MOCK-CP-10: the control plane wants a Host naming the mock.
    EXPECT_THAT(fetch("127.0.0.1", stack.asurso_port(), "/mock/clock", "127.0.0.1").body(),
                HasSubstr("\"offset_s\":3600"));
    EXPECT_EQ(fetch("127.0.0.1", stack.asurso_port(), "/mock/clock", "x").result_int(), 403u);
    EXPECT_THAT(fetch("127.0.0.3", stack.esia_port(), "/mock/clock", "localhost").body(),
                HasSubstr("\"offset_s\":-60"));
    // MOCK-FAULT-4: the start-up rules on both hosts.
    EXPECT_EQ(fetch("127.0.0.1", stack.asurso_port(), "/nowhere", "x").result_int(), 502u);
    EXPECT_EQ(fetch("127.0.0.3", stack.esia_port(), "/nowhere", "x").result_int(), 502u);
    EXPECT_EQ(fetch("127.0.0.1", stack.asurso_port(), "/elsewhere", "x").result_int(), 404u);
}

TEST(MockStack, ControlPlaneCanBeSwitchedOff) {
    MockStackOptions options;
    options.config.control_plane.enabled = false;
    auto started = MockStack::start(options);
    ASSERT_TRUE(started.stack) << started.error;
    EXPECT_EQ(fetch("127.0.0.1", started.stack->asurso_port(), "/mock/health", "x").result_int(),
              404u);
    EXPECT_EQ(fetch("127.0.0.2", started.stack->esia_port(), "/mock/faults", "x").result_int(),
              404u);
}

TEST(MockStack, ReadsTheFixtureFileOfTheConfiguration) {
    MockStackOptions options;
    options.config.fixture.path = "/nonexistent/fixture.json";
    auto started = MockStack::start(options);
    EXPECT_FALSE(started.stack);
    EXPECT_THAT(started.error, HasSubstr("fixture.path: cannot read /nonexistent/fixture.json"));

    options.config.fixture.path = LOGINTEST_SOURCE_DIR "/scenarios/data/fixture.json";
    EXPECT_TRUE(MockStack::start(options).stack);
}

TEST(MockStack, LogsOneLinePerRequestWithoutQueryOrSecrets) {
    std::mutex mutex;
    std::vector<std::string> lines;
    MockStackOptions options;
    options.log_requests = true;
    options.log = [&](std::string_view line) {
        std::lock_guard lock(mutex);
        lines.emplace_back(line);
    };
    options.config.faults.rules.push_back({});
    options.config.faults.rules.back().kind = common::FaultKind::reset;
    options.config.faults.rules.back().path = "/reset-me";
    auto started = MockStack::start(options);
    ASSERT_TRUE(started.stack) << started.error;
    fetch("127.0.0.1", started.stack->asurso_port(), "/webapi/logindata?secret=xyz", "x");
    {
        net::io_context ioc;
        tcp::socket socket(ioc);
        socket.connect(
            tcp::endpoint(net::ip::make_address("127.0.0.1"), started.stack->asurso_port()));
        net::write(socket, net::buffer(std::string("GET /reset-me HTTP/1.1\r\nHost: x\r\n\r\n")));
        char c;
        boost::system::error_code ec;
        socket.read_some(net::buffer(&c, 1), ec);
    }
    started.stack->stop();
    std::lock_guard lock(mutex);
    EXPECT_THAT(lines, ::testing::UnorderedElementsAre(
                           ::testing::MatchesRegex("asurso GET /webapi/logindata 200 [0-9.]+ms\n"),
                           ::testing::MatchesRegex("asurso GET /reset-me reset [0-9.]+ms\n")));
}

TEST(MockStack, RequestLogLineFormat) {
    EXPECT_EQ(request_log_line("esia", "POST", "/aas/oauth2/v3/te", 200, 1.25, ""),
              "esia POST /aas/oauth2/v3/te 200 1.2ms\n");
    EXPECT_EQ(request_log_line("esia", "GET", "/x", 200, 3, "truncated"),
              "esia GET /x 200 3.0ms truncated\n");
    EXPECT_EQ(request_log_line("asurso", "GET", "/x", 0, 3, "reset"),
              "asurso GET /x reset 3.0ms\n");
}

} // namespace
} // namespace logintest::mocks
