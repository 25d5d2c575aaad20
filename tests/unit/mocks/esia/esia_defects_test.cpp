// Each esia defect of the MOCK-DEF table changes the behaviour of its row (and the conformant
// behaviour is shown next to it): one test per defect.
#include "esia_test_support.hpp"
#include "support/url/percent.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace logintest::mocks::esia_testing {
namespace {

class EsiaDefects : public EsiaTest {
protected:
    void enable(std::string name) { ASSERT_EQ(app->state().defects.set({std::move(name)}), ""); }
    void disable() { ASSERT_EQ(app->state().defects.set({}), ""); }

    std::string location(const Response& r) {
        return std::string(r.header("Location").value_or(""));
    }
    boost::json::value login(std::string_view id, std::string_view password) {
        return body_json(client.api_login(id, password));
    }
    void fresh_start(const std::string& client_id = "CONFTEST",
                     std::string redirect = std::string(conftest_callback)) {
        client.cookies.clear();
        client.start(client_id, std::move(redirect));
    }
    Response te_for(const std::string& code) { return client.te(client.te_fields(code)); }
    boost::json::object id_claims(const Response& te) {
        return jwt_parts(body_json(te).at("id_token").as_string()).second;
    }
};

TEST_F(EsiaDefects, SkipRedirectUriCheck) {
    Fields f = client.ac_fields("CONFTEST", "http://evil.test/cb");
    EXPECT_EQ(client.ac(f).status, 400);
    enable("skip-redirect-uri-check");
    EXPECT_EQ(location(client.ac(f)), "http://esia.gosuslugi.ru:8080/login/");
    EXPECT_THAT(std::string(login("+79001234567", "Esia!Pass1").at("redirect_url").as_string()),
                StartsWith("http://evil.test/cb?code="));
}

TEST_F(EsiaDefects, SkipTimestampCheck) {
    Fields f = client.ac_fields();
    set_field(f, "timestamp", client.timestamp(std::chrono::seconds(-3600)));
    client.sign_ac(f);
    EXPECT_EQ(url_param(location(client.ac(f)), "error"), "invalid_request");
    const std::string code = client.code_for();
    Fields te = client.te_fields(code);
    set_field(te, "timestamp", "bad");
    client.sign_te(te);
    enable("skip-timestamp-check");
    client.cookies.clear(); // not single sign-on
    EXPECT_EQ(location(client.ac(f)), "http://esia.gosuslugi.ru:8080/login/");
    EXPECT_EQ(client.te(te).status, 200);
}

TEST_F(EsiaDefects, SkipSignatureCheck) {
    Fields f = client.ac_fields();
    set_field(f, "client_secret", "AAAA");
    EXPECT_EQ(url_param(location(client.ac(f)), "error"), "unauthorized_client");
    const std::string code = client.code_for();
    Fields te = client.te_fields(code);
    set_field(te, "client_secret", "AAAA");
    EXPECT_EQ(client.te(te).status, 400);
    enable("skip-signature-check");
    client.cookies.clear(); // not single sign-on
    EXPECT_EQ(location(client.ac(f)), "http://esia.gosuslugi.ru:8080/login/");
    EXPECT_EQ(client.te(te).status, 200);
}

TEST_F(EsiaDefects, ReusableCode) {
    enable("reusable-code");
    const std::string code = client.code_for();
    EXPECT_EQ(te_for(code).status, 200);
    EXPECT_EQ(te_for(code).status, 200);
    disable();
    EXPECT_EQ(te_for(code).status, 200); // issued while the defect was on: never consumed
    fresh_start();
    const std::string fresh = EsiaClient::code_of(client.api_login("+79001234567", "Esia!Pass1"));
    EXPECT_EQ(te_for(fresh).status, 200);
    EXPECT_EQ(te_for(fresh).status, 400);
}

TEST_F(EsiaDefects, CodeNoExpiry) {
    const std::string normal = client.code_for();
    enable("code-no-expiry");
    fresh_start();
    const std::string lasting = EsiaClient::code_of(client.api_login("+79001234567", "Esia!Pass1"));
    app->state().clock.advance(std::chrono::seconds(61));
    EXPECT_EQ(te_for(normal).status, 400);
    EXPECT_EQ(te_for(lasting).status, 200);
}

TEST_F(EsiaDefects, TokenStateNotEchoed) {
    enable("token-state-not-echoed");
    const Fields f = client.te_fields(client.code_for());
    const auto j = body_json(client.te(f));
    EXPECT_NE(j.at("state").as_string(), f[5].second);
    EXPECT_TRUE(esia::is_uuid(j.at("state").as_string()));
}

TEST_F(EsiaDefects, TokenNoStoreMissing) {
    enable("token-no-store-missing");
    const Response r = te_for(client.code_for());
    EXPECT_EQ(r.status, 200);
    EXPECT_FALSE(r.header("Cache-Control"));
    EXPECT_FALSE(r.header("Pragma"));
}

TEST_F(EsiaDefects, IdTokenWrongAud) {
    enable("id-token-wrong-aud");
    const Response r = te_for(client.code_for());
    EXPECT_EQ(id_claims(r).at("aud"), "NOT-CONFTEST");
    EXPECT_EQ(jwt_parts(body_json(r).at("access_token").as_string()).second.at("client_id"),
              "CONFTEST");
}

TEST_F(EsiaDefects, IdTokenExpired) {
    enable("id-token-expired");
    const auto claims = id_claims(te_for(client.code_for()));
    EXPECT_EQ(claims.at("exp").as_int64(), claims.at("iat").as_int64() - 120);
}

TEST_F(EsiaDefects, PhoneNotNormalised) {
    client.start();
    enable("phone-not-normalised");
    EXPECT_EQ(login("89001234567", "Esia!Pass1").at("failed"), "ACCOUNT_NOT_FOUND");
    EXPECT_EQ(login("+7 900 123-45-67", "Esia!Pass1").at("failed"), "ACCOUNT_NOT_FOUND");
    EXPECT_EQ(login("+7(900)1234567", "Esia!Pass1").at("action"), "DONE");
}

TEST_F(EsiaDefects, SnilsNoChecksum) {
    client.start();
    EXPECT_EQ(login("123-456-789 65", "x").at("failed"), "INVALID_LOGIN");
    enable("snils-no-checksum");
    EXPECT_EQ(login("123-456-789 65", "x").at("failed"), "ACCOUNT_NOT_FOUND");
}

TEST_F(EsiaDefects, EsiaNoCaptcha) {
    enable("esia-no-captcha");
    client.start();
    for (int i = 0; i < 5; ++i) {
        EXPECT_EQ(login("m.lebedev@example.ru", "wrong").at("failed"), "INVALID_PASSWORD");
    }
    EXPECT_EQ(app->state().counters.event("captcha_challenges"), 0);
}

TEST_F(EsiaDefects, EsiaNoLockout) {
    // With captchas off too, so that twelve wrong passwords get through.
    ASSERT_EQ(app->state().defects.set({"esia-no-lockout", "esia-no-captcha"}), "");
    client.start();
    for (int i = 0; i < 12; ++i) {
        EXPECT_EQ(login("m.lebedev@example.ru", "wrong").at("failed"), "INVALID_PASSWORD");
    }
    EXPECT_FALSE(app->state().accounts.by_oid(1000299660)->locked);
    EXPECT_EQ(login("m.lebedev@example.ru", "Capt4a!Lock7").at("action"), "DONE");
}

TEST_F(EsiaDefects, MfaBypass) {
    client.start();
    EXPECT_EQ(login("+7(917)0001122", "Mfa@Code4").at("action"), "ENTER_MFA");
    enable("mfa-bypass");
    fresh_start();
    EXPECT_EQ(login("+7(917)0001122", "Mfa@Code4").at("action"), "DONE");
}

TEST_F(EsiaDefects, UnconfirmedAccepted) {
    enable("unconfirmed-accepted");
    client.start("ASURSO", std::string(asurso_callback));
    EXPECT_THAT(std::string(login("+7(963)1112233", "Unc0nf!rm6").at("redirect_url").as_string()),
                StartsWith(std::string(asurso_callback) + "?code="));
}

TEST_F(EsiaDefects, EsiaLogoutKeepsSso) {
    enable("esia-logout-keeps-sso");
    client.start();
    login("+7(900)1234567", "Esia!Pass1");
    const Response r = client.get("/idp/ext/Logout?client_id=CONFTEST&redirect_url=" +
                                  support::percent_encode("http://client.test/"));
    EXPECT_EQ(location(r), "http://client.test/");
    EXPECT_TRUE(r.headers_named("Set-Cookie").empty());
    EXPECT_THAT(location(client.start()), StartsWith(std::string(conftest_callback) + "?code="));
}

TEST_F(EsiaDefects, OpenLogoutRedirect) {
    enable("open-logout-redirect");
    const Response r = client.get("/idp/ext/Logout?client_id=ASURSO&redirect_url=" +
                                  support::percent_encode("http://evil.test/"));
    EXPECT_EQ(location(r), "http://evil.test/");
}

TEST_F(EsiaDefects, EveryEsiaDefectHasATest) {
    int esia_defects = 0;
    for (const auto& d : common::defect_catalogue()) {
        esia_defects += d.host == common::Host::esia ? 1 : 0;
    }
    EXPECT_EQ(esia_defects, 17);
}

} // namespace
} // namespace logintest::mocks::esia_testing
