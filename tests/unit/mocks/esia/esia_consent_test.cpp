// Handler-level tests of consent (§14.6, ESIA-LOGIN-24..26) with E3: SCOPE_CONSENT, allow and
// deny through the JSON API and the page, grants kept and cleared by the control plane.
#include "esia_test_support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace logintest::mocks::esia_testing {
namespace {

class EsiaConsent : public EsiaTest {
protected:
    boost::json::value e3_login() {
        client.start("ASURSO", std::string(asurso_callback));
        return body_json(client.api_login("112-233-445 95", "Snils#Only3"));
    }
};

TEST_F(EsiaConsent, E3IsAskedForConsent) {
    EXPECT_EQ(e3_login(), boost::json::parse(R"({"action":"SCOPE_CONSENT","consent_details":
        {"client_id":"ASURSO","client_name":"АСУ РСО","scopes":["fullname"]}})"));
    EXPECT_EQ(app->state().counters.event("codes_issued"), 0);
}

TEST_F(EsiaConsent, AllowIssuesACodeAndIsRemembered) {
    e3_login();
    const auto allowed = body_json(client.send("POST", "/aas/oauth2/api/scope/allow"));
    ASSERT_EQ(allowed.at("action"), "DONE");
    EXPECT_THAT(std::string(allowed.at("redirect_url").as_string()),
                StartsWith(std::string(asurso_callback) + "?code="));
    EXPECT_EQ(url_param(allowed.at("redirect_url").as_string(), "state"), client.last_ac[6].second);
    const auto account = body_json(client.get("/mock/admin/accounts/1000299656"));
    EXPECT_EQ(account.at("grants"), boost::json::parse(R"({"ASURSO":["fullname"]})"));
    // Next time, no consent (a fresh session, not single sign-on).
    client.cookies.clear();
    EXPECT_EQ(e3_login().at("action"), "DONE");
    // A wider scope asks again.
    client.cookies.clear();
    client.start("ASURSO", std::string(asurso_callback), "openid fullname birthdate");
    const auto wider = body_json(client.api_login("112-233-445 95", "Snils#Only3"));
    EXPECT_EQ(wider.at("consent_details").at("scopes"),
              boost::json::parse(R"(["fullname","birthdate"])"));
    // DELETE grants: asked again for the old scope too.
    EXPECT_EQ(client.send("DELETE", "/mock/admin/accounts/1000299656/grants").status, 200);
    client.cookies.clear();
    EXPECT_EQ(e3_login().at("action"), "SCOPE_CONSENT");
}

TEST_F(EsiaConsent, DenyRedirectsWithAccessDenied) {
    e3_login();
    const auto denied = body_json(client.send("POST", "/aas/oauth2/api/scope/deny"));
    ASSERT_EQ(denied.at("action"), "DONE");
    EXPECT_EQ(std::string(denied.at("redirect_url").as_string()),
              std::string(asurso_callback) +
                  "?error=access_denied&error_description=ESIA-007004%3A+The+resource+owner+or+"
                  "authorization+server+denied+the+request&state=" +
                  client.last_ac[6].second);
    EXPECT_EQ(body_json(client.send("POST", "/aas/oauth2/api/scope/allow")).at("failed"),
              "SESSION_EXPIRED");
}

TEST_F(EsiaConsent, SingleSignOnGoesToTheConsentPage) {
    e3_login();
    // Not decided: the session is authenticated, the next ac asks for consent again.
    EXPECT_EQ(client.start("ASURSO", std::string(asurso_callback)).header("Location"),
              "http://esia.gosuslugi.ru:8080/login/consent");
}

TEST_F(EsiaConsent, ConsentCanBeDisabled) {
    auto config = test_config();
    config.consent_enabled = false;
    auto no_consent = make_esia(config);
    EsiaClient c(*no_consent);
    c.start("ASURSO", std::string(asurso_callback));
    EXPECT_EQ(body_json(c.api_login("112-233-445 95", "Snils#Only3")).at("action"), "DONE");
}

TEST_F(EsiaConsent, PageListsScopesAndTakesTheDecision) {
    client.start("CONFTEST", std::string(conftest_callback), "openid fullname birthdate gender");
    const Response post = client.send(
        "POST", "/login/", form_encode({{"login", "11223344595"}, {"password", "Snils#Only3"}}),
        "application/x-www-form-urlencoded");
    EXPECT_EQ(post.header("Location"), "http://esia.gosuslugi.ru:8080/login/consent");
    const Response page = client.get("/login/consent");
    EXPECT_THAT(page.body, HasSubstr("<h1 id=\"consent-title\">Предоставление прав доступа</h1>"));
    EXPECT_THAT(page.body, HasSubstr("<p id=\"consent-client\">Conformance tester</p>"));
    EXPECT_THAT(page.body, HasSubstr("<ul id=\"consent-scopes\">\n<li>Фамилия, имя и отчество</li>"
                                     "\n<li>Дата рождения</li>\n<li>Пол</li>\n</ul>"));
    EXPECT_THAT(page.body, HasSubstr("action=\"http://esia.gosuslugi.ru:8080/login/consent\""));
    EXPECT_THAT(page.body, HasSubstr("<button id=\"grantAuthorization\" type=\"submit\" "
                                     "name=\"decision\" value=\"allow\">Предоставить</button>"));
    EXPECT_THAT(page.body, HasSubstr("<button id=\"denyAuthorization\" type=\"submit\" "
                                     "name=\"decision\" value=\"deny\">Отказать</button>"));
    const Response denied =
        client.send("POST", "/login/consent", "decision=deny", "application/x-www-form-urlencoded");
    EXPECT_EQ(url_param(*denied.header("Location"), "error"), "access_denied");
    EXPECT_EQ(
        client.send("POST", "/login/consent", "decision=maybe", "application/x-www-form-urlencoded")
            .status,
        400);
}

TEST_F(EsiaConsent, AllowThroughThePage) {
    e3_login();
    const Response allowed = client.send("POST", "/login/consent", "decision=allow",
                                         "application/x-www-form-urlencoded");
    EXPECT_THAT(std::string(*allowed.header("Location")),
                StartsWith(std::string(asurso_callback) + "?code="));
}

} // namespace
} // namespace logintest::mocks::esia_testing
