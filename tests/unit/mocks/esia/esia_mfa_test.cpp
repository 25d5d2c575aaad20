// Handler-level tests of the SMS code (§14.5, ESIA-LOGIN-20..23) with E4: J9-01..04, the SMS
// outbox of the control plane and the page /login/mfa.
#include "esia_test_support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace logintest::mocks::esia_testing {
namespace {

constexpr std::string_view e4_login = "+7(917)0001122";
constexpr std::string_view e4_password = "Mfa@Code4";

class EsiaMfa : public StartedEsiaTest {
protected:
    boost::json::value verify(std::string_view code) {
        return body_json(
            client.send("POST", "/aas/oauth2/api/login/otp/verify?code=" + std::string(code)));
    }
};

TEST_F(EsiaMfa, J901RightPasswordAsksForTheCode) {
    const Response r = client.api_login(e4_login, e4_password);
    EXPECT_EQ(body_json(r), boost::json::parse(R"({"action":"ENTER_MFA","mfa_details":{"type":"SMS",
        "otp_details":{"phone":"+7(917)***-**-22","code_length":6,"verify_timeout_secs":300,
        "verify_attempts_left":3}}})"));
    // ESIA-LOGIN-22: not authenticated, no code, no rotation yet.
    EXPECT_TRUE(r.headers_named("Set-Cookie").empty());
    EXPECT_EQ(app->state().counters.event("codes_issued"), 0);
    EXPECT_EQ(app->state().counters.event("otp_sent"), 1);
}

TEST_F(EsiaMfa, J902WrongCodeLeavesTheSessionUnauthenticated) {
    client.api_login(e4_login, e4_password);
    const auto wrong = verify("111111");
    // ESIA-LOGIN-21 (spec 1.2): the same shape as ENTER_MFA, the attempts left inside
    // otp_details and nowhere else.
    EXPECT_EQ(wrong, boost::json::parse(R"({"failed":"INVALID_OTP","mfa_details":{"type":"SMS",
        "otp_details":{"phone":"+7(917)***-**-22","code_length":6,"verify_timeout_secs":300,
        "verify_attempts_left":2}}})"));
    EXPECT_EQ(app->state().accounts.by_oid(1000299657)->failed_count, 0); // not the password's
    // An ac in the same session still goes to /login/.
    EXPECT_EQ(client.start().header("Location"), "http://esia.gosuslugi.ru:8080/login/");
}

TEST_F(EsiaMfa, J903OutboxCodeFinishesTheLogin) {
    client.api_login(e4_login, e4_password);
    verify("111111");
    const Response sms = client.get("/mock/esia/sms?phone=%2B7%20917%20000-11-22");
    ASSERT_EQ(sms.status, 200);
    const auto j = body_json(sms);
    EXPECT_EQ(j.at("phone"), "+7(917)0001122");
    EXPECT_EQ(j.at("code"), "246810");
    EXPECT_EQ(j.at("sent_at"), "2025-11-28T19:40:05Z");
    const Response done = client.send("POST", "/aas/oauth2/api/login/otp/verify?code=246810");
    const auto d = body_json(done);
    ASSERT_EQ(d.at("action"), "DONE");
    EXPECT_THAT(std::string(d.at("redirect_url").as_string()),
                StartsWith(std::string(conftest_callback) + "?code="));
    EXPECT_EQ(done.headers_named("Set-Cookie").size(), 1u); // ESIA-LOGIN-8
    // The session is authenticated now.
    EXPECT_THAT(std::string(*client.start().header("Location")),
                StartsWith(std::string(conftest_callback) + "?code="));
    EXPECT_EQ(client.get("/mock/esia/sms?phone=%2B79990000000").status, 404);
}

TEST_F(EsiaMfa, J904AttemptsExceededThenSessionExpired) {
    client.api_login(e4_login, e4_password);
    EXPECT_EQ(verify("1").at("failed"), "INVALID_OTP");
    EXPECT_EQ(verify("2").at("failed"), "INVALID_OTP");
    EXPECT_EQ(verify("3"), boost::json::parse(R"({"failed":"OTP_ATTEMPTS_EXCEEDED"})"));
    EXPECT_EQ(verify("246810"), boost::json::parse(R"({"failed":"SESSION_EXPIRED"})"));
    EXPECT_EQ(app->state().counters.event("otp_failed"), 3);
    // The client starts again with /aas/oauth2/api/login.
    EXPECT_EQ(body_json(client.api_login(e4_login, e4_password)).at("action"), "ENTER_MFA");
}

TEST_F(EsiaMfa, J904CodeExpiresAfterTtl) {
    client.api_login(e4_login, e4_password);
    app->state().clock.advance(std::chrono::seconds(301));
    EXPECT_EQ(verify("246810"), boost::json::parse(R"({"failed":"OTP_EXPIRED"})"));
}

TEST_F(EsiaMfa, VerifyWithoutPendingCode) {
    EXPECT_EQ(verify("246810").at("failed"), "SESSION_EXPIRED");
    EsiaClient none(*app);
    EXPECT_EQ(body_json(none.send("POST", "/aas/oauth2/api/login/otp/verify?code=1")).at("failed"),
              "SESSION_EXPIRED");
    EXPECT_EQ(client.send("POST", "/aas/oauth2/api/login/otp/verify?code=1&code=2").body,
              R"({"failed":"BAD_REQUEST"})"); // GEN-9
}

TEST_F(EsiaMfa, PageShowsMaskedPhoneAndAttemptsLeft) {
    const Response post = client.send("POST", "/login/",
                                      form_encode({{"login", "234-567-890 99"},
                                                   {"password", std::string(e4_password)},
                                                   {"idType", "snils"}}),
                                      "application/x-www-form-urlencoded");
    EXPECT_EQ(post.header("Location"), "http://esia.gosuslugi.ru:8080/login/mfa");
    const Response page = client.get("/login/mfa");
    EXPECT_THAT(page.body, HasSubstr("<h1 id=\"mfa-title\">Введите код из СМС</h1>"));
    EXPECT_THAT(page.body, HasSubstr("<p id=\"mfa-sent\">Код отправлен на номер "
                                     "+7(917)***-**-22</p>"));
    EXPECT_THAT(page.body, HasSubstr("<form id=\"mfa-form\" method=\"post\" "
                                     "action=\"http://esia.gosuslugi.ru:8080/login/mfa\">"));
    EXPECT_THAT(page.body, HasSubstr("<input id=\"code\" name=\"code\""));
    EXPECT_THAT(page.body, HasSubstr("<button id=\"mfa-submit\" type=\"submit\">Продолжить"));
    const Response wrong =
        client.send("POST", "/login/mfa", "code=000000", "application/x-www-form-urlencoded");
    EXPECT_THAT(wrong.body, HasSubstr("<div id=\"mfa-error\">Неверный код. Осталось попыток: "
                                      "2</div>"));
    const Response right =
        client.send("POST", "/login/mfa", "code=246810", "application/x-www-form-urlencoded");
    EXPECT_THAT(std::string(*right.header("Location")),
                StartsWith(std::string(conftest_callback) + "?code="));
}

} // namespace
} // namespace logintest::mocks::esia_testing
