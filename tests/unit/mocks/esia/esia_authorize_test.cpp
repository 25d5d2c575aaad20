// Handler-level tests of the esia authorization endpoint (§13, ESIA-AC-1..8): the happy path,
// every step of ESIA-AC-2 as a page or a redirect, GEN-9, single sign-on, the legacy endpoint.
#include "crypto/base64url.hpp"
#include "esia_test_support.hpp"

#include "crypto/gost.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace logintest::mocks::esia_testing {
namespace {

class EsiaAuthorize : public EsiaTest {
protected:
    std::int64_t ac_errors(std::string_view code) {
        return app->state().counters.keyed("ac_errors", code);
    }

    // ac with one field changed (nullopt removes it), re-signed unless `resign` is false.
    Response ac_with(const std::string& name, std::optional<std::string> value,
                     bool resign = true) {
        last = client.ac_fields();
        set_field(last, name, std::move(value));
        if (resign) {
            client.sign_ac(last);
        }
        return client.ac(last);
    }
    std::string last_state() const {
        for (const auto& [k, v] : last) {
            if (k == "state") {
                return v;
            }
        }
        return {};
    }
    Fields last;

    void expect_page(const Response& r, std::string_view code) {
        EXPECT_EQ(r.status, 400);
        EXPECT_EQ(r.header("Content-Type"), "text/html; charset=utf-8");
        EXPECT_THAT(r.body, HasSubstr("<h1 id=\"error-title\">Ошибка</h1>"));
        EXPECT_THAT(r.body, HasSubstr("<p id=\"error-code\">" + std::string(code) + "</p>"));
        EXPECT_THAT(r.body, HasSubstr("<p id=\"error-description\">"));
        EXPECT_FALSE(r.header("Location")); // ESIA-AC-3
        EXPECT_TRUE(r.headers_named("Set-Cookie").empty());
        EXPECT_EQ(ac_errors(code), 1);
    }

    void expect_redirect(const Response& r, std::string_view error, std::string_view code,
                         std::optional<std::string> state) {
        ASSERT_EQ(r.status, 302);
        const std::string location(*r.header("Location"));
        EXPECT_THAT(location, StartsWith(std::string(conftest_callback) + "?error="));
        EXPECT_EQ(url_param(location, "error"), error);
        EXPECT_THAT(*url_param(location, "error_description"),
                    StartsWith(std::string(code) + ": "));
        EXPECT_EQ(url_param(location, "state"), state); // ESIA-AC-7
        EXPECT_TRUE(r.headers_named("Set-Cookie").empty());
        EXPECT_EQ(ac_errors(code), 1);
    }
};

TEST_F(EsiaAuthorize, HappyPathRedirectsToLoginAndSetsAHostOnlySessionCookie) {
    const Response r = client.start();
    ASSERT_EQ(r.status, 302);
    EXPECT_EQ(r.header("Location"), "http://esia.gosuslugi.ru:8080/login/"); // ESIA-AC-6
    const auto cookies = r.headers_named("Set-Cookie");
    ASSERT_EQ(cookies.size(), 1u);
    // ESIA-AC-5, MOCK-HOST-6: b64url of 32 bytes, host-only, Path=/, HttpOnly, no Secure.
    EXPECT_THAT(std::string(cookies[0]),
                MatchesRegex("ESIA_SESSION=[A-Za-z0-9_-]{43}; Path=/; HttpOnly"));
    EXPECT_EQ(app->state().counters.event("ac_ok"), 1);
}

TEST_F(EsiaAuthorize, SecureCookieWithTls) {
    auto config = test_config();
    config.tls = true;
    auto tls_app = make_esia(config);
    EsiaClient tls_client(*tls_app);
    const Response r = tls_client.start();
    EXPECT_THAT(std::string(r.headers_named("Set-Cookie").at(0)), HasSubstr("; HttpOnly; Secure"));
}

TEST_F(EsiaAuthorize, ASecondRequestKeepsTheSessionAndReplacesThePendingAuthorization) {
    client.start();
    const auto cookie = client.cookies.at("ESIA_SESSION");
    const Response again = client.start();
    EXPECT_EQ(again.status, 302);
    EXPECT_TRUE(again.headers_named("Set-Cookie").empty());
    EXPECT_EQ(client.cookies.at("ESIA_SESSION"), cookie);
    // The login now answers for the second authorization's state.
    const Response done = client.api_login("+7(900)1234567", "Esia!Pass1");
    const auto url = std::string(body_json(done).at("redirect_url").as_string());
    EXPECT_EQ(url_param(url, "state"), client.last_ac[6].second);
}

TEST_F(EsiaAuthorize, Step1MissingClientIdOrRedirectUriIsAPage) {
    expect_page(ac_with("client_id", std::nullopt, false), "ESIA-007014");
    app->state().counters.reset();
    expect_page(ac_with("redirect_uri", "", false), "ESIA-007014");
}

TEST_F(EsiaAuthorize, Step2UnknownClientIsAPage) {
    expect_page(ac_with("client_id", "NOBODY", false), "ESIA-008010");
    EXPECT_THAT(ac_with("client_id", "NOBODY", false).body,
                HasSubstr("Failed to authenticate the client system"));
}

TEST_F(EsiaAuthorize, Step3UnregisteredRedirectUriIsAPageWithoutLocation) {
    const Response r = ac_with("redirect_uri", "http://evil.test/callback");
    expect_page(r, "ESIA-007023");
    EXPECT_THAT(r.body, HasSubstr("The redirect_uri is not registered for the client"));
}

TEST_F(EsiaAuthorize, Step4MissingParametersRedirectWithTheState) {
    for (const std::string name :
         {"client_secret", "client_certificate_hash", "response_type", "timestamp", "scope"}) {
        SCOPED_TRACE(name);
        app->state().counters.reset();
        Fields f = client.ac_fields();
        const std::string state = f[6].second;
        set_field(f, name, std::nullopt);
        expect_redirect(client.ac(f), "invalid_request", "ESIA-007014", state);
    }
    app->state().counters.reset();
    expect_redirect(ac_with("state", std::nullopt), "invalid_request", "ESIA-007014",
                    std::nullopt); // state omitted when absent
}

TEST_F(EsiaAuthorize, Step5EmptyScope) {
    const Response r = ac_with("scope", "");
    expect_redirect(r, "invalid_scope", "ESIA-007013", last_state());
}

TEST_F(EsiaAuthorize, Step6ResponseTypeMustBeCode) {
    Fields f = client.ac_fields();
    set_field(f, "response_type", "token");
    expect_redirect(client.ac(f), "unsupported_response_type", "ESIA-007012", f[6].second);
}

TEST_F(EsiaAuthorize, Step7ScopeNeedsOpenidAndAllowedScopes) {
    Fields f = client.ac_fields("CONFTEST", std::string(conftest_callback), "fullname");
    expect_redirect(client.ac(f), "invalid_scope", "ESIA-007006", f[6].second);
    app->state().counters.reset();
    // ASURSO may not ask for snils.
    Fields g = client.ac_fields("ASURSO", std::string(asurso_callback), "openid snils");
    const Response r = client.ac(g);
    ASSERT_EQ(r.status, 302);
    EXPECT_THAT(std::string(*r.header("Location")),
                StartsWith(std::string(asurso_callback) + "?error=invalid_scope"));
}

TEST_F(EsiaAuthorize, Step8StateMustBeAUuidInAnyCase) {
    Fields f = client.ac_fields();
    set_field(f, "state", "not-a-uuid");
    client.sign_ac(f);
    expect_redirect(client.ac(f), "invalid_request", "ESIA-007003", "not-a-uuid");
    Fields upper = client.ac_fields("CONFTEST", std::string(conftest_callback), "openid fullname",
                                    "7B1A3C2E-9D4F-4E6A-8B2C-1F0E9D8C7B6A");
    EXPECT_EQ(*client.ac(upper).header("Location"), "http://esia.gosuslugi.ru:8080/login/");
}

TEST_F(EsiaAuthorize, Step9TimestampWindowAndFormat) {
    for (const auto skew : {std::chrono::seconds(-301), std::chrono::seconds(301)}) {
        app->state().counters.reset();
        Fields f = client.ac_fields();
        set_field(f, "timestamp", client.timestamp(skew));
        client.sign_ac(f);
        expect_redirect(client.ac(f), "invalid_request", "ESIA-007015", f[6].second);
    }
    for (const auto skew : {std::chrono::seconds(-300), std::chrono::seconds(300)}) {
        Fields f = client.ac_fields();
        set_field(f, "timestamp", client.timestamp(skew));
        client.sign_ac(f);
        EXPECT_EQ(client.ac(f).header("Location"), "http://esia.gosuslugi.ru:8080/login/");
    }
    app->state().counters.reset();
    const Response malformed = ac_with("timestamp", "2025-11-28T22:40:05+03:00");
    expect_redirect(malformed, "invalid_request", "ESIA-007015", last_state());
}

TEST_F(EsiaAuthorize, Step9EsiaClockDecides) {
    Fields f = client.ac_fields();
    app->state().clock.advance(std::chrono::seconds(600));
    const Response r = client.ac(f);
    EXPECT_EQ(url_param(*r.header("Location"), "error_description"),
              "ESIA-007015: The request timestamp is invalid");
}

TEST_F(EsiaAuthorize, Step10CertificateHashOfThePemIsRefused) {
    Fields f = client.ac_fields();
    const auto& cert = client.keys("CONFTEST").certificate;
    set_field(f, "client_certificate_hash", crypto::streebog256_hex(cert.pem())); // N10
    expect_redirect(client.ac(f), "unauthorized_client", "ESIA-007053", f[6].second);
    // Case is ignored.
    Fields upper = client.ac_fields();
    std::string hash = upper[2].second;
    for (auto& c : hash) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    set_field(upper, "client_certificate_hash", hash);
    EXPECT_EQ(client.ac(upper).header("Location"), "http://esia.gosuslugi.ru:8080/login/");
}

TEST_F(EsiaAuthorize, Step11SignatureMustVerifyOverTheMessage) {
    // N9: a parameter changed after signing.
    Fields f = client.ac_fields();
    set_field(f, "scope", "openid fullname birthdate");
    expect_redirect(client.ac(f), "unauthorized_client", "ESIA-007053", f[6].second);
    // N9: a flipped byte.
    app->state().counters.reset();
    Fields g = client.ac_fields();
    auto sig = *crypto::b64url_decode(g[1].second);
    sig[5] = static_cast<char>(sig[5] ^ 0x01);
    set_field(g, "client_secret", crypto::b64url_encode(sig));
    expect_redirect(client.ac(g), "unauthorized_client", "ESIA-007053", g[6].second);
    // Another client's key.
    app->state().counters.reset();
    Fields h = client.ac_fields();
    const auto message = esia::ac_message("CONFTEST", "openid fullname", "", h[7].second,
                                          h[6].second, std::string(conftest_callback));
    set_field(h, "client_secret", crypto::b64url_encode(client.keys("ASURSO").key.sign(message)));
    expect_redirect(client.ac(h), "unauthorized_client", "ESIA-007053", h[6].second);
}

// ESIA-SIG-3 (spec 1.2): a signature of any other length than the profile's is refused before it
// is verified; the gost engine alone verifies the first 64 bytes of a longer one.
TEST_F(EsiaAuthorize, Step11SignatureOfAnotherLengthIsRefused) {
    for (const int variant : {0, 1, 2}) {
        app->state().counters.reset();
        Fields f = client.ac_fields();
        const std::string signature = *crypto::b64url_decode(f[1].second);
        const std::string wrong = variant == 0   ? signature + std::string(3, '\0')
                                  : variant == 1 ? signature + signature
                                                 : signature.substr(0, signature.size() - 3);
        set_field(f, "client_secret", crypto::b64url_encode(wrong));
        expect_redirect(client.ac(f), "unauthorized_client", "ESIA-007053", f[6].second);
    }
    EXPECT_EQ(client.ac(client.ac_fields()).header("Location"),
              "http://esia.gosuslugi.ru:8080/login/");
}

TEST_F(EsiaAuthorize, PaddedClientSecretIsAccepted) {
    Fields f = client.ac_fields();
    std::string secret = f[1].second;
    while (secret.size() % 4 != 0) {
        secret += '=';
    }
    set_field(f, "client_secret", secret);
    EXPECT_EQ(client.ac(f).header("Location"), "http://esia.gosuslugi.ru:8080/login/");
}

TEST_F(EsiaAuthorize, ScopeOrgIsPartOfTheMessage) {
    Fields f = client.ac_fields();
    set_field(f, "scope_org", "org");
    client.sign_ac(f);
    EXPECT_EQ(client.ac(f).header("Location"), "http://esia.gosuslugi.ru:8080/login/");
    set_field(f, "scope_org", "other");
    EXPECT_EQ(client.ac(f).status, 302);
    EXPECT_NE(client.ac(f).header("Location"), "http://esia.gosuslugi.ru:8080/login/");
}

TEST_F(EsiaAuthorize, RedirectUriWithQueryGetsAmpersand) {
    app->state().clients.patch("CONFTEST", {std::nullopt, std::nullopt,
                                            std::vector<std::string>{"http://client.test/cb?x=1"}});
    Fields f = client.ac_fields("CONFTEST", "http://client.test/cb?x=1");
    set_field(f, "response_type", "token");
    const Response r = client.ac(f);
    EXPECT_THAT(std::string(*r.header("Location")),
                StartsWith("http://client.test/cb?x=1&error=unsupported_response_type&"));
}

TEST_F(EsiaAuthorize, ErrorDescriptionIsFormEncoded) {
    Fields f = client.ac_fields();
    set_field(f, "timestamp", "bad");
    client.sign_ac(f);
    const Response r = client.ac(f);
    EXPECT_EQ(std::string(*r.header("Location")),
              std::string(conftest_callback) +
                  "?error=invalid_request&error_description=ESIA-007015%3A+The+request+"
                  "timestamp+is+invalid&state=" +
                  f[6].second);
}

TEST_F(EsiaAuthorize, RepeatedParametersAreRefusedWithoutSideEffects) {
    // GEN-9: a repeated state -> redirect with ESIA-007003, no session.
    Fields f = client.ac_fields();
    f.emplace_back("state", common::random_uuid4());
    expect_redirect(client.ac(f), "invalid_request", "ESIA-007003", f[6].second);
    EXPECT_TRUE(client.cookies.empty());
    // A repeated redirect_uri -> a page.
    app->state().counters.reset();
    Fields g = client.ac_fields();
    g.emplace_back("redirect_uri", std::string(conftest_callback));
    expect_page(client.ac(g), "ESIA-007003");
}

TEST_F(EsiaAuthorize, SingleSignOnRedirectsStraightToTheCallback) {
    client.start();
    ASSERT_EQ(body_json(client.api_login("+79001234567", "Esia!Pass1")).at("action"), "DONE");
    const Response r = client.start(); // ESIA-AC-6, J3-05
    ASSERT_EQ(r.status, 302);
    const std::string location(*r.header("Location"));
    EXPECT_THAT(location, StartsWith(std::string(conftest_callback) + "?code="));
    EXPECT_EQ(url_param(location, "state"), client.last_ac[6].second);
    EXPECT_EQ(app->state().counters.event("codes_issued"), 2);
}

TEST_F(EsiaAuthorize, SingleSignOnStillRefusesAnUntrustedAccountForARequireTrustedClient) {
    client.start("ASURSO", std::string(asurso_callback));
    app->state().clients.patch("ASURSO", {false, std::nullopt, std::nullopt});
    ASSERT_EQ(body_json(client.api_login("+7(963)1112233", "Unc0nf!rm6")).at("action"), "DONE");
    app->state().clients.patch("ASURSO", {true, std::nullopt, std::nullopt});
    const Response r = client.start("ASURSO", std::string(asurso_callback));
    EXPECT_EQ(url_param(*r.header("Location"), "error"), "access_denied");
    EXPECT_THAT(*url_param(*r.header("Location"), "error_description"),
                StartsWith("ESIA-007055: "));
}

TEST_F(EsiaAuthorize, LegacyEndpointTakesACmsSecretWithoutCertificateHash) {
    Fields f = client.ac_fields();
    set_field(f, "client_certificate_hash", std::nullopt);
    std::map<std::string, std::string> m(f.begin(), f.end());
    const auto legacy = esia::legacy_message(m["scope"], m["timestamp"], "CONFTEST", m["state"]);
    set_field(f, "client_secret",
              crypto::b64url_encode(crypto::cms_sign_detached(client.keys("CONFTEST"), legacy)));
    EXPECT_EQ(client.ac(f, "/aas/oauth2/ac").header("Location"),
              "http://esia.gosuslugi.ru:8080/login/");
    // The raw v2 signature is not a CMS.
    Fields raw = client.ac_fields();
    EXPECT_EQ(url_param(*client.ac(raw, "/aas/oauth2/ac").header("Location"), "error"),
              "unauthorized_client");
}

TEST_F(EsiaAuthorize, FullStoresAnswer503AndEvictNothing) {
    // MOCK-CAP-1: one live session at most; the second client is refused, the first lives on.
    auto config = test_config();
    config.max_sessions = 1;
    config.max_pending = 1;
    auto small = make_esia(config);
    EsiaClient first(*small);
    EsiaClient second(*small);
    EXPECT_EQ(first.start().status, 302);
    const Response full = second.start();
    EXPECT_EQ(full.status, 503);
    EXPECT_EQ(full.header("Retry-After"), "1");
    EXPECT_EQ(full.body, R"({"message":"Сервис временно недоступен"})");
    // One code at most: the first login gets it, the next one (same session) 503.
    EXPECT_EQ(body_json(first.api_login("+79001234567", "Esia!Pass1")).at("action"), "DONE");
    EXPECT_EQ(first.start().status, 503); // single sign-on would issue a second code
    // Expired entries make room again.
    small->state().clock.advance(std::chrono::seconds(61));
    EXPECT_EQ(first.start().status, 302);
}

TEST_F(EsiaAuthorize, LegacyEndpointsCanBeSwitchedOff) {
    auto config = test_config();
    config.legacy_endpoints = false;
    auto off = make_esia(config);
    EsiaClient c(*off);
    EXPECT_EQ(c.get("/aas/oauth2/ac").status, 404);
    EXPECT_EQ(c.send("POST", "/aas/oauth2/te").status, 404);
}

} // namespace
} // namespace logintest::mocks::esia_testing
