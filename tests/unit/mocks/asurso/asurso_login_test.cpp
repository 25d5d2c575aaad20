// Handler-level tests of asurso's school-module login (§6.2-§6.7, §7, §9.4): logindata,
// getdata, /webapi/login, run against AsursoApp directly without a network.
#include "asurso_test_support.hpp"

#include "mocks/common/responses.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace logintest::mocks::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::MatchesRegex;

constexpr std::string_view role_unavailable_body =
    R"({"message":"Выбранная роль недоступна пользователю"})";
constexpr std::string_view bad_request_body = R"({"message":"Некорректный запрос"})";

class AsursoLogin : public AsursoTest {
protected:
    std::int64_t event(std::string_view name) { return app->state().counters.event(name); }
};

TEST_F(AsursoLogin, LogindataHasExactlyTheSpecFieldsAndSetsNssessionid) {
    const Response r = client.get("/webapi/logindata");
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.header("Content-Type"), "application/json; charset=utf-8"); // GEN-1
    EXPECT_EQ(body_json(r), boost::json::parse(R"({"productName":"АСУ РСО","version":"5.44.7850",
        "schoolLogin":true,"emLogin":false,"esiaLogin":true,
        "esiaLoginPage":"/webapi/sso/esia/crosslogin","esiaMainAuth":false,"esiaButton":true,
        "signatureLogin":false,"cacheVer":"639","windowsAuth":false,"enableSms":false,
        "esaLogin":false,"esaLoginPage":null})"));
    EXPECT_NE(r.body.find("АСУ РСО"), std::string::npos); // GEN-1: raw UTF-8, no \u escapes
    const auto cookies = r.headers_named("Set-Cookie");
    ASSERT_EQ(cookies.size(), 1u);
    EXPECT_THAT(std::string(cookies[0]),
                MatchesRegex("NSSESSIONID=[0-9a-f]{32}; Path=/; HttpOnly"));
}

TEST_F(AsursoLogin, LogindataKeepsAKnownNssessionidAndReplacesAnUnknownOne) {
    client.get("/webapi/logindata");
    const auto first = client.cookies.at("NSSESSIONID");
    const Response again = client.get("/webapi/logindata");
    EXPECT_TRUE(again.headers_named("Set-Cookie").empty()); // NS-LOGIN-5: kept
    client.cookies["NSSESSIONID"] = "0123456789abcdef0123456789abcdef";
    const Response unknown = client.get("/webapi/logindata");
    ASSERT_EQ(unknown.headers_named("Set-Cookie").size(), 1u);
    EXPECT_NE(client.cookies.at("NSSESSIONID"), first);
    EXPECT_NE(client.cookies.at("NSSESSIONID"), "0123456789abcdef0123456789abcdef");
}

TEST_F(AsursoLogin, GetdataGivesDigitStringsWithoutLeadingZeroAndOpensASession) {
    const Response r = client.send("POST", "/webapi/auth/getdata");
    ASSERT_EQ(r.status, 200);
    const auto j = body_json(r).as_object();
    EXPECT_EQ(j.size(), 3u);
    EXPECT_THAT(std::string(j.at("lt").as_string()), MatchesRegex("[1-9][0-9]{8}"));
    EXPECT_THAT(std::string(j.at("ver").as_string()), MatchesRegex("[1-9][0-9]{8}"));
    EXPECT_THAT(std::string(j.at("salt").as_string()), MatchesRegex("[1-9][0-9]{9}"));
    ASSERT_EQ(r.headers_named("Set-Cookie").size(), 1u);
    EXPECT_EQ(event("salts_issued"), 1);
}

TEST_F(AsursoLogin, OnlyTheLatestSaltIsValid) {
    const Salt first = client.getdata();
    const Salt second = client.getdata();
    EXPECT_NE(first.salt, second.salt);
    // NS-LOGIN-13: the first salt was replaced.
    const Response old =
        client.post_login(Client::login_fields(first, "ИвановИ", "Qwe123!z", 2436));
    EXPECT_EQ(old.status, 409);
    EXPECT_EQ(old.body, stale_salt_body);
    // The latest one works (after a new getdata: the failed attempt consumed it).
    EXPECT_EQ(client.login("ИвановИ", "Qwe123!z", 2436).status, 200);

    Client other(*app);
    other.getdata();
    const Salt latest = other.getdata();
    EXPECT_EQ(other.post_login(Client::login_fields(latest, "ИвановИ", "Qwe123!z", 2436)).status,
              200);
}

TEST_F(AsursoLogin, RightPasswordGivesTheNsLogin22Answer) {
    const Response r = client.login("ИвановИ", "Qwe123!z", 2436);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.header("Content-Type"), "application/json; charset=utf-8");
    EXPECT_EQ(r.header("Cache-Control"), "no-store");
    const auto j = body_json(r).as_object();
    EXPECT_THAT(std::string(j.at("at").as_string()), MatchesRegex("[0-9]{25}"));
    EXPECT_TRUE(j.at("code").is_null());
    EXPECT_EQ(j.at("timeOut").as_int64(), 3600000);
    EXPECT_THAT(std::string(j.at("accessToken").as_string()), MatchesRegex("[A-Za-z0-9_-]{43}"));
    EXPECT_THAT(std::string(j.at("refreshToken").as_string()), MatchesRegex("[A-Za-z0-9_-]{43}"));
    EXPECT_EQ(j.at("tokenType"), "Bearer");
    EXPECT_EQ(j.at("entryPoint"), "/app/school/main/");
    EXPECT_EQ(j.at("requestData"), boost::json::object{});
    EXPECT_TRUE(j.at("errorMessage").is_null());

    const auto& info = j.at("accountInfo").as_object();
    EXPECT_TRUE(info.at("activeToken").is_null());
    EXPECT_TRUE(info.at("secureActiveToken").is_string());
    EXPECT_EQ(info.at("currentOrganization"),
              boost::json::parse(R"({"id":2436,"name":"МБОУ Школа № 26 г.о. Самара"})"));
    EXPECT_EQ(info.at("user"), boost::json::parse(R"({"id":592640,"name":"Иванов И."})"));
    EXPECT_EQ(info.at("userRoles"),
              boost::json::parse(
                  R"([{"userId":592640,"schoolId":2436,"role":{"id":1,"name":"Ученик"}}])"));
    EXPECT_EQ(info.at("organizations"),
              boost::json::parse(R"([{"id":2436,"name":"МБОУ Школа № 26 г.о. Самара"}])"));
    // 23:40:05 in Samara at the fixed time (NS-LOGIN-22, +04:00, 7 fractional digits).
    EXPECT_EQ(info.at("loginTime"), "2025-11-28T23:40:05.0000000");
    EXPECT_EQ(info.at("active"), true);
    EXPECT_EQ(info.at("canLogin"), true);
    EXPECT_EQ(info.at("storeTokens"), true);
    EXPECT_EQ(info.at("accessToken"), j.at("accessToken"));

    // NS-SESSION-2: the clearing ESRNSec first, then the real one; then TTSLogin (NS-LOGIN-25).
    const auto cookies = r.headers_named("Set-Cookie");
    ASSERT_EQ(cookies.size(), 3u);
    EXPECT_EQ(cookies[0], "ESRNSec=; Path=/; HttpOnly");
    EXPECT_THAT(std::string(cookies[1]),
                MatchesRegex("ESRNSec=ESRNSECR592640=[0-9a-f]{32}; Path=/; HttpOnly"));
    EXPECT_EQ(cookies[2], "TTSLogin=CID=2&SID=1&PID=-1&CN=1&SFT=2&SCID=2436; Path=/; HttpOnly; "
                          "Max-Age=31536000");
    EXPECT_EQ(event("logins_ok"), 1);
}

TEST_F(AsursoLogin, LowercaseFieldSpellingsAreAccepted) {
    const Salt salt = client.getdata();
    const auto proof = crypto::netschool_proof("Qwe123!z", salt.salt);
    const Response r = client.post_login({{"loginType", "1"},
                                          {"scid", "2436"},
                                          {"un", "ИвановИ"},
                                          {"pw", proof.pw},
                                          {"pw2", proof.pw2},
                                          {"lt", salt.lt},
                                          {"ver", salt.ver}});
    EXPECT_EQ(r.status, 200) << r.body; // NS-LOGIN-17
}

TEST_F(AsursoLogin, CapitalisedSpellingWinsWhenBothArePresent) {
    const Salt salt = client.getdata();
    auto fields = Client::login_fields(salt, "ИвановИ", "Qwe123!z", 2436);
    fields.push_back({"un", "nobody"});
    fields.push_back({"pw", "00000000"});
    EXPECT_EQ(client.post_login(fields).status, 200); // NS-LOGIN-17
}

TEST_F(AsursoLogin, LoginIsTrimmedAndCaseInsensitive) {
    EXPECT_EQ(client.login("  иВАНОВи ", "Qwe123!z", 2436).status, 200); // NS-LOGIN-19
    EXPECT_EQ(client.login("SMIRNOVA.OV", "T3ach&Desk", 2436).status, 200);
}

TEST_F(AsursoLogin, WrongPasswordGivesTheExact409WithoutSessionCookie) {
    const Response r = client.login("ИвановИ", "wrong-password", 2436);
    EXPECT_EQ(r.status, 409);
    EXPECT_EQ(r.body, wrong_cred_body); // NS-LOGIN-20
    EXPECT_EQ(r.header("Content-Type"), "application/json; charset=utf-8");
    EXPECT_TRUE(r.headers_named("Set-Cookie").empty()); // NS-LOGIN-21
    EXPECT_EQ(event("logins_wrong_credentials"), 1);
    EXPECT_EQ(app->state().users.find(2436, "ИвановИ")->failed_count, 1);
}

TEST_F(AsursoLogin, KeyboardLayoutTwinIsAWrongPassword) {
    const Response r = client.login("ИвановИ", "Йцу123!я", 2436); // NS-PWD-21
    EXPECT_EQ(r.body, wrong_cred_body);
    EXPECT_EQ(app->state().users.find(2436, "ИвановИ")->failed_count, 1);
}

TEST_F(AsursoLogin, RightPw2WithPwOfTheWrongLengthIsWrong) {
    const Salt salt = client.getdata();
    auto fields = Client::login_fields(salt, "ИвановИ", "Qwe123!z", 2436);
    const auto proof = crypto::netschool_proof("Qwe123!z", salt.salt);
    fields[8].second = proof.pw2.substr(0, 9); // PW one character too long (NS-HASH-5)
    EXPECT_EQ(client.post_login(fields).body, wrong_cred_body);
}

TEST_F(AsursoLogin, UnknownLoginIsByteIdenticalToWrongPassword) {
    const Response wrong = client.login("ИвановИ", "wrong-password", 2436);
    const Response unknown = client.login("НиктоН", "wrong-password", 2436);
    EXPECT_EQ(unknown.status, wrong.status); // NS-LOGIN-20
    EXPECT_EQ(unknown.body, wrong.body);
    ASSERT_EQ(unknown.headers.size(), wrong.headers.size());
    for (std::size_t i = 0; i < wrong.headers.size(); ++i) {
        EXPECT_EQ(unknown.headers[i].name, wrong.headers[i].name);
        EXPECT_EQ(unknown.headers[i].value, wrong.headers[i].value);
    }
}

TEST_F(AsursoLogin, ReplayedLoginBodyGetsStaleSalt) {
    const auto fields = Client::login_fields(client.getdata(), "ИвановИ", "Qwe123!z", 2436);
    EXPECT_EQ(client.post_login(fields).status, 200);
    const Response replay = client.post_login(fields); // NS-LOGIN-14: single use
    EXPECT_EQ(replay.status, 409);
    EXPECT_EQ(replay.body, stale_salt_body);
    EXPECT_EQ(event("logins_stale_salt"), 1);
}

TEST_F(AsursoLogin, WrongPasswordStillConsumesTheSalt) {
    const Salt salt = client.getdata();
    EXPECT_EQ(client.post_login(Client::login_fields(salt, "ИвановИ", "bad", 2436)).body,
              wrong_cred_body);
    EXPECT_EQ(client.post_login(Client::login_fields(salt, "ИвановИ", "Qwe123!z", 2436)).body,
              stale_salt_body);
}

TEST_F(AsursoLogin, SaltFromAnotherNssessionidIsStale) {
    const Salt salt = client.getdata();
    Client other(*app);
    other.get("/webapi/logindata");
    const Response r = other.post_login(Client::login_fields(salt, "ИвановИ", "Qwe123!z", 2436));
    EXPECT_EQ(r.body, stale_salt_body); // NS-LOGIN-14: never looked up by value
    // The owner's salt was not touched by the other session's attempt.
    EXPECT_EQ(client.post_login(Client::login_fields(salt, "ИвановИ", "Qwe123!z", 2436)).status,
              200);
}

TEST_F(AsursoLogin, LoginWithoutGetdataIsStale) {
    client.get("/webapi/logindata");
    const Response r = client.post_login(Client::login_fields(
        Salt{"123456789", "123456789", "1458933352"}, "ИвановИ", "Qwe123!z", 2436));
    EXPECT_EQ(r.body, stale_salt_body); // J4-03
}

TEST_F(AsursoLogin, ExpiredSaltIsStale) {
    const Salt salt = client.getdata();
    app->state().clock.advance(std::chrono::seconds(601)); // NS-LOGIN-14: salt_ttl_s 600
    EXPECT_EQ(client.post_login(Client::login_fields(salt, "ИвановИ", "Qwe123!z", 2436)).body,
              stale_salt_body);
}

TEST_F(AsursoLogin, MismatchedLtIsStale) {
    Salt salt = client.getdata();
    salt.lt = "111111111";
    EXPECT_EQ(client.post_login(Client::login_fields(salt, "ИвановИ", "Qwe123!z", 2436)).body,
              stale_salt_body);
}

TEST_F(AsursoLogin, FiveWrongPasswordsLockTheAccount) {
    for (int i = 0; i < 5; ++i) {
        const Response r = client.login("ВолковС", "wrong", 107);
        EXPECT_EQ(r.body, wrong_cred_body) << "attempt " << i + 1; // NS-PWD-15
    }
    EXPECT_EQ(event("lockouts"), 1);
    const Response right = client.login("ВолковС", "V0lk0v%Go", 107);
    EXPECT_EQ(right.status, 409);
    EXPECT_EQ(right.body, locked_body);
    EXPECT_TRUE(right.headers_named("Set-Cookie").empty());
    EXPECT_EQ(event("logins_locked"), 1);
    const auto user = app->state().users.find(107, "ВолковС");
    EXPECT_TRUE(user->locked);
    EXPECT_EQ(user->failed_count, 5); // NS-LOGIN-18 step 5: no counter change when locked
    // NS-PWD-13: other users are unaffected.
    EXPECT_EQ(client.login("КузнецовА", "Start#2025", 107).status, 200);
}

TEST_F(AsursoLogin, ARightPasswordResetsTheCounter) {
    for (int i = 0; i < 4; ++i) {
        client.login("ИвановИ", "wrong", 2436);
    }
    EXPECT_EQ(client.login("ИвановИ", "Qwe123!z", 2436).status, 200);
    for (int i = 0; i < 4; ++i) {
        client.login("ИвановИ", "wrong", 2436);
    }
    EXPECT_EQ(client.login("ИвановИ", "Qwe123!z", 2436).status, 200); // J4-05
    EXPECT_EQ(event("lockouts"), 0);
}

TEST_F(AsursoLogin, FixtureLockedUserIsRefusedWithTheRightPassword) {
    const Response r = client.login("ОрловД", "L0ck3d!Out", 107);
    EXPECT_EQ(r.body, locked_body); // J5-03
}

TEST_F(AsursoLogin, SameLoginInAnotherSchoolIsAnotherUser) {
    EXPECT_EQ(client.login("ИвановИ", "Qwe123!z", 107).body, wrong_cred_body); // NS-LOGIN-19
    const Response r = client.login("ИвановИ", "Il1ya*107", 107);
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(body_json(r).at("accountInfo").at("user").at("id"), 700104);
    EXPECT_EQ(body_json(r).at("accountInfo").at("currentOrganization").at("name"),
              "МБОУ Школа № 3 г.о.Самара");
}

TEST_F(AsursoLogin, CyrillicLegacyPasswordLogsIn) {
    EXPECT_EQ(client.login("СтароваН", "Пароль1", 3105).status, 200); // J6-03
}

TEST_F(AsursoLogin, FirstLoginEntryPointIsReturnedOnceThenCleared) {
    const Response first = client.login("КузнецовА", "Start#2025", 107);
    EXPECT_EQ(body_json(first).at("entryPoint"), "/app/change-password?first=1"); // NS-PWD-10
    const Response second = client.login("КузнецовА", "Start#2025", 107);
    EXPECT_EQ(body_json(second).at("entryPoint"), "/app/school/main/"); // NS-PWD-11
}

TEST_F(AsursoLogin, SecurityWarningEntryPoint) {
    auto warned = make_security_warning_asurso();
    Client c(*warned);
    const Response r = c.login("ИвановИ", "Qwe123!z", 2436);
    EXPECT_EQ(body_json(r).at("entryPoint"), "/asp/SecurityWarning.asp"); // NS-LOGIN-23 (c)
    EXPECT_EQ(body_json(r).at("requestData"), boost::json::parse(R"({"warnType":"1"})"));
}

TEST_F(AsursoLogin, SeveralRolesWithoutRolegroupGoToTheRoleChoice) {
    const Response all = client.login("СидоровА", "Mult1+Role", 2436);
    ASSERT_EQ(all.status, 200);
    EXPECT_EQ(body_json(all).at("entryPoint"), "/app/choose-session-role/"); // NS-LOGIN-26
    const auto roles = body_json(all).at("accountInfo").at("userRoles").as_array();
    ASSERT_EQ(roles.size(), 2u);
    EXPECT_EQ(roles[0].at("role"), boost::json::parse(R"({"id":3,"name":"Учитель"})"));
    EXPECT_EQ(roles[1].at("role"), boost::json::parse(R"({"id":2,"name":"Родитель"})"));

    const Response chosen = client.login("СидоровА", "Mult1+Role", 2436, {{"rolegroup", "2"}});
    EXPECT_EQ(body_json(chosen).at("entryPoint"), "/app/school/main/"); // NS-LOGIN-27
    EXPECT_EQ(body_json(chosen).at("accountInfo").at("userRoles").as_array().size(), 1u);

    const Response refused = client.login("СидоровА", "Mult1+Role", 2436, {{"rolegroup", "1"}});
    EXPECT_EQ(refused.status, 409);
    EXPECT_EQ(refused.body, role_unavailable_body); // NS-LOGIN-18 step 7
}

TEST_F(AsursoLogin, MissingFieldsAreWrongCredentialsNotCounted) {
    const Salt salt = client.getdata();
    auto fields = Client::login_fields(salt, "ИвановИ", "Qwe123!z", 2436);
    fields.erase(fields.begin() + 9);                           // pw2
    EXPECT_EQ(client.post_login(fields).body, wrong_cred_body); // NS-LOGIN-18 step 3
    EXPECT_EQ(app->state().users.find(2436, "ИвановИ")->failed_count, 0);
}

TEST_F(AsursoLogin, LoginTypeOtherThanOneIsWrongCredentials) {
    EXPECT_EQ(client.login("ИвановИ", "Qwe123!z", 2436, {}).status, 200);
    auto fields = Client::login_fields(client.getdata(), "ИвановИ", "Qwe123!z", 2436);
    fields[0].second = "2";
    EXPECT_EQ(client.post_login(fields).body, wrong_cred_body);
}

TEST_F(AsursoLogin, LoginStateIsExpiredUntilBindingExists) {
    const Response r = client.login("ИвановИ", "Qwe123!z", 2436,
                                    {{"loginState", "2f1c9b8e-1111-4222-8333-444455556666"}});
    EXPECT_EQ(r.status, 409);
    EXPECT_EQ(r.body, R"({"message":"Сеанс входа через портал Госуслуг истёк. Повторите вход."})");
}

TEST_F(AsursoLogin, JsonBodyIsRefusedWithoutConsumingTheSalt) {
    const Salt salt = client.getdata();
    const Response r =
        client.send("POST", "/webapi/login", R"({"UN":"ИвановИ"})", "application/json");
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(r.body, bad_request_body); // GEN-9
    EXPECT_EQ(client.post_login(Client::login_fields(salt, "ИвановИ", "Qwe123!z", 2436)).status,
              200);
}

TEST_F(AsursoLogin, RepeatedFieldIsRefusedWithoutConsumingTheSalt) {
    const Salt salt = client.getdata();
    auto fields = Client::login_fields(salt, "ИвановИ", "Qwe123!z", 2436);
    fields.push_back({"UN", "ИвановИ"});
    EXPECT_EQ(client.post_login(fields).body, bad_request_body); // GEN-9
    EXPECT_EQ(client.post_login(Client::login_fields(salt, "ИвановИ", "Qwe123!z", 2436)).status,
              200);
    EXPECT_EQ(event("logins_stale_salt"), 0);
}

TEST_F(AsursoLogin, PlusIsASpaceAndPercent2BIsAPlus) {
    // GEN-3: "Mult1+Role" must arrive as %2B; the proof itself is hex, so check via the login:
    // a login name with '+' written as '+' would be a space and not match.
    const Salt salt = client.getdata();
    auto fields = Client::login_fields(salt, "ИвановИ", "Qwe123!z", 2436);
    std::string body = form_encode(fields);
    body += "&cacheVer=a+b%2Bc";
    EXPECT_EQ(
        client.send("POST", "/webapi/login", body, "application/x-www-form-urlencoded").status,
        200);
}

TEST_F(AsursoLogin, SchoolLoginSwitchedOff) {
    asurso::AsursoConfig config;
    config.school_login_enabled = false;
    auto esia_only = make_asurso(config);
    Client c(*esia_only);
    EXPECT_EQ(body_json(c.get("/webapi/logindata")).at("schoolLogin"), false);
    EXPECT_EQ(c.send("POST", "/webapi/auth/getdata").body, "{}"); // NS-LOGIN-15
    const Response r =
        c.post_login(Client::login_fields(Salt{"1", "1", "1"}, "ИвановИ", "Qwe123!z", 2436));
    EXPECT_EQ(r.body, R"({"message":"Вход по логину и паролю отключён"})");
}

TEST_F(AsursoLogin, FullPresessionStoreAnswers503) {
    asurso::AsursoConfig config;
    config.max_presessions = 2;
    auto small = make_asurso(config);
    Client a(*small), b(*small), c(*small);
    EXPECT_EQ(a.get("/webapi/logindata").status, 200);
    EXPECT_EQ(b.get("/webapi/logindata").status, 200);
    const Response full = c.get("/webapi/logindata");
    EXPECT_EQ(full.status, 503); // MOCK-CAP-1
    EXPECT_EQ(full.body, R"({"message":"Сервис временно недоступен"})");
    EXPECT_EQ(full.header("Retry-After"), "1");
    EXPECT_TRUE(full.headers_named("Set-Cookie").empty());
    // The live ones were not evicted; once they expire there is room again.
    EXPECT_EQ(a.get("/webapi/logindata").status, 200);
    small->state().clock.advance(std::chrono::seconds(1801));
    EXPECT_EQ(c.get("/webapi/logindata").status, 200);
}

} // namespace
} // namespace logintest::mocks::testing
