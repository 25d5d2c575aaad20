// End to end through MockStack (both hosts on 127.0.0.1 / 127.0.0.2 with real sockets): J2,
// a first ESIA login with binding, and J3, a returning login with loginType=8. asurso's token
// exchange reaches the esia host for real (MOCK-HOST-4), so esia's te counter moves. The
// client is a few lines of raw Beast with a cookie map per host, not the harness.
#include "asurso_sso_test_support.hpp"

#include "mocks/mock_stack.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace logintest::mocks::testing {
namespace {

namespace net = boost::asio;
namespace http = boost::beast::http;
using tcp = net::ip::tcp;
using ::testing::StartsWith;

struct Answer {
    int status = 0;
    std::string location;
    std::string body;
};

// One host: its address, port, Host header and cookie jar.
class RawHost {
public:
    RawHost(std::string address, std::uint16_t port, std::string host)
        : address_(std::move(address)), port_(port), host_(std::move(host)) {}

    Answer send(http::verb method, const std::string& target, const std::string& body = {},
                const std::string& content_type = {}) {
        net::io_context ioc;
        tcp::socket socket(ioc);
        socket.connect(tcp::endpoint(net::ip::make_address(address_), port_));
        http::request<http::string_body> req{method, target, 11};
        req.set(http::field::host, host_);
        req.set(http::field::connection, "close");
        std::string cookie;
        for (const auto& [name, value] : cookies) {
            cookie += (cookie.empty() ? "" : "; ") + name + "=" + value;
        }
        if (!cookie.empty()) {
            req.set(http::field::cookie, cookie);
        }
        if (!content_type.empty()) {
            req.set(http::field::content_type, content_type);
        }
        req.body() = body;
        req.prepare_payload();
        http::write(socket, req);
        boost::beast::flat_buffer buffer;
        http::response<http::string_body> res;
        http::read(socket, buffer, res);
        for (const auto& field : res) {
            if (field.name() != http::field::set_cookie) {
                continue;
            }
            host_testing::keep_cookie(cookies, field.value());
        }
        return Answer{static_cast<int>(res.result_int()), std::string(res[http::field::location]),
                      res.body()};
    }
    Answer get(const std::string& target) { return send(http::verb::get, target); }

    // The path and query of an absolute URL on this host.
    static std::string target_of(std::string_view url) {
        const auto scheme = url.find("://");
        const auto slash = url.find('/', scheme + 3);
        return std::string(url.substr(slash));
    }

    std::map<std::string, std::string> cookies;

private:
    std::string address_;
    std::uint16_t port_;
    std::string host_;
};

class AsursoSsoStack : public ::testing::Test {
protected:
    void SetUp() override {
        MockStackOptions options;
        const auto dir = sso_keys_dir() / "stack";
        options.config.crypto.keys_dir = dir.string() + "/";
        options.config.crypto.profile = test_profile();
        options.config.present.insert("crypto.keys_dir");
        auto started = MockStack::start(options);
        ASSERT_TRUE(started.stack) << started.error;
        stack = std::move(started.stack);
        asurso.emplace("127.0.0.1", stack->asurso_port(),
                       "asurso.ru:" + std::to_string(stack->asurso_port()));
        esia.emplace("127.0.0.2", stack->esia_port(),
                     "esia.gosuslugi.ru:" + std::to_string(stack->esia_port()));
    }

    // J2 steps 1-5 for an ESIA identifier and password: the callback's Location.
    std::string esia_login(const std::string& login, const std::string& password) {
        const Answer cross = asurso->get("/webapi/sso/esia/crosslogin");
        EXPECT_EQ(cross.status, 302);
        EXPECT_THAT(cross.location, StartsWith(stack->esia_base_url() + "/aas/oauth2/v2/ac?"));
        const Answer ac = esia->get(RawHost::target_of(cross.location));
        EXPECT_EQ(ac.status, 302) << ac.body; // ESIA-AC-2: the signature verified
        boost::json::object body{{"login", login}, {"password", password}};
        const Answer api = esia->send(http::verb::post, "/aas/oauth2/api/login",
                                      boost::json::serialize(body), "application/json");
        const auto done = boost::json::parse(api.body);
        EXPECT_EQ(done.at("action"), "DONE") << api.body;
        const std::string redirect(done.at("redirect_url").as_string());
        EXPECT_THAT(redirect, StartsWith(stack->asurso_base_url() + "/webapi/sso/esia/callback?"));
        const Answer callback = asurso->get(RawHost::target_of(redirect));
        EXPECT_EQ(callback.status, 302);
        return callback.location;
    }

    std::unique_ptr<MockStack> stack;
    std::optional<RawHost> asurso;
    std::optional<RawHost> esia;
};

TEST_F(AsursoSsoStack, FirstEsiaLoginWithBindingThenReturningLogin) {
    // J2-05: the callback exchanges the code with esia and gives a loginState.
    const std::string location = esia_login("o.smirnova@example.ru", "Gos+Usl&2");
    ASSERT_THAT(location, StartsWith(stack->asurso_base_url() + "/app/login?loginState="));
    EXPECT_EQ(asurso->cookies.count("ESRNSec"), 0u); // NS-ESIA-15
    const std::string ls = url_param(location, "loginState");
    const auto counters = boost::json::parse(esia->get("/mock/counters").body);
    EXPECT_EQ(counters.at("events").at("te_ok"), 1); // MOCK-HOST-4: a real request to esia

    // J2-06: no user bound yet.
    const Answer info = asurso->get("/webapi/sso/esia/account-info?loginState=" + ls);
    EXPECT_EQ(boost::json::parse(info.body).at("users").as_array().size(), 0u);

    // J2-08, -09: getdata + login with loginState binds smirnova.ov.
    const auto getdata =
        boost::json::parse(asurso->send(http::verb::post, "/webapi/auth/getdata").body);
    Salt salt{std::string(getdata.at("lt").as_string()), std::string(getdata.at("ver").as_string()),
              std::string(getdata.at("salt").as_string())};
    auto fields = Client::login_fields(salt, "smirnova.ov", "T3ach&Desk", 2436);
    fields.emplace_back("loginState", ls);
    const Answer bound = asurso->send(http::verb::post, "/webapi/login", form_encode(fields),
                                      "application/x-www-form-urlencoded");
    ASSERT_EQ(bound.status, 200) << bound.body;
    EXPECT_EQ(asurso->cookies.count("ESRNSec"), 1u);

    // J2-10 / J3: the next ESIA login (single sign-on at esia) lists the user, and
    // loginType=8 logs in without the school password.
    asurso->cookies.clear();
    const Answer cross = asurso->get("/webapi/sso/esia/crosslogin");
    const Answer sso = esia->get(RawHost::target_of(cross.location));
    ASSERT_EQ(sso.status, 302);
    ASSERT_THAT(sso.location, StartsWith(stack->asurso_base_url() + "/webapi/sso/esia/callback?"));
    const Answer callback = asurso->get(RawHost::target_of(sso.location));
    const std::string ls2 = url_param(callback.location, "loginState");
    ASSERT_FALSE(ls2.empty()) << callback.location;
    const auto users =
        boost::json::parse(asurso->get("/webapi/sso/esia/account-info?loginState=" + ls2).body)
            .at("users")
            .as_array();
    ASSERT_EQ(users.size(), 1u);
    EXPECT_EQ(users[0].at("userId"), 592660);
    const Answer login =
        asurso->send(http::verb::post, "/webapi/auth/login",
                     form_encode({{"loginType", "8"},
                                  {"lscope", std::string(users[0].at("id").as_string())},
                                  {"idp", "esia"},
                                  {"loginState", ls2}}),
                     "application/x-www-form-urlencoded");
    EXPECT_EQ(login.status, 200) << login.body; // NS-ESIA-23
}

TEST_F(AsursoSsoStack, ChildAccountIsRefusedAtTheCallback) {
    // J8-04: E5 (KD).
    EXPECT_EQ(esia_login("masha.petrova@example.ru", "Kid!Acc5"),
              stack->asurso_base_url() + "/app/login?esiaError=child_account");
}

} // namespace
} // namespace logintest::mocks::testing
