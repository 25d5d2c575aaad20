// TLS serving (MOCK-HOST-5, MOCK-CP-6): a MockStack with TLS writes its CA, serves it at
// /mock/ca.pem, and each host presents a certificate for its own names only, verified by an
// ordinary OpenSSL client; HTTPS base URLs and Secure cookies; plain HTTP, noise and silence
// on the TLS port are closed without harming the server.
#include "crypto/tls_material.hpp"
#include "mocks/common/responses.hpp"
#include "mocks/common/server.hpp"
#include "mocks/mock_stack.hpp"
#include "support/text/file.hpp"
#include "tests/unit/mocks/common/raw_http_client.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

namespace logintest::mocks {
namespace {

using ::testing::HasSubstr;
using testing::https_get;
using testing::RawHttpClient;
namespace http = testing::http;

std::string temp_file(const std::string& stem) {
    std::random_device rd;
    return (std::filesystem::temp_directory_path() / (stem + "-" + std::to_string(rd()) + ".pem"))
        .string();
}

std::string read_file(const std::string& path) {
    auto text = support::read_file(path);
    return text ? std::move(*text) : std::string();
}

class TlsStack : public ::testing::Test {
protected:
    void SetUp() override {
        ca_file_ = temp_file("logintest-mock-ca");
        MockStackOptions options;
        options.config.tls.enabled = true;
        options.config.tls.ca_file = ca_file_;
        auto started = MockStack::start(options);
        ASSERT_TRUE(started.stack) << started.error;
        stack_ = std::move(started.stack);
    }
    void TearDown() override { std::filesystem::remove(ca_file_); }

    std::string ca_file_;
    std::unique_ptr<MockStack> stack_;
};

TEST_F(TlsStack, WritesTheCaAndUsesHttpsBaseUrls) {
    EXPECT_TRUE(stack_->tls());
    EXPECT_EQ(stack_->ca_file(), ca_file_);
    EXPECT_THAT(read_file(ca_file_), HasSubstr("-----BEGIN CERTIFICATE-----"));
    EXPECT_EQ(read_file(ca_file_), stack_->ca_pem());
    EXPECT_EQ(stack_->asurso_base_url(),
              "https://asurso.ru:" + std::to_string(stack_->asurso_port()));
    EXPECT_EQ(stack_->esia_base_url(),
              "https://esia.gosuslugi.ru:" + std::to_string(stack_->esia_port()));
}

TEST_F(TlsStack, EachHostIsVerifiedForItsOwnNamesOnly) {
    std::string error;
    const auto asurso =
        https_get("127.0.0.1", stack_->asurso_port(), "asurso.ru", ca_file_, "/mock/health", error);
    ASSERT_TRUE(asurso) << error;
    EXPECT_EQ(asurso->body(), R"({"status":"ok","host":"asurso","spec":"1.2"})");
    EXPECT_TRUE(https_get("127.0.0.1", stack_->asurso_port(), "center.asurso.ru", ca_file_,
                          "/mock/health", error))
        << error;
    EXPECT_TRUE(
        https_get("127.0.0.1", stack_->asurso_port(), "127.0.0.1", ca_file_, "/mock/health", error))
        << error;

    // esia's certificate is not valid for asurso.ru.
    EXPECT_FALSE(
        https_get("127.0.0.2", stack_->esia_port(), "asurso.ru", ca_file_, "/mock/health", error));
    EXPECT_THAT(error, HasSubstr("handshake"));
    const auto esia = https_get("127.0.0.2", stack_->esia_port(), "esia.gosuslugi.ru", ca_file_,
                                "/mock/health", error);
    ASSERT_TRUE(esia) << error;
    EXPECT_THAT(esia->body(), HasSubstr("\"host\":\"esia\""));
}

TEST_F(TlsStack, ServesTheCaOnBothHosts) {
    std::string error;
    for (const auto& [address, port, name] :
         {std::tuple{"127.0.0.1", stack_->asurso_port(), "asurso.ru"},
          std::tuple{"127.0.0.2", stack_->esia_port(), "esia.gosuslugi.ru"}}) {
        const auto r = https_get(address, port, name, ca_file_, "/mock/ca.pem", error);
        ASSERT_TRUE(r) << error;
        EXPECT_EQ(r->result_int(), 200u);
        EXPECT_EQ(r->body(), stack_->ca_pem());
    }
}

TEST_F(TlsStack, CookiesAreSecure) {
    std::string error;
    const auto r = https_get("127.0.0.1", stack_->asurso_port(), "asurso.ru", ca_file_,
                             "/webapi/logindata", error);
    ASSERT_TRUE(r) << error;
    EXPECT_THAT(std::string((*r)[http::field::set_cookie]), HasSubstr("; Secure"));
}

TEST_F(TlsStack, PlainHttpAndNoiseOnTheTlsPortDoNotHurtTheServer) {
    {
        RawHttpClient plain("127.0.0.1", stack_->asurso_port());
        plain.send("GET /mock/health HTTP/1.1\r\nHost: asurso.ru\r\n\r\n");
        boost::system::error_code ec;
        const auto wire = plain.read_to_close(ec); // closed: no HTTP answer
        EXPECT_EQ(wire.find("HTTP/1.1 200"), std::string::npos);
        EXPECT_TRUE(ec);
    }
    {
        RawHttpClient noise("127.0.0.1", stack_->asurso_port());
        noise.send(std::string("\x16\x03\x01\x00\x05garbage\r\n\r\n\x00\xff", 18));
        boost::system::error_code ec;
        noise.read_to_close(ec);
        EXPECT_TRUE(ec);
    }
    std::string error;
    EXPECT_TRUE(
        https_get("127.0.0.1", stack_->asurso_port(), "asurso.ru", ca_file_, "/mock/health", error))
        << error;
}

TEST(TlsServer, ASilentClientIsClosedAfterTheHandshakeTimeout) {
    const auto ca = crypto::generate_tls_ca("test CA");
    ASSERT_TRUE(ca);
    const auto leaf = crypto::issue_tls_server_cert(*ca, "asurso.ru", {"asurso.ru", "127.0.0.1"});
    ASSERT_TRUE(leaf);
    common::ServerOptions options;
    options.tls_cert_pem = leaf->cert_pem;
    options.tls_key_pem = leaf->key_pem;
    options.handshake_timeout = std::chrono::milliseconds(300);
    common::HttpServer server(options);
    ASSERT_EQ(server.listen("127.0.0.1", 0), "");
    EXPECT_TRUE(server.tls());
    server.start(
        [](common::Request&, common::Responder respond) { respond(common::json_text(200, "{}")); });
    RawHttpClient silent("127.0.0.1", server.port());
    const auto start = std::chrono::steady_clock::now();
    boost::system::error_code ec;
    silent.read_to_close(ec);
    const auto waited = std::chrono::steady_clock::now() - start;
    EXPECT_TRUE(ec);
    EXPECT_GE(waited, std::chrono::milliseconds(250));
    EXPECT_LT(waited, std::chrono::seconds(3));
}

TEST(TlsServer, ABadCertificateIsAListenError) {
    common::ServerOptions options;
    options.tls_cert_pem = "not a certificate";
    options.tls_key_pem = "not a key";
    common::HttpServer bad(options);
    EXPECT_THAT(bad.listen("127.0.0.1", 0), HasSubstr("TLS certificate"));
}

TEST(TlsServer, AnEmptyCaFileNameWritesNothing) {
    MockStackOptions options;
    options.config.tls.enabled = true;
    options.config.tls.ca_file = "";
    auto started = MockStack::start(options);
    ASSERT_TRUE(started.stack) << started.error;
    EXPECT_EQ(started.stack->ca_file(), "");
    EXPECT_THAT(started.stack->ca_pem(), HasSubstr("BEGIN CERTIFICATE"));
}

TEST(TlsServer, NoCaRouteWithoutTls) {
    auto started = MockStack::start({});
    ASSERT_TRUE(started.stack) << started.error;
    EXPECT_FALSE(started.stack->tls());
    RawHttpClient c("127.0.0.1", started.stack->asurso_port());
    EXPECT_EQ(c.request("GET", "/mock/ca.pem").response.result_int(), 404u);
}

} // namespace
} // namespace logintest::mocks
