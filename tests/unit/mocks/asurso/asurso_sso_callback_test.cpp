// asurso's ESIA callback (§10.2, NS-ESIA-7..17) against a fake esia token endpoint on
// 127.0.0.1: the state check before any token request, ESIA error redirects, the real
// server-to-server token exchange (MOCK-HOST-4, ESIA-TE-1) and every token_error, the
// id_token check (ESIA-JWT-7), child and unconfirmed accounts, the loginState redirect
// without ESRNSec, and the asurso defects of the callback.
#include "asurso_sso_test_support.hpp"
#include "crypto/base64url.hpp"

#include "crypto/tls_material.hpp"
#include "mocks/asurso/esia_client_signing.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <thread>

namespace logintest::mocks::testing {
namespace {

using ::testing::MatchesRegex;

class AsursoSsoCallback : public AsursoSsoTest {
protected:
    // The callback answer for a code of `person` with a valid state.
    Response login(const TestPerson& person) { return client.esia_login(esia, person); }

    static std::string location(const Response& r) {
        return std::string(r.header("Location").value_or(""));
    }
    static std::string esia_error(std::string_view code) {
        return "http://asurso.ru:8080/app/login?esiaError=" + std::string(code);
    }
    static bool sets_esrnsec(const Response& r) {
        for (const auto c : r.headers_named("Set-Cookie")) {
            if (c.starts_with("ESRNSec")) {
                return true;
            }
        }
        return false;
    }
};

TEST_F(AsursoSsoCallback, ValidCodeGivesALoginStateRedirectWithoutEsrnsec) {
    const Response r = login(e2);
    ASSERT_EQ(r.status, 302);
    // NS-ESIA-14: <asurso>/app/login?loginState=<uuid>, found by loginState=([a-f0-9-]+).
    EXPECT_THAT(location(r), MatchesRegex("http://asurso\\.ru:8080/app/login\\?loginState="
                                          "[a-f0-9]{8}-[a-f0-9]{4}-4[a-f0-9]{3}-[a-f0-9]{4}-"
                                          "[a-f0-9]{12}"));
    EXPECT_FALSE(sets_esrnsec(r)); // NS-ESIA-15
    EXPECT_TRUE(r.headers_named("Set-Cookie").empty());
    EXPECT_EQ(event("esia_callbacks"), 1);
    EXPECT_EQ(event("te_calls"), 1);
    EXPECT_EQ(event("login_states_created"), 1);
    EXPECT_EQ(event("logins_ok"), 0); // NS-ESIA-15: no session
    EXPECT_EQ(app->state().sessions.size(app->state().now()), 0u);
}

TEST_F(AsursoSsoCallback, TokenRequestIsTheSignedFormOfEsiaTe1WithTheHostOfEsia) {
    ASSERT_EQ(login(e2).status, 302);
    const auto requests = esia.requests();
    ASSERT_EQ(requests.size(), 1u);
    const auto& te = requests[0];
    EXPECT_EQ(te.method, "POST");
    EXPECT_EQ(te.path, "/aas/oauth2/v3/te");
    EXPECT_EQ(te.host, "esia.gosuslugi.ru:8080"); // MOCK-HOST-4
    EXPECT_EQ(te.content_type, "application/x-www-form-urlencoded");
    const auto form = *common::parse_params(te.body);
    EXPECT_EQ(form.value_or_empty("client_id"), "ASURSO");
    EXPECT_THAT(std::string(form.value_or_empty("code")), ::testing::StartsWith("code-"));
    EXPECT_EQ(form.value_or_empty("grant_type"), "authorization_code");
    EXPECT_EQ(form.value_or_empty("redirect_uri"),
              "http://asurso.ru:8080/webapi/sso/esia/callback");
    EXPECT_EQ(form.value_or_empty("scope"), "openid fullname");
    EXPECT_EQ(form.value_or_empty("timestamp"), "2025.11.28 22:40:05 +0300");
    EXPECT_EQ(form.value_or_empty("token_type"), "Bearer");
    const auto cert = asurso_client_cert();
    EXPECT_EQ(form.value_or_empty("client_certificate_hash"), cert.hash_hex(test_profile()));
    // ESIA-TE-1: a new UUID state, not the authorization state.
    const std::string te_state(form.value_or_empty("state"));
    EXPECT_THAT(te_state, MatchesRegex("[a-f0-9]{8}-[a-f0-9]{4}-4[a-f0-9]{3}-[a-f0-9]{4}-"
                                       "[a-f0-9]{12}"));
    // ESIA-SIG-4: client_secret over the v3/te message.
    asurso::SignedRequestFields f{"ASURSO",
                                  "openid fullname",
                                  "",
                                  "2025.11.28 22:40:05 +0300",
                                  te_state,
                                  "http://asurso.ru:8080/webapi/sso/esia/callback",
                                  std::string(form.value_or_empty("code"))};
    const auto secret = crypto::b64url_decode(form.value_or_empty("client_secret"));
    ASSERT_TRUE(secret);
    EXPECT_TRUE(cert.verify(asurso::v3_te_message(f), *secret));
}

TEST_F(AsursoSsoCallback, WrongStateIsAStateMismatchWithoutATokenRequest) {
    client.crosslogin();
    const Response r = client.callback("code=" + esia.issue_code(e2) +
                                       "&state=7b1a3c2e-9d4f-4e6a-8b2c-1f0e9d8c7b6a");
    EXPECT_EQ(r.status, 302);
    EXPECT_EQ(location(r), esia_error("state_mismatch")); // NS-ESIA-8
    EXPECT_EQ(esia.te_count(), 0u);
    EXPECT_EQ(event("te_calls"), 0);
    EXPECT_EQ(event("esia_state_mismatch"), 1);
    EXPECT_EQ(event("login_states_created"), 0);
}

TEST_F(AsursoSsoCallback, ReplayedCallbackAndOtherSessionsAreStateMismatches) {
    const std::string state = client.crosslogin();
    const std::string query = "code=" + esia.issue_code(e2) + "&state=" + state;
    // N3: without the NSSESSIONID cookie, or with another session's.
    SsoClient stranger(*app);
    EXPECT_EQ(location(stranger.callback(query)), esia_error("state_mismatch"));
    stranger.crosslogin();
    EXPECT_EQ(location(stranger.callback(query)), esia_error("state_mismatch"));
    // The owner's first callback works; N2: its replay is a mismatch (single use).
    EXPECT_FALSE(SsoClient::login_state_of(client.callback(query)).empty());
    EXPECT_EQ(location(client.callback(query)), esia_error("state_mismatch"));
    EXPECT_EQ(esia.te_count(), 1u);
    EXPECT_EQ(event("esia_state_mismatch"), 3);
}

TEST_F(AsursoSsoCallback, ExpiredStateIsAMismatch) {
    const std::string state = client.crosslogin();
    app->state().clock.advance(std::chrono::seconds(601)); // NS-ESIA-3: state_ttl_s 600
    EXPECT_EQ(location(client.callback("code=" + esia.issue_code(e2) + "&state=" + state)),
              esia_error("state_mismatch"));
    EXPECT_EQ(esia.te_count(), 0u);
}

TEST_F(AsursoSsoCallback, AtMostFivePendingStatesThenTheOldestGoes) {
    std::vector<std::string> states;
    for (int i = 0; i < 6; ++i) {
        states.push_back(client.crosslogin());
    }
    // NS-ESIA-3: the sixth dropped the first.
    EXPECT_EQ(location(client.callback("code=" + esia.issue_code(e2) + "&state=" + states[0])),
              esia_error("state_mismatch"));
    EXPECT_FALSE(SsoClient::login_state_of(
                     client.callback("code=" + esia.issue_code(e2) + "&state=" + states[1]))
                     .empty());
}

TEST_F(AsursoSsoCallback, EsiaErrorsMapToTheirCodesAndConsumeTheState) {
    // NS-ESIA-9: ESIA-007004 -> esia_denied, ESIA-007055 -> unconfirmed_account, else
    // esia_error.
    std::string state = client.crosslogin();
    EXPECT_EQ(location(client.callback(
                  "error=access_denied&error_description=ESIA-007004%3A+denied&state=" + state)),
              esia_error("esia_denied"));
    state = client.crosslogin();
    EXPECT_EQ(location(client.callback(
                  "error=access_denied&error_description=ESIA-007055%3A+x&state=" + state)),
              esia_error("unconfirmed_account"));
    const std::string used = client.crosslogin();
    EXPECT_EQ(location(client.callback(
                  "error=invalid_request&error_description=ESIA-007015%3A+x&state=" + used)),
              esia_error("esia_error"));
    // NS-ESIA-8: the matching state was consumed anyway.
    EXPECT_EQ(location(client.callback("code=" + esia.issue_code(e2) + "&state=" + used)),
              esia_error("state_mismatch"));
    // NS-ESIA-10: no code.
    state = client.crosslogin();
    EXPECT_EQ(location(client.callback("code=&state=" + state)), esia_error("esia_error"));
    EXPECT_EQ(esia.te_count(), 0u);
}

TEST_F(AsursoSsoCallback, RepeatedParameterIsABadRequest) {
    const std::string state = client.crosslogin();
    EXPECT_EQ(client.callback("code=a&code=b&state=" + state).status, 400); // GEN-9
}

// NS-ESIA-11: every answer of the token endpoint that is not a usable token set.
TEST_F(AsursoSsoCallback, UnusableTokenResponsesAreTokenErrors) {
    const std::vector<
        std::pair<std::string, std::function<std::optional<Response>(const common::Params&)>>>
        cases = {
            {"status 500",
             [](const common::Params&) {
                 return std::optional<Response>(common::message(500, "boom"));
             }},
            {"status 400 ESIA error",
             [](const common::Params& f) {
                 return std::optional<Response>(common::json_text(
                     400, R"({"error":"invalid_grant","error_description":"ESIA-007011: x",)"
                          R"("state":")" +
                              std::string(f.value_or_empty("state")) + "\"}"));
             }},
            {"not JSON",
             [](const common::Params&) {
                 return std::optional<Response>(common::html(200, "<html></html>"));
             }},
            {"wrong state echo",
             [](const common::Params&) {
                 boost::json::object o{{"access_token", "a"},
                                       {"id_token", make_id_token(e2)},
                                       {"state", "00000000-0000-4000-8000-000000000000"},
                                       {"token_type", "Bearer"}};
                 return std::optional<Response>(common::json(200, o));
             }},
            {"missing id_token",
             [](const common::Params& f) {
                 boost::json::object o{{"access_token", "a"},
                                       {"state", std::string(f.value_or_empty("state"))},
                                       {"token_type", "Bearer"}};
                 return std::optional<Response>(common::json(200, o));
             }},
            {"missing access_token",
             [](const common::Params& f) {
                 boost::json::object o{{"id_token", make_id_token(e2)},
                                       {"state", std::string(f.value_or_empty("state"))},
                                       {"token_type", "Bearer"}};
                 return std::optional<Response>(common::json(200, o));
             }},
            {"token_type not Bearer",
             [](const common::Params& f) {
                 boost::json::object o{{"access_token", "a"},
                                       {"id_token", make_id_token(e2)},
                                       {"state", std::string(f.value_or_empty("state"))},
                                       {"token_type", "MAC"}};
                 return std::optional<Response>(common::json(200, o));
             }},
        };
    for (const auto& [name, answer] : cases) {
        esia.set_te_override(answer);
        const Response r = login(e2);
        EXPECT_EQ(location(r), esia_error("token_error")) << name;
        EXPECT_FALSE(sets_esrnsec(r)) << name;
    }
    EXPECT_EQ(event("te_calls"), static_cast<std::int64_t>(cases.size()));
    EXPECT_EQ(event("login_states_created"), 0);
}

TEST(AsursoSsoCallbackTransport, UnreachableEsiaIsATokenError) {
    // A port nobody listens on: connection refused.
    std::uint16_t port = 0;
    {
        boost::asio::io_context ioc;
        boost::asio::ip::tcp::acceptor a(ioc, {boost::asio::ip::make_address("127.0.0.1"), 0});
        port = a.local_endpoint().port();
    }
    auto app = make_sso_asurso("http://127.0.0.1:" + std::to_string(port));
    SsoClient client(*app);
    FakeEsia unused;
    const Response r = client.esia_login(unused, e2);
    EXPECT_EQ(r.header("Location"), "http://asurso.ru:8080/app/login?esiaError=token_error");
    EXPECT_EQ(app->state().counters.event("te_calls"), 1);
}

TEST(AsursoSsoCallbackTransport, SilentEsiaTimesOutAsATokenError) {
    FakeEsia esia;
    esia.set_never_answer(true);
    auto app = make_sso_asurso(esia.url(), [](asurso::AsursoConfig& c) {
        c.esia_client.backchannel_timeout_ms = 200; // NS-ESIA-11
    });
    SsoClient client(*app);
    const auto started = std::chrono::steady_clock::now();
    const Response r = client.esia_login(esia, e2);
    EXPECT_EQ(r.header("Location"), "http://asurso.ru:8080/app/login?esiaError=token_error");
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(3));
}

TEST(AsursoSsoCallbackTransport, StoppingTheAppAnswersAnExchangeInFlight) {
    FakeEsia esia;
    esia.set_never_answer(true);
    auto app = make_sso_asurso(
        esia.url(), [](asurso::AsursoConfig& c) { c.esia_client.backchannel_timeout_ms = 60000; });
    SsoClient client(*app);
    const std::string state = client.crosslogin();
    auto promise = std::make_shared<std::promise<Response>>();
    auto future = promise->get_future();
    Request req = common::make_request(
        "GET", "/webapi/sso/esia/callback?code=" + esia.issue_code(e2) + "&state=" + state,
        {{"Cookie", "NSSESSIONID=" + client.cookies.at("NSSESSIONID")}});
    app->handle(req,
                common::Responder([promise](Response r) { promise->set_value(std::move(r)); }));
    while (esia.te_count() == 0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    app->state().sso.backchannel.stop(); // what MockStack::stop() does first
    ASSERT_EQ(future.wait_for(std::chrono::seconds(5)), std::future_status::ready);
    EXPECT_EQ(future.get().header("Location"),
              "http://asurso.ru:8080/app/login?esiaError=token_error");
}

TEST(AsursoSsoCallbackTls, TokenExchangeOverTlsVerifiesEsiasCertificateAndName) {
    // MOCK-HOST-5: esia's certificate from the mock CA with the names of esia.
    const auto ca = crypto::generate_tls_ca("logintest test CA");
    ASSERT_TRUE(ca);
    const auto leaf =
        crypto::issue_tls_server_cert(*ca, "esia", {"esia.gosuslugi.ru", "127.0.0.2"});
    ASSERT_TRUE(leaf);
    common::ServerOptions options;
    options.tls_cert_pem = leaf->cert_pem;
    options.tls_key_pem = leaf->key_pem;
    FakeEsia esia(options);
    ASSERT_THAT(esia.url(), ::testing::StartsWith("https://"));
    const auto with = [&](std::string ca_pem, std::string esia_base) {
        return make_sso_asurso(esia.url(), [&](asurso::AsursoConfig& c) {
            c.tls_ca_pem = ca_pem;
            c.esia_public_base_url = esia_base;
        });
    };
    auto app = with(ca->cert_pem, "https://esia.gosuslugi.ru:8443");
    SsoClient client(*app);
    EXPECT_FALSE(client.login_state(esia, e2).empty());
    EXPECT_EQ(esia.requests().back().host, "esia.gosuslugi.ru:8443");
    // Another CA, or a name the certificate does not hold: no token exchange.
    const auto other_ca = crypto::generate_tls_ca("another CA");
    auto untrusted = with(other_ca->cert_pem, "https://esia.gosuslugi.ru:8443");
    SsoClient c2(*untrusted);
    EXPECT_EQ(c2.esia_login(esia, e2).header("Location"),
              "http://asurso.ru:8080/app/login?esiaError=token_error");
    auto misnamed = with(ca->cert_pem, "https://esia.example:8443");
    SsoClient c3(*misnamed);
    EXPECT_EQ(c3.esia_login(esia, e2).header("Location"),
              "http://asurso.ru:8080/app/login?esiaError=token_error");
}

// NS-ESIA-12: the id_token check of ESIA-JWT-7.
TEST_F(AsursoSsoCallback, InvalidIdTokensAreIdTokenInvalid) {
    using Edit = std::function<void(boost::json::object&, boost::json::object&)>;
    const std::vector<std::pair<std::string, Edit>> cases = {
        {"wrong aud", [](auto&, auto& p) { p["aud"] = "NOT-ASURSO"; }},
        {"expired", [](auto&, auto& p) { p["exp"] = epoch_s(fixed_time()) - 61; }},
        {"not yet valid", [](auto&, auto& p) { p["nbf"] = epoch_s(fixed_time()) + 61; }},
        {"issued in the future", [](auto&, auto& p) { p["iat"] = epoch_s(fixed_time()) + 61; }},
        {"wrong issuer", [](auto&, auto& p) { p["iss"] = "http://evil.test/"; }},
        {"wrong alg", [](auto& h, auto&) { h["alg"] = "HS256"; }},
        {"access token", [](auto& h, auto&) { h["sbt"] = "access"; }},
        {"organisation subject",
         [](auto&, auto& p) { p["urn:esia:sbj"].as_object()["urn:esia:sbj:typ"] = "O"; }},
        {"oid differs from sub", [](auto&, auto& p) { p["sub"] = 1; }},
    };
    for (const auto& [name, edit] : cases) {
        esia.set_te_override([&edit = edit](const common::Params& f) {
            boost::json::object o{{"access_token", "a"},
                                  {"id_token", make_id_token(e2, edit)},
                                  {"state", std::string(f.value_or_empty("state"))},
                                  {"token_type", "Bearer"}};
            return std::optional<Response>(common::json(200, o));
        });
        EXPECT_EQ(location(login(e2)), esia_error("id_token_invalid")) << name;
    }
    // A flipped signature byte, and a payload changed after signing.
    esia.set_te_override([](const common::Params& f) {
        std::string token = make_id_token(e2);
        auto& c = token[token.rfind('.') + 10]; // a signature byte (not the padding bits)
        c = c == 'A' ? 'B' : 'A';
        boost::json::object o{{"access_token", "a"},
                              {"id_token", token},
                              {"state", std::string(f.value_or_empty("state"))},
                              {"token_type", "Bearer"}};
        return std::optional<Response>(common::json(200, o));
    });
    EXPECT_EQ(location(login(e2)), esia_error("id_token_invalid"));
    esia.set_te_override([](const common::Params& f) {
        const std::string good = make_id_token(e2);
        const std::string other = make_id_token(e1);
        const auto d1 = good.find('.');
        const auto d2 = good.rfind('.');
        const auto o1 = other.find('.');
        const auto o2 = other.rfind('.');
        const std::string spliced =
            good.substr(0, d1) + other.substr(o1, o2 - o1) + good.substr(d2);
        boost::json::object o{{"access_token", "a"},
                              {"id_token", spliced},
                              {"state", std::string(f.value_or_empty("state"))},
                              {"token_type", "Bearer"}};
        return std::optional<Response>(common::json(200, o));
    });
    EXPECT_EQ(location(login(e2)), esia_error("id_token_invalid"));
    EXPECT_EQ(event("login_states_created"), 0);
}

// ESIA-JWT-5, -7 (spec 1.2): an id_token whose signature has bytes appended or cut off is
// refused before it is verified (the gost engine alone would accept the appended bytes).
TEST_F(AsursoSsoCallback, IdTokenSignatureOfAnotherLengthIsInvalid) {
    for (const int variant : {0, 1, 2}) {
        esia.set_te_override([variant](const common::Params& f) {
            const std::string token = make_id_token(e2);
            const auto dot = token.rfind('.');
            const std::string signature = *crypto::b64url_decode(token.substr(dot + 1));
            const std::string wrong = variant == 0   ? signature + std::string(3, '\0')
                                      : variant == 1 ? signature + signature
                                                     : signature.substr(0, signature.size() - 3);
            boost::json::object o{
                {"access_token", "a"},
                {"id_token", token.substr(0, dot + 1) + crypto::b64url_encode(wrong)},
                {"state", std::string(f.value_or_empty("state"))},
                {"token_type", "Bearer"}};
            return std::optional<Response>(common::json(200, o));
        });
        EXPECT_EQ(location(login(e2)), esia_error("id_token_invalid")) << variant;
    }
    EXPECT_EQ(event("login_states_created"), 0);
}

TEST_F(AsursoSsoCallback, SkewOf60SecondsIsTolerated) {
    esia.set_te_override([](const common::Params& f) {
        boost::json::object o{{"access_token", "a"},
                              {"id_token", make_id_token(e2,
                                                         [](auto&, auto& p) {
                                                             p["exp"] = epoch_s(fixed_time()) - 59;
                                                             p["nbf"] = epoch_s(fixed_time()) + 60;
                                                             p["iat"] = epoch_s(fixed_time()) + 60;
                                                         })},
                              {"state", std::string(f.value_or_empty("state"))},
                              {"token_type", "Bearer"}};
        return std::optional<Response>(common::json(200, o));
    });
    EXPECT_FALSE(SsoClient::login_state_of(login(e2)).empty());
}

TEST(AsursoSsoCallbackKeys, MissingEsiaCertificateIsIdTokenInvalid) {
    FakeEsia esia;
    auto app = make_sso_asurso(esia.url(), [](asurso::AsursoConfig& c) {
        c.esia_client.esia_cert_file = (sso_keys_dir() / "no-such.pem").string();
    });
    SsoClient client(*app);
    EXPECT_EQ(client.esia_login(esia, e2).header("Location"),
              "http://asurso.ru:8080/app/login?esiaError=id_token_invalid");
}

TEST_F(AsursoSsoCallback, ChildAccountIsRefusedBeforeAnyLoginState) {
    EXPECT_EQ(location(login(e5)), esia_error("child_account")); // NS-ESIA-13, NS-AGE-5
    EXPECT_EQ(event("login_states_created"), 0);
}

TEST_F(AsursoSsoCallback, UnconfirmedAccountIsRefusedWhenTrustIsRequired) {
    EXPECT_EQ(location(login(e6)), esia_error("unconfirmed_account")); // NS-ESIA-13 step 7
    EXPECT_EQ(event("login_states_created"), 0);
}

TEST(AsursoSsoCallbackTrust, UnconfirmedAccountPassesWhenTrustIsNotRequired) {
    FakeEsia esia;
    auto app = make_sso_asurso(
        esia.url(), [](asurso::AsursoConfig& c) { c.esia_client.require_trusted = false; });
    SsoClient client(*app);
    const std::string ls = client.login_state(esia, e6);
    ASSERT_FALSE(ls.empty());
    const auto info = body_json(client.get("/webapi/sso/esia/account-info?loginState=" + ls));
    EXPECT_EQ(info.at("trusted"), false); // NS-ESIA-18: is_tru of the id_token
}

TEST_F(AsursoSsoCallback, ReservedLoginStateIsFilledByTheCallback) {
    const Response reserved = client.send("POST", "/webapi/auth/login-state", "mobile=1",
                                          "application/x-www-form-urlencoded");
    const std::string uuid(body_json(reserved).as_string());
    const std::string state = client.crosslogin("loginState=" + uuid); // NS-ESIA-6
    const Response r = client.callback("code=" + esia.issue_code(e2) + "&state=" + state);
    EXPECT_EQ(SsoClient::login_state_of(r), uuid);
    EXPECT_EQ(client.get("/webapi/sso/esia/account-info?loginState=" + uuid).status, 200);
}

TEST_F(AsursoSsoCallback, LegacyProtocolExchangesAtTheLegacyTokenEndpoint) {
    auto legacy = make_sso_asurso(
        esia.url(), [](asurso::AsursoConfig& c) { c.esia_client.protocol = "legacy"; });
    SsoClient lc(*legacy);
    EXPECT_FALSE(lc.login_state(esia, e2).empty());
    const auto te = esia.requests().back();
    EXPECT_EQ(te.path, "/aas/oauth2/te"); // NS-ESIA-4, ESIA-TE-7
    const auto form = *common::parse_params(te.body);
    EXPECT_FALSE(form.has("client_certificate_hash"));
    const auto cms = crypto::b64url_decode(form.value_or_empty("client_secret"));
    ASSERT_TRUE(cms);
    const std::string message = "openid fullname2025.11.28 22:40:05 +0300ASURSO" +
                                std::string(form.value_or_empty("state"));
    EXPECT_TRUE(crypto::cms_verify_detached(*cms, message, asurso_client_cert()));
}

// MOCK-DEF rows of the callback: each changes only its own behaviour.
TEST_F(AsursoSsoCallback, DefectSkipStateCheckAcceptsAnyState) {
    ASSERT_EQ(app->state().defects.set({"skip-state-check"}), "");
    SsoClient stranger(*app); // no session, no crosslogin
    const Response r =
        stranger.callback("code=" + esia.issue_code(e2) + "&state=not-a-pending-state");
    EXPECT_FALSE(SsoClient::login_state_of(r).empty());
    EXPECT_EQ(stranger.cookies.count("NSSESSIONID"), 1u); // the session it now belongs to
    EXPECT_EQ(event("esia_state_mismatch"), 0);
}

TEST_F(AsursoSsoCallback, DefectAcceptChildAccountLetsKdThrough) {
    ASSERT_EQ(app->state().defects.set({"accept-child-account"}), "");
    EXPECT_FALSE(SsoClient::login_state_of(login(e5)).empty());
    // Only that row: an unconfirmed account is still refused.
    EXPECT_EQ(location(login(e6)), esia_error("unconfirmed_account"));
}

TEST_F(AsursoSsoCallback, DefectSkipBindingPromptLogsAnUnboundAccountStraightIn) {
    ASSERT_EQ(app->state().defects.set({"skip-binding-prompt"}), "");
    esia.set_person_names("Смирнова", "Ольга");
    const Response r = login(e2);
    EXPECT_EQ(location(r), "http://asurso.ru:8080/app/school/main/");
    EXPECT_TRUE(sets_esrnsec(r));
    EXPECT_THAT(client.cookies.at("ESRNSec"), ::testing::StartsWith("ESRNSECR592660="));
    const auto prns = esia.requests().back();
    EXPECT_EQ(prns.path, "/rs/prns/1000299655");
    EXPECT_EQ(prns.authorization, "Bearer access.1000299655");
    // A name nobody has: the first fixture user.
    esia.set_person_names("Нетакой", "Никто");
    SsoClient other(*app);
    other.esia_login(esia, e3);
    EXPECT_THAT(other.cookies.at("ESRNSec"), ::testing::StartsWith("ESRNSECR592640="));
    // A bound account still gets its loginState.
    EXPECT_FALSE(SsoClient::login_state_of(login(e1)).empty());
}

} // namespace
} // namespace logintest::mocks::testing
