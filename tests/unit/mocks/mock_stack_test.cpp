// MockStack (mocks/mock_stack): two hosts on 127.0.0.1 and 127.0.0.2 with free ports, each
// answering its own /mock/health, and start errors reported instead of thrown.
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
    EXPECT_EQ(asurso.body(), R"({"status":"ok","host":"asurso","spec":"1.1"})");
    const auto esia = fetch("127.0.0.2", stack.esia_port(), "/mock/health", "esia.gosuslugi.ru");
    EXPECT_EQ(esia.body(), R"({"status":"ok","host":"esia","spec":"1.1"})");
    // MOCK-HOST-3: a host answers whatever the Host header says.
    EXPECT_EQ(fetch("127.0.0.2", stack.esia_port(), "/mock/health", "asurso.ru").body(),
              esia.body());
    EXPECT_EQ(fetch("127.0.0.2", stack.esia_port(), "/aas/oauth2/v2/ac", "x").result_int(), 404u);
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

} // namespace
} // namespace logintest::mocks
