// Handler-level tests of the ESIA login (§14.1-§14.3): the page «Вход», the form login, the
// JSON API with every identifier form (J3-01, N19), session rules (ESIA-LOGIN-3, -8) and the
// post-authentication steps (ESIA-LOGIN-7).
#include "esia_test_support.hpp"
#include "tests/support/expect_text.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace logintest::mocks::esia_testing {
namespace {

using test_support::expect_contains_all;
class EsiaLogin : public EsiaTest {
protected:
    boost::json::value login(std::string_view id, std::string_view password,
                             std::optional<std::string> id_type = std::nullopt) {
        return body_json(client.api_login(id, password, std::move(id_type)));
    }
    std::int64_t failed(std::string_view code) {
        return app->state().counters.keyed("logins_failed", code);
    }
    int failed_count(std::int64_t oid) { return app->state().accounts.by_oid(oid)->failed_count; }
};

TEST_F(EsiaLogin, LoginPageHasEveryElementAndText) {
    client.start();
    const Response r = client.get("/login/");
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(r.header("Content-Type"), "text/html; charset=utf-8");
    const std::string& b = r.body;
    expect_contains_all(b, {"<title>Портал государственных услуг Российской Федерации</title>",
                            "<h1 id=\"login-title\">Вход</h1>",
                            "<a id=\"tab-phone\" href=\"http://esia.gosuslugi.ru:8080/login/"
                            "?idType=phone\">Телефон или почта</a>",
                            "<a id=\"tab-snils\" href=\"http://esia.gosuslugi.ru:8080/login/"
                            "?idType=snils\">СНИЛС</a>",
                            "<form id=\"login-form\" method=\"post\" "
                            "action=\"http://esia.gosuslugi.ru:8080/login/\">",
                            "<label id=\"login-label\" for=\"login\">Мобильный телефон или "
                            "почта</label>",
                            "<input id=\"login\" name=\"login\"",
                            "<label for=\"password\">Пароль</label>",
                            "<input id=\"password\" name=\"password\" type=\"password\"",
                            "<input id=\"foreign_computer\" type=\"checkbox\" "
                            "name=\"foreign_computer\" value=\"on\"/>",
                            "<label for=\"foreign_computer\">Чужой компьютер</label>",
                            "<input id=\"idType\" type=\"hidden\" name=\"idType\" "
                            "value=\"phone\"/>",
                            "<button id=\"login-submit\" type=\"submit\">Войти</button>",
                            "<div id=\"login-error\"></div>",
                            "<a id=\"recovery\" href=\"http://esia.gosuslugi.ru:8080/login/"
                            "recovery\">Не удаётся войти?</a>"});
}

TEST_F(EsiaLogin, SnilsTabChangesLabelAndHiddenType) {
    client.start();
    const Response r = client.get("/login/?idType=snils");
    EXPECT_THAT(r.body, HasSubstr("<label id=\"login-label\" for=\"login\">СНИЛС</label>"));
    EXPECT_THAT(r.body, HasSubstr("name=\"idType\" value=\"snils\""));
}

TEST_F(EsiaLogin, WithoutPendingAuthorizationThePageAndApiSaySessionExpired) {
    const Response page = client.get("/login/");
    EXPECT_THAT(page.body, HasSubstr("<div id=\"login-error\">Сеанс входа истёк. Вернитесь на "
                                     "сайт, с которого выполнялся вход.</div>"));
    EXPECT_EQ(login("+7(900)1234567", "Esia!Pass1"),
              boost::json::parse(R"({"failed":"SESSION_EXPIRED"})"));
    // Expired pending authorization (esia.pending_auth_ttl_s = 900).
    client.start();
    app->state().clock.advance(std::chrono::seconds(901));
    EXPECT_EQ(login("+7(900)1234567", "Esia!Pass1").at("failed"), "SESSION_EXPIRED");
    EXPECT_EQ(failed_count(1000299654), 0);
}

TEST_F(EsiaLogin, EveryIdentifierFormReachesTheSameAccount) {
    // J3-01, ESIA-LOGIN-10, -11, -12, -15.
    for (const std::string id :
         {"89001234567", "+79001234567", "+7(900)1234567", "+7 900 123-45-67", "79001234567",
          "e.ivanova@example.ru", "E.Ivanova@Example.RU", " e.ivanova@example.ru ",
          "123-456-789 64", "123-456-789-64", "12345678964"}) {
        SCOPED_TRACE(id);
        client.cookies.clear();
        client.start();
        const auto j = login(id, "Esia!Pass1");
        ASSERT_EQ(j.at("action"), "DONE");
        const std::string url(j.at("redirect_url").as_string());
        EXPECT_THAT(url, StartsWith(std::string(conftest_callback) + "?code="));
        EXPECT_EQ(url_param(url, "state"), client.last_ac[6].second); // ESIA-AC-7
    }
}

TEST_F(EsiaLogin, IdTypeRestrictsTheKinds) {
    client.start();
    EXPECT_EQ(login("123-456-789 64", "Esia!Pass1", "phone").at("failed"), "INVALID_LOGIN");
    EXPECT_EQ(login("+79001234567", "Esia!Pass1", "snils").at("failed"), "INVALID_LOGIN");
    EXPECT_EQ(login("e.ivanova@example.ru", "Esia!Pass1", "phone").at("action"), "DONE");
    client.cookies.clear(); // not single sign-on
    client.start();
    EXPECT_EQ(login("112-233-445 95", "wrong", "snils").at("failed"), "INVALID_PASSWORD");
}

TEST_F(EsiaLogin, MalformedAndUnknownIdentifiersCountNothing) {
    client.start();
    // N19, ESIA-LOGIN-13, -14, -19.
    EXPECT_EQ(login("123-456-789 65", "x").at("failed"), "INVALID_LOGIN");
    EXPECT_EQ(login("987-654-321 83", "x").at("failed"), "ACCOUNT_NOT_FOUND");
    EXPECT_EQ(login("050-234-316 00", "x").at("failed"), "ACCOUNT_NOT_FOUND");
    EXPECT_EQ(login("+7(999)0000000", "x").at("failed"), "ACCOUNT_NOT_FOUND");
    EXPECT_EQ(login("+7(900)12345", "x").at("failed"), "INVALID_LOGIN");
    EXPECT_EQ(login("no-at-sign.ru", "x").at("failed"), "INVALID_LOGIN");
    EXPECT_EQ(login("a@b", "x").at("failed"), "INVALID_LOGIN");
    EXPECT_EQ(login("a@@b.ru", "x").at("failed"), "INVALID_LOGIN");
    EXPECT_EQ(login("", "x").at("failed"), "INVALID_LOGIN");
    EXPECT_EQ(failed("INVALID_LOGIN"), 6);
    EXPECT_EQ(failed("ACCOUNT_NOT_FOUND"), 3);
    for (const auto& a : app->state().accounts.all()) {
        EXPECT_EQ(a.failed_count, 0);
    }
    // Still usable afterwards.
    EXPECT_EQ(login("+7(900)1234567", "Esia!Pass1").at("action"), "DONE");
}

TEST_F(EsiaLogin, WrongPasswordIsCountedAndPasswordsAreCaseSensitive) {
    client.start();
    EXPECT_EQ(login("+7(900)1234567", "esia!pass1"),
              boost::json::parse(R"({"failed":"INVALID_PASSWORD"})"));
    EXPECT_EQ(failed_count(1000299654), 1);
    EXPECT_EQ(login("+7(900)1234567", "Esia!Pass1").at("action"), "DONE");
    EXPECT_EQ(failed_count(1000299654), 0); // ESIA-LOGIN-16: reset
    EXPECT_EQ(app->state().counters.event("logins_ok"), 1);
}

TEST_F(EsiaLogin, NonJsonBodiesAreRefused) {
    client.start();
    const Response not_json =
        client.send("POST", "/aas/oauth2/api/login", "login=x", "application/json");
    EXPECT_EQ(not_json.status, 400);
    EXPECT_EQ(not_json.body, R"({"error":"bad_request"})");
    // GEN-9: a form sent to the JSON API.
    const Response form = client.send("POST", "/aas/oauth2/api/login", "login=x&password=y",
                                      "application/x-www-form-urlencoded");
    EXPECT_EQ(form.status, 400);
    EXPECT_EQ(form.body, R"({"failed":"BAD_REQUEST"})");
    EXPECT_EQ(client.send("POST", "/aas/oauth2/api/login", "[]", "application/json").status, 400);
    // GEN-9: a member given twice, refused before anything is counted.
    const Response twice = client.send(
        "POST", "/aas/oauth2/api/login",
        R"({"login":"+79001234567","password":"x","password":"Esia!Pass1"})", "application/json");
    EXPECT_EQ(twice.status, 400);
    EXPECT_EQ(twice.body, R"({"failed":"BAD_REQUEST"})");
    EXPECT_EQ(failed_count(1000299654), 0);
    // Nested repeats are not top-level members.
    EXPECT_EQ(client
                  .send("POST", "/aas/oauth2/api/login",
                        R"({"login":"+79001234567","password":"Esia!Pass1","x":{"a":1,"a":2}})",
                        "application/json")
                  .status,
              200);
}

TEST_F(EsiaLogin, SuccessRotatesTheSessionCookie) {
    client.start();
    const auto before = client.cookies.at("ESIA_SESSION");
    const Response r = client.api_login("+7(900)1234567", "Esia!Pass1");
    ASSERT_EQ(r.headers_named("Set-Cookie").size(), 1u); // ESIA-LOGIN-8
    EXPECT_NE(client.cookies.at("ESIA_SESSION"), before);
    // The old value is dead, the new one is authenticated (single sign-on).
    EsiaClient old(*app);
    old.cookies["ESIA_SESSION"] = before;
    EXPECT_EQ(old.start().header("Location"), "http://esia.gosuslugi.ru:8080/login/");
    EXPECT_THAT(std::string(*client.start().header("Location")),
                StartsWith(std::string(conftest_callback) + "?code="));
}

TEST_F(EsiaLogin, RotationCanBeSwitchedOff) {
    auto config = test_config();
    config.rotate_session_on_login = false;
    auto fixed = make_esia(config);
    EsiaClient c(*fixed);
    c.start();
    EXPECT_TRUE(c.api_login("+7(900)1234567", "Esia!Pass1").headers_named("Set-Cookie").empty());
}

TEST_F(EsiaLogin, DoneConsumesThePendingAuthorization) {
    client.start();
    EXPECT_EQ(login("+7(900)1234567", "Esia!Pass1").at("action"), "DONE");
    EXPECT_EQ(login("+7(900)1234567", "Esia!Pass1").at("failed"), "SESSION_EXPIRED");
}

TEST_F(EsiaLogin, ForeignComputerLeavesNoSingleSignOn) {
    client.start();
    EXPECT_EQ(body_json(client.api_login("+7(900)1234567", "Esia!Pass1", std::nullopt, true))
                  .at("action"),
              "DONE");
    // J3-06: the next ac shows the login page.
    EXPECT_EQ(client.start().header("Location"), "http://esia.gosuslugi.ru:8080/login/");
}

TEST_F(EsiaLogin, RequireTrustedRefusesAnUnconfirmedAccount) {
    // N17, ESIA-LOGIN-7 (1): DONE with an access_denied redirect.
    client.start("ASURSO", std::string(asurso_callback));
    const auto j = login("+7(963)1112233", "Unc0nf!rm6");
    ASSERT_EQ(j.at("action"), "DONE");
    const std::string url(j.at("redirect_url").as_string());
    EXPECT_EQ(url, std::string(asurso_callback) +
                       "?error=access_denied&error_description=ESIA-007055%3A+Login+with+an+"
                       "unconfirmed+account+is+not+allowed&state=" +
                       client.last_ac[6].second);
    EXPECT_EQ(app->state().counters.event("codes_issued"), 0);
    // N21: after PATCH require_trusted=false, E6 gets a code.
    app->state().clients.patch("ASURSO", {false, std::nullopt, std::nullopt});
    client.cookies.clear();
    client.start("ASURSO", std::string(asurso_callback));
    EXPECT_THAT(std::string(login("+7(963)1112233", "Unc0nf!rm6").at("redirect_url").as_string()),
                StartsWith(std::string(asurso_callback) + "?code="));
}

TEST_F(EsiaLogin, FormLoginRedirectsToTheCallback) {
    // J2-11: the form, password percent-encoded.
    client.start("ASURSO", std::string(asurso_callback));
    const Response r = client.send(
        "POST", "/login/",
        form_encode(
            {{"login", "o.smirnova@example.ru"}, {"password", "Gos+Usl&2"}, {"idType", "phone"}}),
        "application/x-www-form-urlencoded");
    ASSERT_EQ(r.status, 302);
    EXPECT_THAT(std::string(*r.header("Location")),
                StartsWith(std::string(asurso_callback) + "?code="));
    EXPECT_EQ(r.headers_named("Set-Cookie").size(), 1u);
}

TEST_F(EsiaLogin, FormLoginFailuresShowThePageAgain) {
    client.start();
    const auto post = [&](std::string login_value, std::string password) {
        return client.send("POST", "/login/",
                           form_encode({{"login", login_value}, {"password", password}}),
                           "application/x-www-form-urlencoded");
    };
    Response r = post("+7(900)1234567", "bad");
    EXPECT_EQ(r.status, 200);
    EXPECT_THAT(r.body, HasSubstr("<div id=\"login-error\">Неверный логин или пароль</div>"));
    EXPECT_THAT(r.body, HasSubstr("value=\"+7(900)1234567\""));
    EXPECT_THAT(r.body, HasSubstr("<input id=\"password\" name=\"password\" type=\"password\" "
                                  "value=\"\"/>"));
    r = post("+7(999)0000000", "bad");
    EXPECT_THAT(r.body, HasSubstr("<div id=\"login-error\">Неверный логин или пароль</div>"));
    r = post("12", "bad");
    EXPECT_THAT(r.body, HasSubstr("<div id=\"login-error\">Проверьте правильность ввода "
                                  "телефона, почты или СНИЛС</div>"));
    r = post("a&<b>\"@x.ru", "bad"); // escaped, still well-formed
    EXPECT_THAT(r.body, HasSubstr("value=\"a&amp;&lt;b&gt;&quot;@x.ru\""));
    // A JSON body to the form endpoint (GEN-9).
    EXPECT_EQ(client.send("POST", "/login/", "{}", "application/json").status, 400);
}

TEST_F(EsiaLogin, FormLoginForLockedAccountAndExpiredSession) {
    const Response expired =
        client.send("POST", "/login/", form_encode({{"login", "+79001234567"}, {"password", "x"}}),
                    "application/x-www-form-urlencoded");
    EXPECT_THAT(expired.body, HasSubstr("Сеанс входа истёк."));
    client.start();
    for (int i = 0; i < 10; ++i) {
        app->state().accounts.check_password(1000299660, "bad", app->state().lockout_rules(),
                                             app->state().now());
    }
    const Response locked = client.send(
        "POST", "/login/", form_encode({{"login", "m.lebedev@example.ru"}, {"password", "x"}}),
        "application/x-www-form-urlencoded");
    EXPECT_THAT(locked.body, HasSubstr("<div id=\"login-error\">Учётная запись временно "
                                       "заблокирована из-за большого количества неудачных "
                                       "попыток входа</div>"));
}

TEST_F(EsiaLogin, RecoveryStubIsAPage) {
    const Response r = client.get("/login/recovery");
    EXPECT_EQ(r.status, 200);
    EXPECT_THAT(r.body, HasSubstr("Не удаётся войти?"));
}

TEST_F(EsiaLogin, MessagesCanBeOverridden) {
    auto config = test_config();
    config.messages["T-E-BAD-CRED"] = "Другой текст";
    auto custom = make_esia(config);
    EsiaClient c(*custom);
    c.start();
    const Response r =
        c.send("POST", "/login/", form_encode({{"login", "+79001234567"}, {"password", "x"}}),
               "application/x-www-form-urlencoded");
    EXPECT_THAT(r.body, HasSubstr("<div id=\"login-error\">Другой текст</div>"));
}

TEST_F(EsiaLogin, UnknownPathsAndMethods) {
    EXPECT_EQ(client.get("/aas/oauth2/api/login").status, 405);
    EXPECT_EQ(client.get("/nothing").status, 404);
}

} // namespace
} // namespace logintest::mocks::esia_testing
