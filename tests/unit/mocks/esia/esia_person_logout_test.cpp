// Handler-level tests of person data (§20, ESIA-RS-1..3; J3-08) and logout (§19,
// ESIA-LOGOUT-1..5; J10-04, J10-05).
#include "crypto/base64url.hpp"
#include "esia_test_support.hpp"
#include "support/url/percent.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace logintest::mocks::esia_testing {
namespace {

class EsiaPersonData : public EsiaTest {
protected:
    std::string access_token(std::string scope = "openid fullname") {
        const std::string code = client.code_for("+7(900)1234567", "Esia!Pass1", scope);
        const auto j = body_json(
            client.te(client.te_fields(code, "CONFTEST", std::string(conftest_callback), scope)));
        return std::string(j.at("access_token").as_string());
    }
    Response prns(const std::string& path, const std::string& token) {
        std::vector<common::Header> headers;
        if (!token.empty()) {
            headers.push_back({"Authorization", "Bearer " + token});
        }
        return client.send("GET", path, {}, {}, headers);
    }
};

TEST_F(EsiaPersonData, J308NamesForTheTokensOid) {
    const std::string token = access_token();
    const Response r = prns("/rs/prns/1000299654", token);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(body_json(r), boost::json::parse(R"({"stateFacts":["EntityRoot"],"firstName":"Елена",
        "lastName":"Иванова","middleName":"Петровна","trusted":true,"citizenship":"RUS",
        "updatedOn":1764358805})"));
}

TEST_F(EsiaPersonData, ScopesDecideTheFields) {
    const std::string token = access_token("openid fullname birthdate gender snils");
    const auto j = body_json(prns("/rs/prns/1000299654", token));
    EXPECT_EQ(j.at("birthDate"), "14.03.1985");
    EXPECT_EQ(j.at("gender"), "F");
    EXPECT_EQ(j.at("snils"), "123-456-789 64");
}

TEST_F(EsiaPersonData, RefusesMissingBadAndForeignTokens) {
    const std::string token = access_token();
    EXPECT_EQ(prns("/rs/prns/1000299654", "").status, 401);
    EXPECT_EQ(prns("/rs/prns/1000299654", "").body, R"({"error":"invalid_token"})");
    EXPECT_EQ(prns("/rs/prns/1000299654", "abc.def").status, 401);
    std::string tampered = token;
    tampered[tampered.size() - 5] = tampered[tampered.size() - 5] == 'A' ? 'B' : 'A';
    EXPECT_EQ(prns("/rs/prns/1000299654", tampered).status, 401);
    EXPECT_EQ(prns("/rs/prns/1000299655", token).status, 403); // another oid
    // The id token is not an access token.
    client.cookies.clear();
    const std::string code = client.code_for();
    const auto id_token =
        std::string(body_json(client.te(client.te_fields(code))).at("id_token").as_string());
    EXPECT_EQ(prns("/rs/prns/1000299654", id_token).status, 401);
    // Expired.
    app->state().clock.advance(std::chrono::seconds(3601));
    EXPECT_EQ(prns("/rs/prns/1000299654", token).status, 401);
}

// ESIA-RS-1, ESIA-JWT-5 (spec 1.2): a token whose signature has bytes appended or cut off is 401,
// although its first 64 bytes (or all it keeps) are the right signature.
TEST_F(EsiaPersonData, RefusesASignatureOfAnotherLength) {
    const std::string token = access_token();
    const auto dot = token.rfind('.');
    const std::string signature = *crypto::b64url_decode(token.substr(dot + 1));
    const std::string head = token.substr(0, dot + 1);
    for (const std::string& wrong : {signature + std::string(3, '\0'), signature + signature,
                                     signature.substr(0, signature.size() - 3)}) {
        const Response r = prns("/rs/prns/1000299654", head + crypto::b64url_encode(wrong));
        EXPECT_EQ(r.status, 401) << wrong.size();
        EXPECT_EQ(r.body, R"({"error":"invalid_token"})");
    }
    EXPECT_EQ(prns("/rs/prns/1000299654", token).status, 200);
}

TEST_F(EsiaPersonData, ContactsForMobileAndEmail) {
    const std::string token = access_token("openid mobile email");
    const auto list = body_json(prns("/rs/prns/1000299654/ctts", token));
    EXPECT_EQ(list, boost::json::parse(R"({"stateFacts":["hasSize"],"size":2,"elements":[
        "http://esia.gosuslugi.ru:8080/rs/prns/1000299654/ctts/1",
        "http://esia.gosuslugi.ru:8080/rs/prns/1000299654/ctts/2"]})"));
    const auto embedded = body_json(prns("/rs/prns/1000299654/ctts?embed=(elements)", token));
    EXPECT_EQ(embedded.at("elements"), boost::json::parse(R"([
        {"type":"MBT","vrfStu":"VERIFIED","value":"+7(900)1234567"},
        {"type":"EML","vrfStu":"VERIFIED","value":"e.ivanova@example.ru"}])"));
}

class EsiaLogout : public EsiaTest {
protected:
    void sign_in() {
        client.start("ASURSO", std::string(asurso_callback));
        ASSERT_EQ(body_json(client.api_login("+7(900)1234567", "Esia!Pass1")).at("action"), "DONE");
    }
};

TEST_F(EsiaLogout, J1004RedirectsToARegisteredPrefixAndEndsSingleSignOn) {
    sign_in();
    const auto old_cookie = client.cookies.at("ESIA_SESSION");
    const Response r = client.get("/idp/ext/Logout?client_id=ASURSO&redirect_url=" +
                                  support::percent_encode("http://asurso.ru:8080/"));
    ASSERT_EQ(r.status, 302);
    EXPECT_EQ(r.header("Location"), "http://asurso.ru:8080/");
    EXPECT_EQ(r.headers_named("Set-Cookie").at(0), "ESIA_SESSION=; Path=/; HttpOnly; Max-Age=0");
    EXPECT_TRUE(client.cookies.empty());
    // ESIA-LOGOUT-4: the next ac shows the login page, also with the old cookie value.
    client.cookies["ESIA_SESSION"] = old_cookie;
    EXPECT_EQ(client.start("ASURSO", std::string(asurso_callback)).header("Location"),
              "http://esia.gosuslugi.ru:8080/login/");
    EXPECT_EQ(app->state().counters.event("logouts"), 1);
}

TEST_F(EsiaLogout, J1005NoOpenRedirect) {
    sign_in();
    for (const std::string target :
         {"/idp/ext/Logout?client_id=ASURSO&redirect_url=http%3A%2F%2Fevil.test%2F",
          "/idp/ext/Logout?client_id=NOBODY&redirect_url=http%3A%2F%2Fasurso.ru%3A8080%2F",
          "/idp/ext/Logout?client_id=ASURSO&redirect_url=http%3A%2F%2Fasurso.ru%3A80800%2F",
          "/idp/ext/Logout?client_id=ASURSO"}) {
        SCOPED_TRACE(target);
        const Response r = client.get(target);
        EXPECT_EQ(r.status, 200);
        EXPECT_FALSE(r.header("Location"));
        EXPECT_THAT(r.body, HasSubstr("<h1 id=\"logout-title\">Вы вышли из системы</h1>"));
        EXPECT_EQ(r.headers_named("Set-Cookie").size(), 1u);
    }
}

// Issue 10, finding 2: CR, LF or NUL inside an allowed prefix split the 302 (an injected
// header and body). Such a redirect_url is no URI: the ESIA-LOGOUT-2 page, never a Location;
// the session still ends (ESIA-LOGOUT-1). Also under the open-logout-redirect defect.
TEST_F(EsiaLogout, ControlCharactersInRedirectUrlGetThePageNotARedirect) {
    for (const bool open_defect : {false, true}) {
        app->state().defects.set(open_defect ? std::vector<std::string>{"open-logout-redirect"}
                                             : std::vector<std::string>{});
        for (const std::string bad : {"%0D%0ASet-Cookie:%20x=1%0D%0A%0D%0A<html>", "%0Ax", "%0Dx",
                                      "%00x", "x%20y", "%09x"}) {
            SCOPED_TRACE(bad);
            sign_in();
            const Response r = client.get("/idp/ext/Logout?client_id=ASURSO&redirect_url=" +
                                          support::percent_encode("http://asurso.ru:8080/") + bad);
            EXPECT_EQ(r.status, 200);
            EXPECT_FALSE(r.header("Location"));
            EXPECT_THAT(r.body, HasSubstr("<h1 id=\"logout-title\">"));
            EXPECT_EQ(r.headers_named("Set-Cookie").size(), 1u);
            EXPECT_EQ(common::unsafe_header(r), nullptr);
        }
    }
}

TEST_F(EsiaLogout, IsIdempotentAndKeepsTokens) {
    client.start();
    const std::string code = EsiaClient::code_of(client.api_login("+7(900)1234567", "Esia!Pass1"));
    const Response first = client.get("/idp/ext/Logout?client_id=CONFTEST&redirect_url=" +
                                      support::percent_encode("http://client.test/bye"));
    const Response second = client.get("/idp/ext/Logout?client_id=CONFTEST&redirect_url=" +
                                       support::percent_encode("http://client.test/bye"));
    EXPECT_EQ(first.status, second.status);
    EXPECT_EQ(first.header("Location"), second.header("Location")); // ESIA-LOGOUT-3
    EXPECT_EQ(first.headers_named("Set-Cookie"), second.headers_named("Set-Cookie"));
    // ESIA-LOGOUT-5: an issued code still works.
    EXPECT_EQ(client.te(client.te_fields(code)).status, 200);
}

} // namespace
} // namespace logintest::mocks::esia_testing
