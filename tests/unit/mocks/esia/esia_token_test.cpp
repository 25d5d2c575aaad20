// Handler-level tests of the token endpoint and the tokens (§15, §16): J3-07, N4-N6, N8-N11,
// N20, the check order of ESIA-TE-2, single consumption under concurrency (MOCK-HOST-7), the
// legacy endpoint and the refresh grant.
#include "crypto/base64url.hpp"
#include "esia_test_support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

namespace logintest::mocks::esia_testing {
namespace {

class EsiaToken : public EsiaTest {
protected:
    std::string state_of(const Fields& f) {
        for (const auto& [k, v] : f) {
            if (k == "state") {
                return v;
            }
        }
        return {};
    }

    void expect_error(const Response& r, std::string_view error, std::string_view code,
                      std::string_view state) {
        EXPECT_EQ(r.status, 400);
        EXPECT_EQ(r.header("Cache-Control"), "no-store"); // ESIA-TE-6
        EXPECT_EQ(r.header("Content-Type"), "application/json; charset=utf-8");
        const auto j = body_json(r);
        EXPECT_EQ(j.at("error").as_string(), error);
        EXPECT_THAT(std::string(j.at("error_description").as_string()),
                    StartsWith(std::string(code) + ": "));
        EXPECT_EQ(j.at("state").as_string(), state);
        EXPECT_EQ(app->state().counters.keyed("te_errors", code), 1);
        app->state().counters.reset();
    }
};

TEST_F(EsiaToken, J307HappyPathTokensAndHeaders) {
    const std::string code = client.code_for();
    ASSERT_EQ(code.size(), 43u); // b64url of 32 bytes
    const Fields f = client.te_fields(code);
    const Response r = client.te(f);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.header("Cache-Control"), "no-store");
    EXPECT_EQ(r.header("Pragma"), "no-cache");
    const auto j = body_json(r).as_object();
    EXPECT_EQ(j.at("state").as_string(), state_of(f)); // the te request's state
    EXPECT_EQ(j.at("token_type"), "Bearer");
    EXPECT_EQ(j.at("expires_in"), 3600);
    EXPECT_EQ(j.at("refresh_token").as_string().size(), 43u);
    EXPECT_EQ(app->state().counters.event("te_ok"), 1);

    // ESIA-JWT-2, -3: the id token's header and claims.
    const std::string id_token(j.at("id_token").as_string());
    const auto [h, p] = jwt_parts(id_token);
    EXPECT_EQ(boost::json::serialize(h),
              R"({"alg":"GOST3410_2012_256","sbt":"id","typ":"JWT","ver":1})");
    const std::int64_t now = 1764358805; // fixed_time()
    EXPECT_EQ(p, boost::json::parse(R"({"aud":"CONFTEST","sub":1000299654,"nbf":1764358805,
        "iat":1764358805,"exp":1764362405,"auth_time":1764358805,"amr":"PWD","urn:esia:amd":"PWD",
        "iss":"http://esia.gosuslugi.ru/","urn:esia:sid":")" +
                                    std::string(p.at("urn:esia:sid").as_string()) + R"(",
        "urn:esia:sbj":{"urn:esia:sbj:typ":"P","urn:esia:sbj:is_tru":true,
        "urn:esia:sbj:oid":1000299654,"urn:esia:sbj:nam":"OID.1000299654",
        "urn:esia:sbj:lvl":"PR"}})"));
    EXPECT_TRUE(esia::is_uuid(p.at("urn:esia:sid").as_string()));
    EXPECT_EQ(p.at("iat").as_int64(), now);

    // ESIA-JWT-5, -6: the signature verifies with the certificate of /mock/esia/signing-cert.
    const Response pem = client.get("/mock/esia/signing-cert");
    ASSERT_EQ(pem.status, 200);
    const auto cert = crypto::Certificate::from_pem(pem.body);
    ASSERT_TRUE(cert);
    const auto last_dot = id_token.rfind('.');
    EXPECT_TRUE(cert->verify(id_token.substr(0, last_dot),
                             *crypto::b64url_decode(id_token.substr(last_dot + 1))));
    EXPECT_EQ(crypto::b64url_decode(id_token.substr(last_dot + 1))->size(), 64u);
    // Also the file of esia.signing_cert_file.
    EXPECT_EQ(cert->der(), app->state().keys.signing->certificate.der());

    // ESIA-JWT-4: the access token.
    const auto [ah, ap] = jwt_parts(j.at("access_token").as_string());
    EXPECT_EQ(ah.at("sbt"), "access");
    EXPECT_EQ(ap.at("scope"), "openid fullname?oid=1000299654");
    EXPECT_EQ(ap.at("urn:esia:sbj_id"), 1000299654);
    EXPECT_EQ(ap.at("client_id"), "CONFTEST");
    EXPECT_EQ(ap.at("exp").as_int64() - ap.at("iat").as_int64(), 3600);
    EXPECT_EQ(ap.at("urn:esia:sid"), p.at("urn:esia:sid"));
}

TEST_F(EsiaToken, AuthTimeIsTheAuthenticationTime) {
    const std::string code = client.code_for();
    app->state().clock.advance(std::chrono::seconds(30));
    const auto j = body_json(client.te(client.te_fields(code)));
    const auto [h, p] = jwt_parts(j.at("id_token").as_string());
    EXPECT_EQ(p.at("auth_time").as_int64(), 1764358805);
    EXPECT_EQ(p.at("iat").as_int64(), 1764358835);
}

TEST_F(EsiaToken, UntrustedAndChildAccountsClaims) {
    const auto code = client.code_for("+7(963)1112233", "Unc0nf!rm6"); // E6 (CONFTEST allows)
    const auto [h, p] =
        jwt_parts(body_json(client.te(client.te_fields(code))).at("id_token").as_string());
    EXPECT_FALSE(p.at("urn:esia:sbj").as_object().contains("urn:esia:sbj:is_tru"));
    EXPECT_EQ(p.at("urn:esia:sbj").at("urn:esia:sbj:lvl"), "P");
    client.cookies.clear();
    const auto kid = client.code_for("masha.petrova@example.ru", "Kid!Acc5"); // E5
    const auto [h2, p2] =
        jwt_parts(body_json(client.te(client.te_fields(kid))).at("id_token").as_string());
    EXPECT_EQ(p2.at("urn:esia:sbj").at("urn:esia:sbj:lvl"), "KD");
}

TEST_F(EsiaToken, N4CodeReplayIsRefused) {
    const std::string code = client.code_for();
    EXPECT_EQ(client.te(client.te_fields(code)).status, 200);
    const Fields again = client.te_fields(code);
    expect_error(client.te(again), "invalid_grant", "ESIA-007011", state_of(again));
}

TEST_F(EsiaToken, N5AnotherClientsCodeIsNotConsumed) {
    client.start("ASURSO", std::string(asurso_callback));
    const std::string code = EsiaClient::code_of(client.api_login("+7(900)1234567", "Esia!Pass1"));
    const Fields theirs = client.te_fields(code, "CONFTEST", std::string(asurso_callback));
    expect_error(client.te(theirs), "invalid_grant", "ESIA-007011", state_of(theirs));
    // asurso can still redeem it.
    EXPECT_EQ(client.te(client.te_fields(code, "ASURSO", std::string(asurso_callback))).status,
              200);
}

TEST_F(EsiaToken, N6CodeExpiresAfterSixtySeconds) {
    const std::string code = client.code_for();
    app->state().clock.advance(std::chrono::seconds(61));
    const Fields f = client.te_fields(code);
    expect_error(client.te(f), "invalid_grant", "ESIA-007011", state_of(f));
}

TEST_F(EsiaToken, N8RedirectUriMismatchConsumesTheCode) {
    const std::string code = client.code_for();
    const Fields f = client.te_fields(code, "CONFTEST", "http://client.test/callback2");
    expect_error(client.te(f), "invalid_grant", "ESIA-007011", state_of(f));
    // ESIA-TE-3: consumed by the first request of its client that reached step 8.
    const Fields g = client.te_fields(code);
    expect_error(client.te(g), "invalid_grant", "ESIA-007011", state_of(g));
}

TEST_F(EsiaToken, ScopeMustBeTheSameSet) {
    const std::string code = client.code_for("+7(900)1234567", "Esia!Pass1", "openid fullname");
    const Fields reordered =
        client.te_fields(code, "CONFTEST", std::string(conftest_callback), "fullname openid");
    EXPECT_EQ(client.te(reordered).status, 200);
    client.cookies.clear();
    const std::string other = client.code_for();
    const Fields f =
        client.te_fields(other, "CONFTEST", std::string(conftest_callback), "openid birthdate");
    expect_error(client.te(f), "invalid_scope", "ESIA-007006", state_of(f));
}

TEST_F(EsiaToken, CheckOrderOfEsiaTe2) {
    const std::string code = client.code_for();
    // Step 1: every parameter.
    for (const std::string name :
         {"client_id", "code", "grant_type", "client_secret", "client_certificate_hash", "state",
          "redirect_uri", "scope", "timestamp", "token_type"}) {
        SCOPED_TRACE(name);
        Fields f = client.te_fields(code);
        const std::string state = name == "state" ? "" : state_of(f);
        set_field(f, name, std::nullopt);
        expect_error(client.te(f), "invalid_request", "ESIA-007014", state);
    }
    // Step 2: grant type (before the client is looked at).
    Fields f = client.te_fields(code);
    set_field(f, "grant_type", "refresh_token");
    set_field(f, "client_id", "NOBODY");
    expect_error(client.te(f), "unsupported_grant_type", "ESIA-007009", state_of(f));
    // Step 3: the client.
    f = client.te_fields(code);
    set_field(f, "client_id", "NOBODY");
    expect_error(client.te(f), "invalid_client", "ESIA-008010", state_of(f));
    // Step 4: the certificate hash (before the timestamp).
    f = client.te_fields(code);
    set_field(f, "client_certificate_hash", std::string(64, '0'));
    set_field(f, "timestamp", "bad");
    expect_error(client.te(f), "invalid_client", "ESIA-007053", state_of(f));
    // Step 5: the timestamp (before the signature).
    f = client.te_fields(code);
    set_field(f, "timestamp", client.timestamp(std::chrono::seconds(-301)));
    expect_error(client.te(f), "invalid_request", "ESIA-007015", state_of(f));
    // Step 6: the signature (N9 at te).
    f = client.te_fields(code);
    set_field(f, "scope", "openid fullname birthdate");
    expect_error(client.te(f), "invalid_client", "ESIA-007053", state_of(f));
    // Step 7: state UUID, token_type Bearer.
    f = client.te_fields(code);
    set_field(f, "state", "x");
    client.sign_te(f);
    expect_error(client.te(f), "invalid_request", "ESIA-007003", "x");
    f = client.te_fields(code);
    set_field(f, "token_type", "bearer");
    expect_error(client.te(f), "invalid_request", "ESIA-007003", state_of(f));
    // None of these consumed the code.
    EXPECT_EQ(client.te(client.te_fields(code)).status, 200);
}

// ESIA-TE-2 step 6, ESIA-SIG-3 (spec 1.2): the right signature with bytes appended or cut off is
// refused before it is verified, and the code stays usable.
TEST_F(EsiaToken, SignatureOfAnotherLengthIsRefused) {
    const std::string code = client.code_for();
    for (const int variant : {0, 1, 2}) {
        Fields f = client.te_fields(code);
        const std::string signature = *crypto::b64url_decode(f[3].second);
        const std::string wrong = variant == 0   ? signature + std::string(3, '\0')
                                  : variant == 1 ? signature + signature
                                                 : signature.substr(0, signature.size() - 3);
        set_field(f, "client_secret", crypto::b64url_encode(wrong));
        expect_error(client.te(f), "invalid_client", "ESIA-007053", state_of(f));
    }
    EXPECT_EQ(client.te(client.te_fields(code)).status, 200);
}

TEST_F(EsiaToken, GeneralRulesForTheBody) {
    const std::string code = client.code_for();
    // GEN-9: JSON instead of a form, a repeated parameter.
    Response json = client.send("POST", "/aas/oauth2/v3/te", "{}", "application/json");
    EXPECT_EQ(json.status, 400);
    EXPECT_EQ(body_json(json).at("error"), "invalid_request");
    app->state().counters.reset();
    Fields f = client.te_fields(code);
    f.emplace_back("code", code);
    expect_error(client.te(f), "invalid_request", "ESIA-007003", state_of(f));
    EXPECT_EQ(client.te(client.te_fields(code)).status, 200); // no side effect
}

TEST_F(EsiaToken, ACodeIsRedeemedOnceUnderConcurrency) {
    const std::string code = client.code_for();
    std::vector<Fields> requests;
    for (int i = 0; i < 8; ++i) {
        requests.push_back(client.te_fields(code));
    }
    std::atomic<int> ok{0};
    std::vector<std::thread> threads;
    for (const auto& f : requests) {
        threads.emplace_back([&, f] {
            EsiaClient c(*app);
            if (c.te(f).status == 200) {
                ++ok;
            }
        });
    }
    for (auto& t : threads) {
        t.join();
    }
    EXPECT_EQ(ok.load(), 1); // MOCK-HOST-7
}

TEST_F(EsiaToken, LegacyEndpointWithCms) {
    const std::string code = client.code_for();
    Fields f = client.te_fields(code);
    set_field(f, "client_certificate_hash", std::nullopt);
    const std::string message =
        esia::legacy_message("openid fullname", client.timestamp(), "CONFTEST", state_of(f));
    set_field(f, "client_secret",
              crypto::b64url_encode(crypto::cms_sign_detached(client.keys("CONFTEST"), message)));
    const Response r = client.te(f, "/aas/oauth2/te");
    EXPECT_EQ(r.status, 200) << r.body;
}

TEST_F(EsiaToken, RefreshGrantWhenEnabled) {
    auto config = test_config();
    config.refresh_grant = true;
    auto refresh_app = make_esia(config);
    EsiaClient c(*refresh_app);
    const std::string code = c.code_for();
    const auto first = body_json(c.te(c.te_fields(code)));
    const std::string refresh_token(first.at("refresh_token").as_string());
    Fields f = c.te_fields("");
    set_field(f, "code", std::nullopt);
    set_field(f, "grant_type", "refresh_token");
    set_field(f, "refresh_token", refresh_token);
    std::map<std::string, std::string> m(f.begin(), f.end());
    set_field(f, "client_secret",
              crypto::b64url_encode(
                  c.keys("CONFTEST")
                      .key.sign(esia::ac_message("CONFTEST", m["scope"], "", m["timestamp"],
                                                 m["state"], m["redirect_uri"]))));
    const Response r = c.te(f);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_NE(body_json(r).at("refresh_token"), first.at("refresh_token"));
    // Single-use.
    EXPECT_EQ(c.te(f).status, 400);
}

TEST_F(EsiaToken, RsaProfileSignsWithRs256) {
    auto rsa = make_esia(test_config(crypto::Profile::rsa));
    EsiaClient c(*rsa);
    const std::string code = c.code_for();
    const Response r = c.te(c.te_fields(code));
    ASSERT_EQ(r.status, 200) << r.body;
    const std::string id_token(body_json(r).at("id_token").as_string());
    EXPECT_EQ(jwt_parts(id_token).first.at("alg"), "RS256");
    const auto dot = id_token.rfind('.');
    EXPECT_TRUE(rsa->state().keys.signing->certificate.verify(
        id_token.substr(0, dot), *crypto::b64url_decode(id_token.substr(dot + 1))));
}

} // namespace
} // namespace logintest::mocks::esia_testing
