// Tests of esia's control plane (MOCK-CP-9, MOCK-CP-3, MOCK-DEF-1 on this host) and of the key
// files (ESIA-SIG-7, ESIA-JWT-6, mocks/common/mock_keys).
#include "esia_test_support.hpp"

#include "mocks/common/mock_keys.hpp"
#include "support/text/file.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

namespace logintest::mocks::esia_testing {
namespace {

class EsiaAdmin : public EsiaTest {};

TEST_F(EsiaAdmin, AccountsListAndOne) {
    const auto list = body_json(client.get("/mock/admin/accounts")).as_array();
    EXPECT_EQ(list.size(), 7u);
    const auto one = body_json(client.get("/mock/admin/accounts/1000299654"));
    EXPECT_EQ(one.at("oid"), 1000299654);
    EXPECT_EQ(one.at("locked"), false);
    EXPECT_EQ(one.at("failedCount"), 0);
    EXPECT_EQ(one.at("grants"), boost::json::object{});
    EXPECT_EQ(client.get("/mock/admin/accounts/1").status, 404);
    EXPECT_EQ(client.get("/mock/admin/accounts/x").status, 404);
}

TEST_F(EsiaAdmin, AddAnAccount) {
    const std::string account = R"({"oid":1000299700,"lastName":"Тестов","firstName":"Тест",
        "middleName":"Тестович","birthDate":"today-30y","gender":"M","phone":"+7(901)0000001",
        "email":null,"snils":null,"password":"New!Acc1","trusted":true,"lvl":"PR","mfa":null,
        "otpCode":null,"consentGranted":true})";
    EXPECT_EQ(client.send("POST", "/mock/admin/accounts", account, "application/json").status, 201);
    EXPECT_EQ(client.send("POST", "/mock/admin/accounts", account, "application/json").status, 409);
    EXPECT_EQ(client.send("POST", "/mock/admin/accounts", "{}", "application/json").status, 400);
    client.start();
    EXPECT_EQ(body_json(client.api_login("89010000001", "New!Acc1")).at("action"), "DONE");
    // MOCK-CP-3: gone after a reset.
    EXPECT_EQ(client.send("POST", "/mock/reset").status, 200);
    EXPECT_EQ(client.get("/mock/admin/accounts/1000299700").status, 404);
}

// MOCK-CP-10 (issue 10, finding 6): an account body is checked as strictly as the fixture:
// a negative oid, an unknown lvl, mfa or gender, an unknown key, a phone or SNILS another
// account has (any accepted form) are all refused, nothing added.
TEST_F(EsiaAdmin, AccountBodiesAreCheckedStrictly) {
    const auto account = [](std::string oid, std::string extra, std::string phone,
                            std::string snils) {
        return R"({"oid":)" + oid + R"(,"lastName":"Т","firstName":"Т","middleName":"Т",
            "birthDate":"today-30y","gender":"M","phone":)" +
               phone + R"(,"email":null,"snils":)" + snils +
               R"(,"password":"New!Acc1","trusted":true,"consentGranted":true,)" + extra + "}";
    };
    const std::string fine = R"("lvl":"PR","mfa":null,"otpCode":null)";
    for (const std::string& bad :
         {account("-1", fine, "null", "null"), account("0", fine, "null", "null"),
          account("1000299701", R"("lvl":"ZZ","mfa":null,"otpCode":null)", "null", "null"),
          account("1000299701", R"("lvl":"PR","mfa":"email","otpCode":null)", "null", "null"),
          account("1000299701", R"("lvl":"PR","mfa":null,"otpCode":"12a")", "null", "null"),
          account("1000299701", fine + R"(,"colour":1)", "null", "null")}) {
        EXPECT_EQ(client.send("POST", "/mock/admin/accounts", bad, "application/json").status, 400)
            << bad;
    }
    // E1's phone and SNILS, written differently.
    EXPECT_EQ(client
                  .send("POST", "/mock/admin/accounts",
                        account("1000299701", fine, R"("89001234567")", "null"), "application/json")
                  .status,
              409);
    EXPECT_EQ(client
                  .send("POST", "/mock/admin/accounts",
                        account("1000299701", fine, "null", R"("12345678964")"), "application/json")
                  .status,
              409);
    EXPECT_FALSE(app->state().accounts.by_oid(1000299701));
    EXPECT_EQ(client
                  .send("POST", "/mock/admin/accounts",
                        account("1000299701", fine, R"("+7(901)0000009")", "null"),
                        "application/json")
                  .status,
              201);
}

// MOCK-CP-10: redirect URIs are absolute http(s) URIs (no `javascript:`), scopes words,
// neither repeated.
TEST_F(EsiaAdmin, ClientPatchIsCheckedStrictly) {
    for (const char* bad :
         {R"x({"redirect_uris":["javascript:alert(1)"]})x", R"x({"redirect_uris":["/relative"]})x",
          R"x({"redirect_uris":["file:///etc/passwd"]})x",
          R"x({"redirect_uris":["http://a/","http://a/"]})x", R"x({"scopes":["open id"]})x",
          R"x({"scopes":["openid","openid"]})x", R"x({"require_trusted":"no"})x"}) {
        EXPECT_EQ(
            client.send("PATCH", "/mock/admin/clients/CONFTEST", bad, "application/json").status,
            400)
            << bad;
    }
    EXPECT_EQ(app->state().clients.find("CONFTEST")->redirect_uris.size(), 2u);
    EXPECT_EQ(client
                  .send("PATCH", "/mock/admin/clients/CONFTEST",
                        R"({"redirect_uris":["https://client.test/cb"]})", "application/json")
                  .status,
              200);
}

TEST_F(EsiaAdmin, ClientCredentialsAndPatch) {
    const auto cred = body_json(client.get("/mock/esia/clients/CONFTEST/credentials"));
    EXPECT_EQ(cred.at("client_id"), "CONFTEST");
    EXPECT_EQ(
        cred.at("redirect_uris"),
        boost::json::parse(R"(["http://client.test/callback","http://client.test/callback2"])"));
    EXPECT_EQ(cred.at("logout_redirect_prefixes"),
              boost::json::parse(R"(["http://client.test/"])"));
    const auto key = crypto::PrivateKey::from_pem(cred.at("key_pem").as_string());
    const auto cert = crypto::Certificate::from_pem(cred.at("cert_pem").as_string());
    ASSERT_TRUE(key && cert);
    EXPECT_EQ(cred.at("certificate_hash").as_string(), cert->hash_hex(crypto::Profile::gost));
    EXPECT_TRUE(cert->verify("m", key->sign("m")));
    // ASURSO's URLs have <asurso> substituted (MOCK-FIX-3).
    const auto asurso = body_json(client.get("/mock/esia/clients/ASURSO/credentials"));
    EXPECT_EQ(asurso.at("redirect_uris"),
              boost::json::parse(R"(["http://asurso.ru:8080/webapi/sso/esia/callback"])"));
    EXPECT_EQ(client.get("/mock/esia/clients/NOBODY/credentials").status, 404);

    const Response patched =
        client.send("PATCH", "/mock/admin/clients/ASURSO",
                    R"({"require_trusted":false,"scopes":["openid"]})", "application/json");
    ASSERT_EQ(patched.status, 200);
    EXPECT_EQ(body_json(patched).at("require_trusted"), false);
    EXPECT_FALSE(app->state().clients.find("ASURSO")->require_trusted);
    EXPECT_EQ(
        client.send("PATCH", "/mock/admin/clients/ASURSO", R"({"colour":1})", "application/json")
            .status,
        400);
    EXPECT_EQ(client.send("PATCH", "/mock/admin/clients/NOBODY", "{}", "application/json").status,
              404);
    client.send("POST", "/mock/reset");
    EXPECT_TRUE(app->state().clients.find("ASURSO")->require_trusted);
}

TEST_F(EsiaAdmin, ResetDropsSessionsCodesAndCounters) {
    client.start();
    const std::string code = EsiaClient::code_of(client.api_login("+7(900)1234567", "Esia!Pass1"));
    app->state().clock.advance(std::chrono::seconds(10));
    client.send("POST", "/mock/reset");
    EXPECT_EQ(app->state().clock.offset().count(), 0);
    EXPECT_EQ(app->state().counters.event("codes_issued"), 0);
    EXPECT_EQ(client.te(client.te_fields(code)).status, 400);
    EXPECT_EQ(client.start().header("Location"), "http://esia.gosuslugi.ru:8080/login/");
}

TEST_F(EsiaAdmin, DefectsOfThisHost) {
    // MOCK-DEF-1 through the shared control routes.
    const Response put =
        client.send("PUT", "/mock/defects", R"({"enabled":["reusable-code"]})", "application/json");
    EXPECT_EQ(put.status, 200);
    EXPECT_TRUE(app->state().defects.on(common::Defect::reusable_code));
    EXPECT_EQ(
        client.send("PUT", "/mock/defects", R"({"enabled":["salt-reuse"]})", "application/json")
            .status,
        400); // an asurso defect
    EXPECT_THAT(client.get("/mock/defects").body, HasSubstr("open-logout-redirect"));
}

TEST_F(EsiaAdmin, ControlPlaneOnlyForLoopback) {
    Request req = common::make_request("GET", "/mock/admin/accounts", {}, {}, "10.0.0.1");
    EXPECT_EQ(call(*app, std::move(req)).status, 403);
}

TEST(EsiaKeys, GeneratedOnceThenReused) {
    const auto dir = keys_dir() / "reuse";
    auto config = test_config();
    config.keys_dir = dir.string();
    config.signing_cert_file = (dir / "published" / "esia.pem").string();
    auto first = EsiaApp::create(config, {}, [] { return fixed_time(); });
    ASSERT_TRUE(first) << first.problem().message;
    for (const std::string stem : {"esia-signing", "client-ASURSO", "client-CONFTEST"}) {
        EXPECT_TRUE(std::filesystem::exists(dir / (stem + ".key"))) << stem;
        EXPECT_TRUE(std::filesystem::exists(dir / (stem + ".pem"))) << stem;
    }
    const auto perms = std::filesystem::status(dir / "esia-signing.key").permissions();
    EXPECT_EQ(perms & std::filesystem::perms::group_read, std::filesystem::perms::none);
    // ESIA-JWT-6: the signing certificate at esia.signing_cert_file.
    const auto pem = support::read_file(config.signing_cert_file);
    ASSERT_TRUE(pem) << pem.problem().message;
    EXPECT_EQ(*pem, (*first)->state().keys.signing->certificate.pem());
    // ESIA-SIG-7: a second start reuses the files, so hashes stay stable.
    auto second = EsiaApp::create(config, {}, [] { return fixed_time(); });
    ASSERT_TRUE(second) << second.problem().message;
    EXPECT_EQ((*first)->state().clients.find("ASURSO")->certificate_hash,
              (*second)->state().clients.find("ASURSO")->certificate_hash);
    // A key of the other profile is an error, not silently replaced.
    config.profile = crypto::Profile::rsa;
    const auto wrong = EsiaApp::create(config, {}, [] { return fixed_time(); });
    ASSERT_FALSE(wrong);
    EXPECT_THAT(wrong.problem().message, HasSubstr("crypto.profile is rsa"));
}

TEST(EsiaKeys, LoadOrGenerateAndCertificateFile) {
    const auto dir = keys_dir() / "common";
    const auto key = common::mock_key_file(dir, "x");
    const auto cert = common::mock_cert_file(dir, "x");
    auto made = common::load_or_generate_key(key, cert, crypto::Profile::gost, "X");
    ASSERT_TRUE(made.pair) << made.error;
    EXPECT_TRUE(made.generated);
    auto again = common::load_or_generate_key(key, cert, crypto::Profile::gost, "X");
    ASSERT_TRUE(again.pair);
    EXPECT_FALSE(again.generated);
    EXPECT_EQ(again.pair->certificate.der(), made.pair->certificate.der());
    const auto read = common::load_certificate_file(cert);
    ASSERT_TRUE(read);
    EXPECT_EQ(read->der(), made.pair->certificate.der());
    std::string error;
    EXPECT_FALSE(common::load_certificate_file(dir / "missing.pem", &error));
    EXPECT_THAT(error, HasSubstr("cannot read"));
}

} // namespace
} // namespace logintest::mocks::esia_testing
