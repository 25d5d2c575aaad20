// The asurso defects of MOCK-DEF in the school login, sessions and passwords: each one
// changes its behaviour when enabled (MOCK-DEF-2) and nothing when it is not.
#include "asurso_test_support.hpp"
#include "support/url/percent.hpp"

#include <gtest/gtest.h>

namespace logintest::mocks::testing {
namespace {

class AsursoDefects : public AsursoTest {
protected:
    void enable(const std::string& name) {
        ASSERT_EQ(app->state().defects.set({name}), "") << name;
    }

    Response fresh_login(std::string_view who, std::string_view password, int scid) {
        Client c(*app);
        return c.login(who, password, scid);
    }

    std::string at_of_login(Client& c, std::string_view who = "ИвановИ",
                            std::string_view password = "Qwe123!z", int scid = 2436) {
        const Response r = c.login(who, password, scid);
        EXPECT_EQ(r.status, 200) << r.body;
        return Client::at_of(r);
    }
};

TEST_F(AsursoDefects, AcceptWrongPassword) {
    EXPECT_EQ(fresh_login("ИвановИ", "nope", 2436).body, wrong_cred_body);
    enable("accept-wrong-password");
    EXPECT_EQ(fresh_login("ИвановИ", "nope", 2436).status, 200); // violates NS-HASH-5
    // Only existing logins, and locks still apply (MOCK-DEF-2).
    EXPECT_EQ(fresh_login("НиктоН", "nope", 2436).body, wrong_cred_body);
    EXPECT_EQ(fresh_login("ОрловД", "nope", 107).body, locked_body);
}

TEST_F(AsursoDefects, PwPrefixUnchecked) {
    auto fields = Client::login_fields(client.getdata(), "ИвановИ", "Qwe123!z", 2436);
    fields[8].second = fields[8].second.substr(0, 7); // PW one character short (J4-06)
    ASSERT_EQ(fields[8].first, "PW");
    EXPECT_EQ(client.post_login(fields).body, wrong_cred_body);
    enable("pw-prefix-unchecked");
    auto again = Client::login_fields(client.getdata(), "ИвановИ", "Qwe123!z", 2436);
    again[8].second = "0";
    EXPECT_EQ(client.post_login(again).status, 200); // violates NS-HASH-5
    // pw2 is still checked.
    EXPECT_EQ(fresh_login("ИвановИ", "nope", 2436).body, wrong_cred_body);
}

TEST_F(AsursoDefects, SaltReuse) {
    const auto fields = Client::login_fields(client.getdata(), "ИвановИ", "Qwe123!z", 2436);
    ASSERT_EQ(client.post_login(fields).status, 200);
    EXPECT_EQ(client.post_login(fields).body, stale_salt_body); // N13
    enable("salt-reuse");
    const auto reused = Client::login_fields(client.getdata(), "ИвановИ", "Qwe123!z", 2436);
    ASSERT_EQ(client.post_login(reused).status, 200);
    EXPECT_EQ(client.post_login(reused).status, 200); // violates NS-LOGIN-14
    // Still bound to its session.
    Client other(*app);
    other.getdata();
    EXPECT_EQ(other.post_login(reused).body, stale_salt_body);
}

TEST_F(AsursoDefects, SaltNotSessionBound) {
    const auto fields = Client::login_fields(client.getdata(), "ИвановИ", "Qwe123!z", 2436);
    Client thief(*app);
    thief.getdata();
    EXPECT_EQ(thief.post_login(fields).body, stale_salt_body); // N13
    const auto next = Client::login_fields(client.getdata(), "ИвановИ", "Qwe123!z", 2436);
    enable("salt-not-session-bound");
    EXPECT_EQ(thief.post_login(next).status, 200); // violates NS-LOGIN-14
    // Still single-use.
    EXPECT_EQ(client.post_login(next).body, stale_salt_body);
    // Without any NSSESSIONID too.
    const auto third = Client::login_fields(client.getdata(), "ИвановИ", "Qwe123!z", 2436);
    Client bare(*app);
    EXPECT_EQ(bare.post_login(third).status, 200);
}

TEST_F(AsursoDefects, Wrong409Text) {
    enable("wrong-409-text");
    const Response wrong = fresh_login("ИвановИ", "nope", 2436);
    EXPECT_EQ(wrong.status, 409); // violates NS-LOGIN-20
    EXPECT_EQ(wrong.body, R"({"message":"Неверный логин или пароль"})");
    EXPECT_EQ(fresh_login("НиктоН", "nope", 2436).body, wrong.body);
    EXPECT_EQ(fresh_login("ОрловД", "nope", 107).body, locked_body); // other texts unchanged
}

TEST_F(AsursoDefects, Enumerating409) {
    const Response wrong = fresh_login("ИвановИ", "nope", 2436);
    EXPECT_EQ(fresh_login("НиктоН", "nope", 2436).body, wrong.body); // N22
    enable("enumerating-409");
    const Response unknown = fresh_login("НиктоН", "nope", 2436);
    EXPECT_EQ(unknown.status, 409); // violates NS-LOGIN-20
    EXPECT_EQ(unknown.body, R"({"message":"Пользователь не найден"})");
    EXPECT_EQ(fresh_login("ИвановИ", "nope", 2436).body, wrong_cred_body);
}

TEST_F(AsursoDefects, SessionWithoutAt) {
    at_of_login(client);
    EXPECT_EQ(client.get("/webapi/student/diary/init").status, 401); // N14
    enable("session-without-at");
    EXPECT_EQ(client.get("/webapi/student/diary/init").status, 200); // violates NS-SESSION-3
    // The cookie is still needed, and a wrong `at` is still refused.
    Client stranger(*app);
    EXPECT_EQ(stranger.get("/webapi/student/diary/init").status, 401);
    EXPECT_EQ(client.get("/webapi/student/diary/init", {{"at", "123"}}).status, 401);
}

TEST_F(AsursoDefects, LogoutKeepsSession) {
    const auto at = at_of_login(client);
    const auto cookie = client.cookies.at("ESRNSec");
    enable("logout-keeps-session");
    const Response out = client.send("POST", "/webapi/auth/logout", {}, {}, {{"at", at}});
    EXPECT_EQ(out.status, 200); // the answer is the same
    EXPECT_EQ(app->state().counters.event("logouts"), 1);
    client.cookies["ESRNSec"] = cookie;
    EXPECT_EQ(client.get("/webapi/context", {{"at", at}}).status, 200); // violates NS-SESSION-10
    app->state().defects.set({});
    ASSERT_EQ(client.send("POST", "/webapi/auth/logout", {}, {}, {{"at", at}}).status, 200);
    client.cookies["ESRNSec"] = cookie;
    EXPECT_EQ(client.get("/webapi/context", {{"at", at}}).status, 401);
}

TEST_F(AsursoDefects, NoLockout) {
    enable("no-lockout");
    for (int i = 0; i < 7; ++i) {
        EXPECT_EQ(fresh_login("ВолковС", "wrong", 107).body, wrong_cred_body);
    }
    EXPECT_EQ(fresh_login("ВолковС", "V0lk0v%Go", 107).status, 200); // violates NS-PWD-15
    EXPECT_EQ(app->state().counters.event("lockouts"), 0);
    EXPECT_EQ(fresh_login("ОрловД", "L0ck3d!Out", 107).status, 200); // never locked
    app->state().defects.set({});
    for (int i = 0; i < 5; ++i) {
        fresh_login("ВолковС", "wrong", 107);
    }
    EXPECT_EQ(fresh_login("ВолковС", "V0lk0v%Go", 107).body, locked_body);
}

TEST_F(AsursoDefects, ResetKeepsOldPassword) {
    auto reset = [this] {
        const Response r =
            call(*app, common::make_request("POST", "/mock/admin/users/" +
                                                        support::percent_encode("ВолковС") +
                                                        "/reset-password?scid=107"));
        return std::string(body_json(r).at("password").as_string());
    };
    reset();
    EXPECT_EQ(fresh_login("ВолковС", "V0lk0v%Go", 107).body, wrong_cred_body); // J5-05
    ASSERT_EQ(app->state().defects.set({}), "");
    app->state().reset();
    enable("reset-keeps-old-password");
    const auto password = reset();
    EXPECT_EQ(fresh_login("ВолковС", "V0lk0v%Go", 107).status, 200); // violates NS-PWD-19
    EXPECT_EQ(fresh_login("ВолковС", password, 107).status, 200);
    EXPECT_EQ(fresh_login("ВолковС", "wrong", 107).body, wrong_cred_body);
}

TEST_F(AsursoDefects, AcceptCyrillicPasswordChange) {
    const auto at = at_of_login(client);
    const std::string body = R"({"oldPassword":"dca529fa1fdbc842a079ec8e6595c69a",)"
                             R"("password":"f410731fbcfac06b1f1150820f75018f",)"
                             R"("newPasswordLength":12,"newPasswordIsLatin":false})";
    auto change = [&] {
        return client.send("POST", "/webapi/users/592640/password", body, "application/json",
                           {{"at", at}});
    };
    EXPECT_EQ(change().status, 400); // J6-04
    enable("accept-cyrillic-password-change");
    EXPECT_EQ(change().status, 200); // violates NS-PWD-7
    EXPECT_EQ(fresh_login("ИвановИ", "Т3ц№Зфыыц0кв", 2436).status, 200);
}

TEST_F(AsursoDefects, FirstLoginNotCleared) {
    enable("first-login-not-cleared");
    for (int i = 0; i < 2; ++i) {
        const Response r = fresh_login("КузнецовА", "Start#2025", 107);
        EXPECT_EQ(body_json(r).at("entryPoint"), "/app/change-password?first=1"); // NS-PWD-11
    }
    // Nor by a password change (J7-04).
    Client c(*app);
    const auto at = at_of_login(c, "КузнецовА", "Start#2025", 107);
    ASSERT_EQ(c.send("POST", "/webapi/users/700101/password",
                     R"({"oldPassword":"32c6e53c387fac3d27aa629f197037af",)"
                     R"("password":"bb3482b8242cd209b199b9839378964a",)"
                     R"("newPasswordLength":12,"newPasswordIsLatin":true})",
                     "application/json", {{"at", at}})
                  .status,
              200);
    EXPECT_EQ(body_json(fresh_login("КузнецовА", "N3w#Passw0rd", 107)).at("entryPoint"),
              "/app/change-password?first=1");
    app->state().defects.set({});
    EXPECT_EQ(body_json(fresh_login("КузнецовА", "N3w#Passw0rd", 107)).at("entryPoint"),
              "/app/change-password?first=1");
    EXPECT_EQ(body_json(fresh_login("КузнецовА", "N3w#Passw0rd", 107)).at("entryPoint"),
              "/app/school/main/");
}

TEST_F(AsursoDefects, NoDefectIsEnabledByDefault) {
    EXPECT_TRUE(app->state().defects.enabled().empty());
}

} // namespace
} // namespace logintest::mocks::testing
