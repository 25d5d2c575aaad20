// Handler-level tests of the ESIA captcha and lockout (§14.4, ESIA-LOGIN-16..19, -27): the
// N18 sequence with E7, the image, the JSON verification, the page, the control plane, and
// the SMS anomaly reaction (ESIA-LOGIN-17a).
#include "esia_test_support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace logintest::mocks::esia_testing {
namespace {

constexpr std::int64_t e7 = 1000299660;
constexpr std::string_view e7_login = "m.lebedev@example.ru";
constexpr std::string_view e7_password = "Capt4a!Lock7";

class EsiaCaptcha : public StartedEsiaTest {
protected:
    boost::json::value login(std::string_view password) {
        return body_json(client.api_login(e7_login, password));
    }
    std::string answer(const std::string& guid) {
        const Response r = client.get("/mock/esia/captcha/" + guid);
        return std::string(body_json(r).at("answer").as_string());
    }
    Response verify(const std::string& guid, const std::string& answer_text) {
        return client.send("POST", "/aas/oauth2/api/anomaly/captcha/verify?guid=" + guid +
                                       "&answer=" + answer_text);
    }
    int counter() { return app->state().accounts.by_oid(e7)->failed_count; }
};

TEST_F(EsiaCaptcha, N18SequenceCaptchaThenLock) {
    // Three wrong passwords: plain INVALID_PASSWORD.
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(login("wrong").at("failed"), "INVALID_PASSWORD");
    }
    // The 4th attempt: SOLVE_ANOMALY_REACTION with a new guid, password not checked.
    const auto first = login("wrong");
    ASSERT_EQ(first.at("action"), "SOLVE_ANOMALY_REACTION");
    const std::string guid(first.at("reaction_details").at("guid").as_string());
    EXPECT_EQ(first.at("reaction_details").at("type"), "CAPTCHA");
    EXPECT_THAT(
        guid, MatchesRegex("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
    EXPECT_EQ(counter(), 3);
    // A retry without solving: CAPTCHA_REQUIRED with the same guid (even the right password).
    const auto retry = login(e7_password);
    EXPECT_EQ(retry,
              boost::json::parse(R"({"failed":"CAPTCHA_REQUIRED","reaction_details":{"guid":")" +
                                 guid + R"(","type":"CAPTCHA"}})"));
    EXPECT_EQ(app->state().counters.event("captcha_challenges"), 1);
    // A wrong answer keeps the guid valid; the right one solves it.
    EXPECT_EQ(verify(guid, "000000x").body, R"({"failed":"INVALID_CAPTCHA"})");
    EXPECT_EQ(verify(guid, answer(guid)).body, R"({"status":"SOLVED"})");
    // A solved captcha allows exactly one password check.
    EXPECT_EQ(login("wrong").at("failed"), "INVALID_PASSWORD");
    EXPECT_EQ(counter(), 4);
    EXPECT_EQ(login("wrong").at("action"), "SOLVE_ANOMALY_REACTION");
    // Up to the 10th wrong password, each behind a solved captcha.
    for (int n = 5; n <= 10; ++n) {
        // CAPTCHA_REQUIRED (the open challenge) or a new SOLVE_ANOMALY_REACTION.
        const auto again = login("wrong");
        const std::string g(again.at("reaction_details").at("guid").as_string());
        ASSERT_EQ(verify(g, answer(g)).body, R"({"status":"SOLVED"})");
        EXPECT_EQ(login("wrong").at("failed"), "INVALID_PASSWORD") << n; // 10th still this
    }
    EXPECT_EQ(counter(), 10);
    EXPECT_TRUE(app->state().accounts.by_oid(e7)->locked);
    EXPECT_EQ(app->state().counters.event("locks"), 1);
    // Locked: even the right password, before the captcha rule.
    EXPECT_EQ(login(e7_password), boost::json::parse(R"({"failed":"ACCOUNT_LOCKED"})"));
    // The control plane unlocks it: the counter is back to zero.
    EXPECT_EQ(client.send("POST", "/mock/admin/accounts/1000299660/unlock").status, 200);
    EXPECT_EQ(login(e7_password).at("action"), "DONE");
}

TEST_F(EsiaCaptcha, CounterIsPerAccountOverAllSessions) {
    for (int i = 0; i < 3; ++i) {
        EsiaClient other(*app);
        other.start();
        EXPECT_EQ(body_json(other.api_login(e7_login, "wrong")).at("failed"), "INVALID_PASSWORD");
    }
    EXPECT_EQ(login(e7_password).at("action"), "SOLVE_ANOMALY_REACTION");
    // Another account is unaffected.
    EXPECT_EQ(body_json(client.api_login("+7(900)1234567", "Esia!Pass1")).at("action"), "DONE");
}

TEST_F(EsiaCaptcha, ASolvedCaptchaAndRightPasswordResetTheCounter) {
    for (int i = 0; i < 3; ++i) {
        login("wrong");
    }
    const auto r = login(e7_password);
    const std::string guid(r.at("reaction_details").at("guid").as_string());
    verify(guid, answer(guid));
    EXPECT_EQ(login(e7_password).at("action"), "DONE");
    EXPECT_EQ(counter(), 0);
}

TEST_F(EsiaCaptcha, ACaptchaOfAnotherSessionCannotBeSolvedHere) {
    for (int i = 0; i < 3; ++i) {
        login("wrong");
    }
    const std::string guid(login("wrong").at("reaction_details").at("guid").as_string());
    EsiaClient other(*app);
    other.start();
    const auto r = other.send("POST", "/aas/oauth2/api/anomaly/captcha/verify?guid=" + guid +
                                          "&answer=" + answer(guid));
    EXPECT_EQ(r.body, R"({"failed":"INVALID_CAPTCHA"})");
    EsiaClient none(*app);
    EXPECT_EQ(
        none.send("POST", "/aas/oauth2/api/anomaly/captcha/verify?guid=" + guid + "&answer=1").body,
        R"({"failed":"SESSION_EXPIRED"})");
}

TEST_F(EsiaCaptcha, ImageShowsTheAnswerAsSvg) {
    for (int i = 0; i < 3; ++i) {
        login("wrong");
    }
    const std::string guid(login("wrong").at("reaction_details").at("guid").as_string());
    const Response image = client.get("/captcha/api/public/v2/image?guid=" + guid);
    EXPECT_EQ(image.status, 200);
    EXPECT_EQ(image.header("Content-Type"), "image/svg+xml");
    EXPECT_THAT(image.body, HasSubstr(">" + answer(guid) + "</text>"));
    EXPECT_EQ(client.get("/captcha/api/public/v2/image?guid=nope").status, 404);
    EXPECT_EQ(client.get("/mock/esia/captcha/nope").status, 404);
}

TEST_F(EsiaCaptcha, FormLoginGoesToTheCaptchaPage) {
    for (int i = 0; i < 3; ++i) {
        login("wrong");
    }
    const auto post_login = [&] {
        return client.send(
            "POST", "/login/",
            form_encode({{"login", std::string(e7_login)}, {"password", std::string(e7_password)}}),
            "application/x-www-form-urlencoded");
    };
    Response r = post_login();
    EXPECT_EQ(r.header("Location"), "http://esia.gosuslugi.ru:8080/login/captcha");
    EXPECT_EQ(post_login().header("Location"), "http://esia.gosuslugi.ru:8080/login/captcha");
    // ESIA-LOGIN-27: the page.
    const Response page = client.get("/login/captcha");
    EXPECT_EQ(page.status, 200);
    EXPECT_THAT(page.body, HasSubstr("<h1 id=\"captcha-title\">Подтвердите, что вы не робот</h1>"));
    EXPECT_THAT(page.body, HasSubstr("<img id=\"captcha-image\""));
    EXPECT_THAT(page.body, HasSubstr("src=\"http://esia.gosuslugi.ru:8080/captcha/api/public/v2/"
                                     "image?guid="));
    EXPECT_THAT(page.body, HasSubstr("action=\"http://esia.gosuslugi.ru:8080/login/captcha\""));
    EXPECT_THAT(page.body, HasSubstr("<input id=\"answer\" name=\"answer\""));
    EXPECT_THAT(page.body, HasSubstr(">Продолжить</button>"));
    const auto start = page.body.find("name=\"guid\" value=\"") + 19;
    const std::string guid = page.body.substr(start, 36);
    // A wrong answer shows the page again; the right one goes back to /login/.
    Response wrong =
        client.send("POST", "/login/captcha", form_encode({{"guid", guid}, {"answer", "x"}}),
                    "application/x-www-form-urlencoded");
    EXPECT_EQ(wrong.status, 200);
    EXPECT_THAT(wrong.body, HasSubstr("captcha-title"));
    Response right = client.send("POST", "/login/captcha",
                                 form_encode({{"guid", guid}, {"answer", answer(guid)}}),
                                 "application/x-www-form-urlencoded");
    EXPECT_EQ(right.header("Location"), "http://esia.gosuslugi.ru:8080/login/");
    r = post_login();
    EXPECT_THAT(std::string(*r.header("Location")),
                ::testing::StartsWith("http://client.test/callback?code="));
}

TEST_F(EsiaCaptcha, LockWithDurationEndsByItself) {
    auto config = test_config();
    config.lock_duration_s = 60;
    config.captcha_threshold = 100;
    auto timed = make_esia(config);
    EsiaClient c(*timed);
    c.start();
    for (int i = 0; i < 10; ++i) {
        EXPECT_EQ(body_json(c.api_login(e7_login, "wrong")).at("failed"), "INVALID_PASSWORD");
    }
    EXPECT_EQ(body_json(c.api_login(e7_login, e7_password)).at("failed"), "ACCOUNT_LOCKED");
    timed->state().clock.advance(std::chrono::seconds(61));
    EXPECT_EQ(body_json(c.api_login(e7_login, e7_password)).at("action"), "DONE");
}

TEST_F(EsiaCaptcha, SmsAnomalyReaction) {
    auto config = test_config();
    config.anomaly_reaction = esia::AnomalyReaction::sms;
    config.captcha_threshold = 1;
    auto sms = make_esia(config);
    EsiaClient c(*sms);
    c.start();
    // E1 has a phone.
    EXPECT_EQ(body_json(c.api_login("+79001234567", "wrong")).at("failed"), "INVALID_PASSWORD");
    const auto r = body_json(c.api_login("+79001234567", "Esia!Pass1"));
    ASSERT_EQ(r.at("action"), "SOLVE_ANOMALY_REACTION");
    EXPECT_EQ(r.at("reaction_details").at("type"), "SMS");
    const std::string guid(r.at("reaction_details").at("guid").as_string());
    const Response started = c.send("POST", "/aas/oauth2/api/login/anomaly-reaction/start",
                                    R"({"guid":")" + guid + "\"}", "application/json");
    EXPECT_EQ(body_json(started),
              boost::json::parse(R"({"phone":"+7(900)***-**-67","code_length":6})"));
    const auto code =
        std::string(body_json(c.get("/mock/esia/sms?phone=89001234567")).at("code").as_string());
    const auto verify = [&](const std::string& value) {
        return body_json(c.send("POST", "/aas/oauth2/api/login/anomaly-reaction/verify",
                                R"({"code":")" + value + R"(","guid":")" + guid + "\"}",
                                "application/json"));
    };
    EXPECT_EQ(verify("x").at("failed"), "INVALID_OTP");
    EXPECT_EQ(verify(code).at("action"), "DONE"); // the waiting login ran
}

} // namespace
} // namespace logintest::mocks::esia_testing
