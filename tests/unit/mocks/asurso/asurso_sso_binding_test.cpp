// asurso after the ESIA callback (§10.3, §10.4, §11, §12): account-info for bound and
// unbound accounts, binding inside /webapi/login with its refusals (wrong password, under
// 14, another oid) that keep the loginState, loginType=8 logins and their refusals, the
// loginState pages, «Выход», the ages of NS-AGE-1, and the asurso binding defects.
#include "asurso_sso_test_support.hpp"

#include "crypto/digest.hpp"
#include "mocks/asurso/age.hpp"
#include "mocks/asurso/login_state.hpp"
#include "tests/support/expect_text.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

namespace logintest::mocks::testing {
namespace {

using test_support::expect_contains_all;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr std::string_view expired_body =
    R"({"message":"Сеанс входа через портал Госуслуг истёк. Повторите вход."})";
constexpr std::string_view under_14_body =
    R"({"message":"Учащиеся младше 14 лет входят в систему только по логину и паролю )"
    R"(школьного модуля"})";
constexpr std::string_view other_oid_body =
    R"({"message":"Пользователь уже связан с другой учётной записью портала Госуслуг"})";

class AsursoBind : public AsursoSsoTest {
protected:
    std::optional<std::int64_t> bound_oid(std::int64_t user_id) {
        return app->state().users.by_id(user_id)->bound_oid;
    }
    Response account_info(SsoClient& c, const std::string& ls) {
        return c.get("/webapi/sso/esia/account-info?loginState=" + ls);
    }
    // NS-BIND-5: getdata + /webapi/login with loginState.
    Response bind(SsoClient& c, const std::string& ls, std::string_view login,
                  std::string_view password, int scid) {
        return c.login(login, password, scid, {{"loginState", ls}});
    }
    Response idp_login(SsoClient& c, const std::string& ls, const std::string& lscope,
                       std::vector<std::pair<std::string, std::string>> extra = {}) {
        std::vector<std::pair<std::string, std::string>> fields{
            {"loginType", "8"}, {"lscope", lscope}, {"idp", "esia"}, {"loginState", ls}};
        fields.insert(fields.end(), extra.begin(), extra.end());
        return c.send("POST", "/webapi/auth/login", form_encode(fields),
                      "application/x-www-form-urlencoded");
    }
    static std::string lscope(std::int64_t oid, std::int64_t user_id) {
        return crypto::md5_hex(std::to_string(oid) + ":" + std::to_string(user_id));
    }
};

// §10.3 account-info.

TEST_F(AsursoBind, AccountInfoOfAnUnboundAccountHasNoUsers) {
    const std::string ls = client.login_state(esia, e2);
    const Response r = account_info(client, ls);
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(body_json(r),
              boost::json::parse(R"({"permissionGranted":true,"trusted":true,"users":[]})"));
    EXPECT_EQ(account_info(client, ls).status, 200); // NS-ESIA-18: not consumed
}

TEST_F(AsursoBind, AccountInfoOfABoundAccountListsItsUser) {
    const std::string ls = client.login_state(esia, e1);
    const Response r = account_info(client, ls);
    ASSERT_EQ(r.status, 200);
    // NS-ESIA-19: the element of the spec, for ИвановаЕ.
    const std::string expected =
        std::string(R"({"permissionGranted":true,"trusted":true,"users":[{"id":")") +
        lscope(1000299654, 592650) +
        R"j(","userId":592650,"displayName":"Иванова Елена (МБОУ Школа № 26 г.о. Самара)",)j"
        R"("organizationId":2436,"emId":null,"funcType":"2","isStaff":false,"binded":true,)"
        R"("mustVerifyLoginPass":false,"roles":[{"id":2,"name":"Родитель"}]}]})";
    EXPECT_EQ(body_json(r), boost::json::parse(expected));
}

TEST_F(AsursoBind, AccountInfoNeedsAValidLoginStateOfThisSession) {
    const std::string ls = client.login_state(esia, e1);
    SsoClient other(*app);
    other.get("/webapi/logindata");
    const Response foreign = account_info(other, ls); // N15, NS-ESIA-16
    EXPECT_EQ(foreign.status, 400);
    EXPECT_EQ(foreign.body, expired_body);
    EXPECT_EQ(account_info(client, "00000000-0000-4000-8000-000000000000").status, 400);
    app->state().clock.advance(std::chrono::seconds(601)); // login_state_ttl_s 600
    EXPECT_EQ(account_info(client, ls).status, 400);
}

TEST_F(AsursoBind, AccountInfoHidesPupilsUnder14EvenWhenBound) {
    // J8-05: ПетроваМ bound to E3 by the control plane (MOCK-CP-8).
    app->state().users.bind(592641, e3.oid, true);
    const std::string ls = client.login_state(esia, e3);
    EXPECT_EQ(body_json(account_info(client, ls)).at("users").as_array().size(), 0u);
}

// §11 binding inside /webapi/login.

TEST_F(AsursoBind, BindingBindsConsumesTheLoginStateAndLogsIn) {
    const std::string ls = client.login_state(esia, e2);
    const Response r = bind(client, ls, "smirnova.ov", "T3ach&Desk", 2436);
    ASSERT_EQ(r.status, 200) << r.body; // NS-BIND-6 step 5: the NS-LOGIN-22 answer
    EXPECT_EQ(body_json(r).at("accountInfo").at("user").at("id"), 592660);
    EXPECT_THAT(client.cookies.at("ESRNSec"), ::testing::StartsWith("ESRNSECR592660="));
    EXPECT_EQ(bound_oid(592660), e2.oid);
    EXPECT_EQ(event("binds_ok"), 1);
    EXPECT_EQ(account_info(client, ls).status, 400); // J2-09: consumed
    // NS-BIND-9, J2-10: the next ESIA login lists the user.
    const std::string next = client.login_state(esia, e2);
    const auto users = body_json(account_info(client, next)).at("users").as_array();
    ASSERT_EQ(users.size(), 1u);
    EXPECT_EQ(users[0].at("userId"), 592660);
    EXPECT_EQ(users[0].at("isStaff"), true);
    EXPECT_EQ(users[0].at("roles"), boost::json::parse(R"([{"id":3,"name":"Учитель"}])"));
}

TEST_F(AsursoBind, WrongPasswordKeepsTheLoginState) {
    const std::string ls = client.login_state(esia, e2);
    const Response wrong = bind(client, ls, "smirnova.ov", "wrong-pass", 2436);
    EXPECT_EQ(wrong.status, 409); // J2-12, NS-BIND-7
    EXPECT_EQ(wrong.body, wrong_cred_body);
    EXPECT_FALSE(bound_oid(592660));
    EXPECT_EQ(account_info(client, ls).status, 200);
    EXPECT_EQ(bind(client, ls, "smirnova.ov", "T3ach&Desk", 2436).status, 200);
}

TEST_F(AsursoBind, PupilUnder14IsRefusedAndNothingIsBound) {
    const std::string ls = client.login_state(esia, e3);
    const Response r = bind(client, ls, "ПетроваМ", "Mar1a#Sch", 2436);
    EXPECT_EQ(r.status, 409); // J8-02, NS-AGE-3
    EXPECT_EQ(r.body, under_14_body);
    EXPECT_FALSE(bound_oid(592641));
    EXPECT_EQ(app->state().users.by_id(592641)->failed_count, 0); // the password was right
    EXPECT_EQ(account_info(client, ls).status, 200);              // NS-BIND-7: still valid
    EXPECT_EQ(event("binds_refused"), 1);
    // J8-03: ИвановИ @ 107 is 14 today and may bind.
    EXPECT_EQ(bind(client, ls, "ИвановИ", "Il1ya*107", 107).status, 200);
    EXPECT_EQ(bound_oid(700104), e3.oid);
}

TEST_F(AsursoBind, UserBoundToAnotherOidIsRefused) {
    const std::string ls = client.login_state(esia, e2);
    const Response r = bind(client, ls, "ИвановаЕ", "Par3nt$Key", 2436);
    EXPECT_EQ(r.status, 409); // J2-13, NS-BIND-6 step 4
    EXPECT_EQ(r.body, other_oid_body);
    EXPECT_EQ(bound_oid(592650), e1.oid);
    EXPECT_EQ(account_info(client, ls).status, 200);
}

TEST_F(AsursoBind, RebindingToTheSameOidChangesNothingAndSucceeds) {
    const std::string ls = client.login_state(esia, e1);
    EXPECT_EQ(bind(client, ls, "ИвановаЕ", "Par3nt$Key", 2436).status, 200);
    EXPECT_EQ(bound_oid(592650), e1.oid);
}

TEST_F(AsursoBind, OneOidMayBindSeveralUsers) {
    std::string ls = client.login_state(esia, e2);
    ASSERT_EQ(bind(client, ls, "smirnova.ov", "T3ach&Desk", 2436).status, 200);
    ls = client.login_state(esia, e2);
    ASSERT_EQ(bind(client, ls, "СидоровА", "Mult1+Role", 2436).status, 200); // NS-BIND-8
    ls = client.login_state(esia, e2);
    EXPECT_EQ(body_json(account_info(client, ls)).at("users").as_array().size(), 2u);
}

TEST_F(AsursoBind, InvalidLoginStateIsRefusedAfterTheSalt) {
    client.get("/webapi/logindata");
    const Response r =
        bind(client, "00000000-0000-4000-8000-000000000000", "smirnova.ov", "T3ach&Desk", 2436);
    EXPECT_EQ(r.status, 409); // NS-LOGIN-18 step 2
    EXPECT_EQ(r.body, expired_body);
    EXPECT_TRUE(r.headers_named("Set-Cookie").empty());
    // A loginState of another session is just as invalid.
    const std::string ls = client.login_state(esia, e2);
    SsoClient other(*app);
    EXPECT_EQ(bind(other, ls, "smirnova.ov", "T3ach&Desk", 2436).body, expired_body);
    EXPECT_FALSE(bound_oid(592660));
}

// §10.4 loginType=8.

TEST_F(AsursoBind, IdpLoginIntoABoundUserSucceedsOnce) {
    const std::string ls = client.login_state(esia, e1);
    const Response r = idp_login(client, ls, lscope(e1.oid, 592650));
    ASSERT_EQ(r.status, 200) << r.body; // J3-03, NS-ESIA-23
    EXPECT_EQ(body_json(r).at("accountInfo").at("user").at("id"), 592650);
    EXPECT_EQ(body_json(r).at("entryPoint"), "/app/school/main/");
    EXPECT_THAT(client.cookies.at("ESRNSec"), ::testing::StartsWith("ESRNSECR592650="));
    const std::string at = Client::at_of(r);
    EXPECT_EQ(client.get("/webapi/student/diary/init", {{"at", at}}).status, 200);
    // NS-ESIA-23: consumed.
    const Response again = idp_login(client, ls, lscope(e1.oid, 592650));
    EXPECT_EQ(again.status, 409);
    EXPECT_EQ(again.body, expired_body);
}

TEST_F(AsursoBind, IdpLoginRefusalsInTheirOrder) {
    const std::string ls = client.login_state(esia, e1);
    const std::string good = lscope(e1.oid, 592650);
    // (1) another session's loginState (J3-04).
    SsoClient other(*app);
    other.get("/webapi/logindata");
    EXPECT_EQ(idp_login(other, ls, good).body, expired_body);
    // (2) loginType and idp.
    Response r = client.send(
        "POST", "/webapi/auth/login",
        form_encode({{"loginType", "1"}, {"lscope", good}, {"idp", "esia"}, {"loginState", ls}}),
        "application/x-www-form-urlencoded");
    EXPECT_EQ(r.body, R"({"message":"Некорректный запрос"})");
    r = client.send(
        "POST", "/webapi/auth/login",
        form_encode({{"loginType", "8"}, {"lscope", good}, {"idp", "sber"}, {"loginState", ls}}),
        "application/x-www-form-urlencoded");
    EXPECT_EQ(r.status, 409);
    // (3) a user not bound to this oid (J3-04).
    r = idp_login(client, ls, lscope(e1.oid, 592640));
    EXPECT_EQ(r.status, 409);
    EXPECT_EQ(
        r.body,
        R"({"message":"Не удалось выполнить вход через портал Госуслуг. Повторите попытку."})");
    // (6) a role the user does not have.
    r = idp_login(client, ls, good, {{"rolegroup", "1"}});
    EXPECT_EQ(r.body, R"({"message":"Выбранная роль недоступна пользователю"})");
    EXPECT_EQ(event("logins_ok"), 0);
    // None consumed the loginState.
    EXPECT_EQ(idp_login(client, ls, good, {{"rolegroup", "2"}}).status, 200);
}

TEST_F(AsursoBind, IdpLoginIntoAPupilUnder14IsRefused) {
    // J8-05: bound by the control plane, not listed, refused.
    app->state().users.bind(592641, e3.oid, true);
    const std::string ls = client.login_state(esia, e3);
    const Response r = idp_login(client, ls, lscope(e3.oid, 592641));
    EXPECT_EQ(r.status, 409); // NS-AGE-4
    EXPECT_EQ(r.body, under_14_body);
}

TEST(AsursoBindLockout, IdpLoginIntoALockedUserOnlyWhenLockoutBlocksEsia) {
    FakeEsia esia;
    for (const bool blocks : {false, true}) {
        auto app = make_sso_asurso(
            esia.url(), [blocks](asurso::AsursoConfig& c) { c.lockout.blocks_esia = blocks; });
        // ОрловД (700102) is locked in the fixture; bind him to E3 through the control plane.
        app->state().users.bind(700102, e3.oid, true);
        SsoClient client(*app);
        const std::string ls = client.login_state(esia, e3);
        const Response r = client.send(
            "POST", "/webapi/auth/login",
            form_encode({{"loginType", "8"},
                         {"lscope", crypto::md5_hex(std::to_string(e3.oid) + ":700102")},
                         {"idp", "esia"},
                         {"loginState", ls}}),
            "application/x-www-form-urlencoded");
        EXPECT_EQ(r.status, blocks ? 409 : 200) << blocks; // NS-PWD-17, NS-ESIA-22 (5)
    }
}

TEST_F(AsursoBind, ALoginStateIsConsumedAtMostOnceUnderConcurrency) {
    // MOCK-HOST-7: racing loginType=8 logins with one loginState: exactly one succeeds.
    const std::string ls = client.login_state(esia, e1);
    const std::string good = lscope(e1.oid, 592650);
    const std::string cookie = "NSSESSIONID=" + client.cookies.at("NSSESSIONID");
    const std::string body =
        form_encode({{"loginType", "8"}, {"lscope", good}, {"idp", "esia"}, {"loginState", ls}});
    std::atomic<int> ok{0}, refused{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 8; ++i) {
        threads.emplace_back([&] {
            const Response r = call(
                *app, common::make_request("POST", "/webapi/auth/login",
                                           {{"Cookie", cookie},
                                            {"Content-Type", "application/x-www-form-urlencoded"}},
                                           body));
            (r.status == 200 ? ok : refused) += 1;
        });
    }
    for (auto& t : threads) {
        t.join();
    }
    EXPECT_EQ(ok.load(), 1);
    EXPECT_EQ(refused.load(), 7);
    EXPECT_EQ(event("logins_ok"), 1);
}

TEST_F(AsursoBind, ACallbackStateIsUsedAtMostOnceUnderConcurrency) {
    // MOCK-HOST-7 / NS-ESIA-8: racing callbacks with one state: one token request.
    const std::string state = client.crosslogin();
    const std::string target =
        "/webapi/sso/esia/callback?code=" + esia.issue_code(e2) + "&state=" + state;
    const std::string cookie = "NSSESSIONID=" + client.cookies.at("NSSESSIONID");
    std::atomic<int> with_login_state{0}, mismatches{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 6; ++i) {
        threads.emplace_back([&] {
            const Response r =
                call_async(*app, common::make_request("GET", target, {{"Cookie", cookie}}));
            const std::string location(r.header("Location").value_or(""));
            if (location.find("loginState=") != std::string::npos) {
                ++with_login_state;
            } else if (location.ends_with("esiaError=state_mismatch")) {
                ++mismatches;
            }
        });
    }
    for (auto& t : threads) {
        t.join();
    }
    EXPECT_EQ(with_login_state.load(), 1);
    EXPECT_EQ(mismatches.load(), 5);
    EXPECT_EQ(esia.te_count(), 1u);
}

// §11 pages.

TEST_F(AsursoBind, BindPromptForAnUnboundAccount) {
    const std::string ls = client.login_state(esia, e2);
    const Response r = client.get("/app/login?loginState=" + ls);
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(r.header("Content-Type"), "text/html; charset=utf-8");
    const auto& page = r.body;
    expect_contains_all(page, {"<div id=\"bind-prompt\">",
                               "<p id=\"bind-msg-1\">С выбранной учётной записью портала "
                               "Госуслуг не связан ни один пользователь системы</p>",
                               "<p id=\"bind-msg-2\">Для выполнения привязки учетной записи "
                               "пользователя системы &quot;АСУ РСО&quot; нажмите кнопку "
                               "&quot;Продолжить&quot;.</p>"});
    EXPECT_THAT(page, HasSubstr("<a id=\"bind-exit\" href=\"http://asurso.ru:8080/webapi/sso/"
                                "esia/logout?loginState=" +
                                ls + "\">Выход</a>"));
    EXPECT_THAT(page, HasSubstr("<a id=\"bind-continue\" href=\"http://asurso.ru:8080/app/"
                                "login?loginState=" +
                                ls + "&amp;bind=1\">Продолжить</a>"));
    EXPECT_THAT(page, Not(HasSubstr("school-login"))); // NS-BIND-2
}

TEST_F(AsursoBind, BindingCardWithBindEquals1) {
    const std::string ls = client.login_state(esia, e2);
    const Response r = client.get("/app/login?loginState=" + ls + "&bind=1");
    ASSERT_EQ(r.status, 200);
    const auto& page = r.body;
    expect_contains_all(page, {"<form id=\"bind-card\"",
                               "<h2 id=\"bind-card-title\">Привязка учётной записи АСУ РСО</h2>",
                               "<select id=\"sel-sft\" name=\"sft\"><option value=\"-999999\">"
                               "Выберите тип ОО...</option>",
                               "<option value=\"2\">Общеобразовательная</option>",
                               "<select id=\"sel-scid\" name=\"scid\"><option "
                               "value=\"-999999\">Выберите ОО...</option>",
                               "<option value=\"2436\" data-sft=\"2\">МБОУ Школа № 26 г.о. "
                               "Самара</option>",
                               "<label for=\"sel-sft\">Тип образовательной организации</label>",
                               "<label for=\"sel-scid\">Образовательная организация</label>",
                               "id=\"UN\" name=\"UN\"", "id=\"PW\" name=\"PW\" type=\"password\""});
    EXPECT_THAT(page, HasSubstr("id=\"loginState\" name=\"loginState\" value=\"" + ls + "\""));
    EXPECT_THAT(page, HasSubstr("<button id=\"bind-submit\" type=\"submit\">Войти</button>"));
    EXPECT_THAT(page, HasSubstr("<div id=\"login-error\"></div>"));
}

TEST_F(AsursoBind, UserListForABoundAccount) {
    const std::string ls = client.login_state(esia, e1);
    const Response r = client.get("/app/login?loginState=" + ls);
    ASSERT_EQ(r.status, 200);
    const auto& page = r.body;
    EXPECT_THAT(page, HasSubstr("<ul id=\"esia-users\">")); // NS-BIND-3
    EXPECT_THAT(page, HasSubstr("Иванова Елена (МБОУ Школа № 26 г.о. Самара)"));
    EXPECT_THAT(page, HasSubstr("action=\"http://asurso.ru:8080/webapi/auth/login\""));
    EXPECT_THAT(page, HasSubstr("name=\"lscope\" value=\"" + lscope(e1.oid, 592650) + "\""));
    EXPECT_THAT(page, HasSubstr("name=\"loginType\" value=\"8\""));
    EXPECT_THAT(page, HasSubstr("name=\"idp\" value=\"esia\""));
    EXPECT_THAT(page, Not(HasSubstr("bind-prompt")));
}

TEST_F(AsursoBind, ExpiredLoginStateShowsTheLoginPageWithTheError) {
    client.get("/webapi/logindata");
    const Response r = client.get("/app/login?loginState=00000000-0000-4000-8000-000000000000");
    ASSERT_EQ(r.status, 200); // NS-BIND-1
    EXPECT_THAT(r.body, HasSubstr("Сеанс входа через портал Госуслуг истёк. Повторите вход."));
    EXPECT_THAT(r.body, HasSubstr("login-error"));
    EXPECT_THAT(r.body, Not(HasSubstr("bind-prompt")));
}

TEST_F(AsursoBind, LogoutDiscardsTheLoginStateAndGoesToEsiaLogout) {
    const std::string ls = client.login_state(esia, e2);
    const Response r = client.get("/webapi/sso/esia/logout?loginState=" + ls);
    EXPECT_EQ(r.status, 302); // NS-BIND-11
    EXPECT_EQ(r.header("Location"),
              "http://esia.gosuslugi.ru:8080/idp/ext/Logout?client_id=ASURSO&redirect_url="
              "http%3A%2F%2Fasurso.ru%3A8080%2F");
    EXPECT_EQ(account_info(client, ls).status, 400); // J10-06
    // No error without (or with a dead) loginState.
    EXPECT_EQ(client.get("/webapi/sso/esia/logout").status, 302);
}

// MOCK-DEF rows of binding.

TEST_F(AsursoBind, DefectRebindOtherOidReplacesTheBinding) {
    ASSERT_EQ(app->state().defects.set({"rebind-other-oid"}), "");
    const std::string ls = client.login_state(esia, e2);
    EXPECT_EQ(bind(client, ls, "ИвановаЕ", "Par3nt$Key", 2436).status, 200);
    EXPECT_EQ(bound_oid(592650), e2.oid);
    // Only that row: a pupil under 14 is still refused.
    const std::string ls2 = client.login_state(esia, e3);
    EXPECT_EQ(bind(client, ls2, "ПетроваМ", "Mar1a#Sch", 2436).body, under_14_body);
}

TEST_F(AsursoBind, DefectBindUnder14SkipsTheAgeCheckAtBindingOnly) {
    ASSERT_EQ(app->state().defects.set({"bind-under-14"}), "");
    const std::string ls = client.login_state(esia, e3);
    EXPECT_EQ(bind(client, ls, "ПетроваМ", "Mar1a#Sch", 2436).status, 200);
    EXPECT_EQ(bound_oid(592641), e3.oid);
    // loginType=8 still refuses her (NS-AGE-4 is another row).
    const std::string ls2 = client.login_state(esia, e3);
    EXPECT_EQ(idp_login(client, ls2, lscope(e3.oid, 592641)).body, under_14_body);
}

TEST_F(AsursoBind, DefectLoginStateNotSessionBoundAcceptsAnyNssessionid) {
    ASSERT_EQ(app->state().defects.set({"loginstate-not-session-bound"}), "");
    const std::string ls = client.login_state(esia, e1);
    SsoClient other(*app);
    other.get("/webapi/logindata");
    EXPECT_EQ(account_info(other, ls).status, 200); // N15 no longer holds
    EXPECT_EQ(idp_login(other, ls, lscope(e1.oid, 592650)).status, 200);
}

// §12 ages.

TEST(AsursoBindAge, WholeYearsOnAsursosDateWithThe29FebruaryRule) {
    using common::Date;
    asurso::UserRecord pupil;
    pupil.roles = {1};
    auto app = make_asurso();
    const auto& fixture = app->state().fixture;
    auto under = [&](Date birth, Date today) {
        pupil.birth_date = birth;
        return asurso::is_pupil_under_age(fixture, pupil, today, 14);
    };
    EXPECT_FALSE(under({2011, 11, 28}, {2025, 11, 28})); // 14 today
    EXPECT_TRUE(under({2011, 11, 29}, {2025, 11, 28}));  // 14 tomorrow
    // NS-AGE-1: born 29 February: the birthday is 1 March in other years.
    EXPECT_TRUE(under({2008, 2, 29}, {2022, 2, 28}));
    EXPECT_FALSE(under({2008, 2, 29}, {2022, 3, 1}));
    EXPECT_FALSE(under({2010, 2, 28}, {2024, 2, 28})); // 14 on the day in a leap year too
    // NS-AGE-6: a teacher-parent is never a pupil; a pupil-parent is.
    pupil.roles = {3, 2};
    EXPECT_FALSE(under({2015, 1, 1}, {2025, 11, 28}));
    pupil.roles = {2, 1};
    EXPECT_TRUE(under({2015, 1, 1}, {2025, 11, 28}));
}

TEST(AsursoBindAge, FixtureAgesOnTheHostClockAndTimezone) {
    // 2025-11-28T19:40:05Z is 23:40:05 in Samara: still the 28th there.
    auto app = make_asurso();
    auto& s = app->state();
    EXPECT_TRUE(asurso::is_pupil_under_min_age(s, *s.users.by_id(592641)));  // 12
    EXPECT_FALSE(asurso::is_pupil_under_min_age(s, *s.users.by_id(700104))); // 14 today
    EXPECT_FALSE(asurso::is_pupil_under_min_age(s, *s.users.by_id(592650))); // a parent
    // bind_min_age_years moves the line.
    asurso::AsursoConfig config;
    config.bind_min_age_years = 15;
    auto strict = make_asurso(config);
    EXPECT_TRUE(
        asurso::is_pupil_under_min_age(strict->state(), *strict->state().users.by_id(700104)));
}

} // namespace
} // namespace logintest::mocks::testing
