// asurso's start of the ESIA single sign-on (§10.1): the crosslogin redirect with every
// parameter of NS-ESIA-2, a client_secret that verifies with the ASURSO client certificate
// over the v2/ac message (ESIA-SIG-2..4), the pre-login session (NS-LOGIN-5), the legacy
// variant (NS-ESIA-4, ESIA-SIG-5) and the mobile-app loginState (NS-ESIA-6).
#include "asurso_sso_test_support.hpp"

#include "crypto/digest.hpp"
#include "mocks/asurso/esia_client_signing.hpp"
#include "tests/support/expect_text.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace logintest::mocks::testing {
namespace {

using test_support::expect_contains_all;
using ::testing::HasSubstr;
using ::testing::MatchesRegex;
using ::testing::StartsWith;

constexpr std::string_view uuid4_regex =
    "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

class AsursoSsoCrosslogin : public ::testing::Test {
protected:
    std::unique_ptr<asurso::AsursoApp> app = make_sso_asurso("http://127.0.0.1:9");
    SsoClient client{*app};
};

TEST_F(AsursoSsoCrosslogin, RedirectsToEsiaAcWithEveryParameterSigned) {
    const std::string state = client.crosslogin();
    const Response& r = client.last;
    ASSERT_EQ(r.status, 302);
    const std::string location(r.header("Location").value_or(""));
    // NS-ESIA-1, -2, MOCK-HOST-2: <esia>/aas/oauth2/v2/ac from the configured base URL.
    EXPECT_THAT(location, StartsWith("http://esia.gosuslugi.ru:8080/aas/oauth2/v2/ac?"));
    EXPECT_EQ(url_param(location, "client_id"), "ASURSO");
    EXPECT_EQ(url_param(location, "redirect_uri"),
              "http://asurso.ru:8080/webapi/sso/esia/callback");
    EXPECT_EQ(url_param(location, "scope"), "openid fullname");
    EXPECT_EQ(url_param(location, "response_type"), "code");
    EXPECT_EQ(url_param(location, "access_type"), "online");
    EXPECT_THAT(state, MatchesRegex(std::string(uuid4_regex)));
    // NS-ESIA-2: asurso's clock (19:40:05Z) in Moscow time.
    EXPECT_EQ(url_param(location, "timestamp"), "2025.11.28 22:40:05 +0300");
    // GEN-3 as in the spec's example: a space as '+', the offset's '+' as %2B.
    expect_contains_all(location,
                        {"&scope=openid+fullname&", "&timestamp=2025.11.28+22%3A40%3A05+%2B0300&",
                         "redirect_uri=http%3A%2F%2Fasurso.ru%3A8080%2Fwebapi%2Fsso"});

    // ESIA-SIG-2: the hash of the client certificate's DER.
    const auto cert = asurso_client_cert();
    EXPECT_EQ(url_param(location, "client_certificate_hash"), cert.hash_hex(test_profile()));
    EXPECT_THAT(url_param(location, "client_certificate_hash"), MatchesRegex("[0-9a-f]{64}"));
    // ESIA-SIG-3, -4: client_secret verifies over the v2/ac message.
    const auto secret = crypto::b64url_decode(url_param(location, "client_secret"));
    ASSERT_TRUE(secret);
    const std::string message = "ASURSOopenid fullname2025.11.28 22:40:05 +0300" + state +
                                "http://asurso.ru:8080/webapi/sso/esia/callback";
    EXPECT_TRUE(cert.verify(message, *secret));
    EXPECT_FALSE(cert.verify(message + "x", *secret));
    if (test_profile() == crypto::Profile::gost) {
        EXPECT_EQ(secret->size(), 64u);
    }
    // NS-LOGIN-5: a new NSSESSIONID.
    const auto cookies = r.headers_named("Set-Cookie");
    ASSERT_EQ(cookies.size(), 1u);
    EXPECT_THAT(std::string(cookies[0]),
                MatchesRegex("NSSESSIONID=[0-9a-f]{32}; Path=/; HttpOnly"));
}

TEST_F(AsursoSsoCrosslogin, KeepsAKnownNssessionidAndMakesANewStateEachTime) {
    const std::string first = client.crosslogin();
    const auto id = client.cookies.at("NSSESSIONID");
    const std::string second = client.crosslogin();
    EXPECT_TRUE(client.last.headers_named("Set-Cookie").empty()); // NS-LOGIN-5: kept
    EXPECT_EQ(client.cookies.at("NSSESSIONID"), id);
    EXPECT_NE(first, second); // NS-ESIA-2: a new UUID
}

TEST_F(AsursoSsoCrosslogin, LoginAliasAndIgnoredParameters) {
    const Response alias = client.get("/webapi/sso/esia/login");
    EXPECT_EQ(alias.status, 302); // NS-ESIA-1: MAY alias
    EXPECT_THAT(std::string(alias.header("Location").value_or("")),
                StartsWith("http://esia.gosuslugi.ru:8080/aas/oauth2/v2/ac?"));
    // NS-ESIA-1: esia_permissions and esia_role are accepted and ignored.
    const Response r = client.get("/webapi/sso/esia/crosslogin?esia_permissions=x&esia_role=y");
    EXPECT_EQ(r.status, 302);
    EXPECT_EQ(url_param(r.header("Location").value_or(""), "esia_role"), "");
    // GEN-9: a repeated parameter is refused.
    EXPECT_EQ(client.get("/webapi/sso/esia/crosslogin?esia_role=a&esia_role=b").status, 400);
}

TEST(AsursoSsoCrossloginOff, WithoutEsiaLoginTheEndpointIs404) {
    auto app = make_sso_asurso("http://127.0.0.1:9",
                               [](asurso::AsursoConfig& c) { c.esia_login_enabled = false; });
    Client client(*app);
    EXPECT_EQ(client.get("/webapi/sso/esia/crosslogin").status, 404); // NS-ESIA-1
}

TEST(AsursoSsoCrossloginLegacy, LegacyProtocolUsesAcAndACmsSignature) {
    auto app = make_sso_asurso("http://127.0.0.1:9",
                               [](asurso::AsursoConfig& c) { c.esia_client.protocol = "legacy"; });
    SsoClient client(*app);
    const std::string state = client.crosslogin();
    const std::string location(client.last.header("Location").value_or(""));
    // NS-ESIA-4, ESIA-AC-8: /aas/oauth2/ac without client_certificate_hash.
    EXPECT_THAT(location, StartsWith("http://esia.gosuslugi.ru:8080/aas/oauth2/ac?"));
    EXPECT_THAT(location, ::testing::Not(HasSubstr("client_certificate_hash")));
    // ESIA-SIG-5: detached CMS over scope || timestamp || client_id || state.
    const auto cms = crypto::b64url_decode(url_param(location, "client_secret"));
    ASSERT_TRUE(cms);
    const std::string message = "openid fullname2025.11.28 22:40:05 +0300ASURSO" + state;
    const auto cert = asurso_client_cert();
    EXPECT_TRUE(crypto::cms_verify_detached(*cms, message, cert));
    EXPECT_FALSE(crypto::cms_verify_detached(*cms, message + "x", cert));
}

TEST(AsursoSsoSigning, MoscowTimestampAndTheSpecMessages) {
    using namespace std::chrono;
    EXPECT_EQ(asurso::moscow_timestamp(fixed_time()), "2025.11.28 22:40:05 +0300");
    EXPECT_EQ(asurso::moscow_timestamp(sys_days{year{2025} / December / 31} + hours{21} +
                                       minutes{30} + milliseconds{999}),
              "2026.01.01 00:30:00 +0300");
    // ESIA-SIG-4 / -5: the worked examples of §17.
    asurso::SignedRequestFields f{"ASURSO",
                                  "openid fullname",
                                  "",
                                  "2025.11.28 22:40:05 +0300",
                                  "7b1a3c2e-9d4f-4e6a-8b2c-1f0e9d8c7b6a",
                                  "http://asurso.ru:8080/webapi/sso/esia/callback",
                                  ""};
    EXPECT_EQ(crypto::sha256_hex(asurso::v2_ac_message(f)),
              "0c620da8dbf912efb81d0de8da54c881853087a8535b353219e6bcf8a11418c9");
    if (crypto::gost_available()) {
        EXPECT_EQ(crypto::streebog256_hex(asurso::v2_ac_message(f)),
                  "98d9158532bb16da6aa5254628d41a2948a4db9110dbcbf4fc86e48a8fb7812d");
        EXPECT_EQ(crypto::streebog256_hex(asurso::legacy_message(f)),
                  "02559096a6cbd3fc426f94d9d6523042e4456a33da37e2b8b6a65a2d6a893cf8");
        f.timestamp = "2025.11.28 22:40:12 +0300";
        f.state = "1c9e4f70-3b2a-4d8e-9f61-5a7c2e0b4d93";
        f.code = "q3Vt0cZl9yN2mXo8Rb4sWd1eKf6gHj7iLp5aTu0vBc";
        EXPECT_EQ(crypto::streebog256_hex(asurso::v3_te_message(f)),
                  "ca8739f8f3d856a1b7f521843e9fc254fa21154f3393481607bce369caf20b92");
    }
}

TEST_F(AsursoSsoCrosslogin, LoginStateEndpointReservesALoginStateForTheSession) {
    const Response r = client.send("POST", "/webapi/auth/login-state", "mobile=1",
                                   "application/x-www-form-urlencoded");
    ASSERT_EQ(r.status, 200); // NS-ESIA-6
    const auto value = body_json(r);
    ASSERT_TRUE(value.is_string());
    EXPECT_THAT(std::string(value.as_string()), MatchesRegex(std::string(uuid4_regex)));
    EXPECT_EQ(client.cookies.count("NSSESSIONID"), 1u);
    // A reservation is not a usable loginState until a callback fills it (NS-ESIA-16).
    EXPECT_EQ(
        client.get("/webapi/sso/esia/account-info?loginState=" + std::string(value.as_string()))
            .status,
        400);
}

} // namespace
} // namespace logintest::mocks::testing
