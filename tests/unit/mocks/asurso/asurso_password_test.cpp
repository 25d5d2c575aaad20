// Handler-level tests of asurso's password change (§9.2, NS-PWD-5..8, J6-04, J6-05, J7-03,
// J7-04) and of the generated passwords of NS-PWD-2.
#include "asurso_test_support.hpp"

#include <boost/json/serialize.hpp>

#include "mocks/asurso/password_generator.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

namespace logintest::mocks::testing {
namespace {

constexpr std::string_view latin_body =
    R"({"message":"Пароль может содержать только латинские буквы, цифры и символы"})";
constexpr std::string_view short_body =
    R"({"message":"Пароль должен содержать не менее 8 символов"})";
constexpr std::string_view old_wrong_body = R"({"message":"Текущий пароль указан неверно"})";
constexpr std::string_view same_body =
    R"({"message":"Новый пароль должен отличаться от текущего"})";
constexpr std::string_view weak_body = R"({"message":"Пароль слишком простой"})";
constexpr std::string_view changed_body = R"({"message":"Пароль успешно изменён"})";

// NS-PWD-5: the body for a change from `old_pw` to `new_pw` as a client computes it.
std::string change_body(std::string_view old_pw, std::string_view new_pw) {
    boost::json::object o;
    o["oldPassword"] = crypto::netschool_password_md5(old_pw);
    o["password"] = crypto::netschool_password_md5(new_pw);
    o["newPasswordLength"] = crypto::utf16_length(new_pw);
    bool latin = true;
    for (const unsigned char c : new_pw) {
        latin = latin && c >= 0x21 && c <= 0x7E;
    }
    o["newPasswordIsLatin"] = latin;
    return boost::json::serialize(o);
}

class AsursoPasswordChange : public AsursoTest {
protected:
    std::string at;

    void login(std::string_view who, std::string_view password, int scid) {
        const Response r = client.login(who, password, scid);
        ASSERT_EQ(r.status, 200) << r.body;
        at = Client::at_of(r);
    }

    Response change(std::int64_t user_id, const std::string& body,
                    std::string content_type = "application/json") {
        return client.send("POST", "/webapi/users/" + std::to_string(user_id) + "/password", body,
                           std::move(content_type), {{"at", at}});
    }

    int failed_count(std::string_view login, int scid) {
        return app->state().users.find(scid, login)->failed_count;
    }

    int relogin_status(std::string_view who, std::string_view password, int scid) {
        Client fresh(*app);
        return fresh.login(who, password, scid).status;
    }
};

TEST_F(AsursoPasswordChange, TheSpecExampleChangesTheFirstLoginPassword) {
    login("КузнецовА", "Start#2025", 107);
    // NS-PWD-5: the exact example body.
    const Response r = change(700101, R"({"oldPassword":"32c6e53c387fac3d27aa629f197037af",)"
                                      R"("password":"bb3482b8242cd209b199b9839378964a",)"
                                      R"("newPasswordLength":12,"newPasswordIsLatin":true})");
    ASSERT_EQ(r.status, 200) << r.body; // J7-03
    EXPECT_EQ(r.body, changed_body);
    EXPECT_EQ(r.header("Content-Type"), "application/json; charset=utf-8");
    // NS-PWD-8: the current session stays.
    EXPECT_EQ(client.get("/webapi/context", {{"at", at}}).status, 200);
    // J7-04: after logout the new password logs in with the normal entry point; the old fails.
    ASSERT_EQ(client.send("POST", "/webapi/auth/logout", {}, {}, {{"at", at}}).status, 200);
    Client next(*app);
    const Response again = next.login("КузнецовА", "N3w#Passw0rd", 107);
    ASSERT_EQ(again.status, 200);
    EXPECT_EQ(body_json(again).at("entryPoint"), "/app/school/main/");
    const Response old = next.login("КузнецовА", "Start#2025", 107);
    EXPECT_EQ(old.status, 409);
    EXPECT_EQ(old.body, wrong_cred_body);
}

TEST_F(AsursoPasswordChange, SuccessClearsFirstLoginAndTheFailedCounter) {
    login("КузнецовА", "Start#2025", 107);
    // The login itself cleared first_login (NS-PWD-11); put both back to see the change.
    app->state().users.with_user(700101, [](asurso::UserRecord& u) {
        u.first_login = true;
        u.failed_count = 2;
    });
    ASSERT_EQ(change(700101, change_body("Start#2025", "N3w#Passw0rd")).status, 200);
    const auto user = *app->state().users.by_id(700101);
    EXPECT_FALSE(user.first_login); // NS-PWD-8
    EXPECT_EQ(user.failed_count, 0);
    EXPECT_EQ(user.stored_len, 12u);
    EXPECT_EQ(user.stored_md5, "bb3482b8242cd209b199b9839378964a");
}

TEST_F(AsursoPasswordChange, ACyrillicNewPasswordIsRefusedAndChangesNothing) {
    login("ИвановИ", "Qwe123!z", 2436);
    // J6-04: `Т3ц№Зфыыц0кв`, the NS-PWD-5 example on the Russian layout.
    const std::string body = change_body("Qwe123!z", "Т3ц№Зфыыц0кв");
    ASSERT_NE(body.find("f410731fbcfac06b1f1150820f75018f"), std::string::npos);
    ASSERT_NE(body.find("\"newPasswordIsLatin\":false"), std::string::npos);
    const Response r = change(592640, body);
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(r.body, latin_body);
    EXPECT_EQ(relogin_status("ИвановИ", "Qwe123!z", 2436), 200); // the old password still works
}

TEST_F(AsursoPasswordChange, TheRefusalsOfJ6_05) {
    login("ИвановИ", "Qwe123!z", 2436);
    // Length 6: T-PWD-SHORT.
    const Response shorter = change(592640, change_body("Qwe123!z", "Ab1!cd"));
    EXPECT_EQ(shorter.status, 400);
    EXPECT_EQ(shorter.body, short_body);
    // A wrong oldPassword: T-PWD-OLD-WRONG, and the lockout counter is not touched.
    const Response wrong_old = change(592640, change_body("Qwe123!x", "N3w#Passw0rd"));
    EXPECT_EQ(wrong_old.status, 409);
    EXPECT_EQ(wrong_old.body, old_wrong_body);
    EXPECT_EQ(failed_count("ИвановИ", 2436), 0);
    // Another userId: 403.
    const Response other = change(592650, change_body("Par3nt$Key", "N3w#Passw0rd"));
    EXPECT_EQ(other.status, 403);
    EXPECT_EQ(other.body, R"({"message":"Недостаточно прав"})");
    EXPECT_EQ(client
                  .send("POST", "/webapi/users/abc/password", change_body("a", "b"),
                        "application/json", {{"at", at}})
                  .status,
              403);
    // No `at`: 401.
    const Response no_at = client.send("POST", "/webapi/users/592640/password",
                                       change_body("Qwe123!z", "N3w#Passw0rd"), "application/json");
    EXPECT_EQ(no_at.status, 401);
    EXPECT_EQ(no_at.body, R"({"message":"Необходима авторизация"})");
    EXPECT_EQ(relogin_status("ИвановИ", "Qwe123!z", 2436), 200); // nothing changed
}

TEST_F(AsursoPasswordChange, ChecksRunInTheOrderOfNsPwd7) {
    login("ИвановИ", "Qwe123!z", 2436);
    // Step 1 before step 2: another user with a broken body is 403.
    EXPECT_EQ(change(592650, "{}").status, 403);
    // Step 2 before step 3.
    EXPECT_EQ(change(592640, "{}").status, 400);
    // Step 3 before step 4: a wrong old password with a Cyrillic new one is 409.
    EXPECT_EQ(change(592640, change_body("nope", "Пароль123")).status, 409);
    // Step 4 before step 5: Cyrillic and short is T-PWD-LATIN.
    EXPECT_EQ(change(592640, change_body("Qwe123!z", "Пар1")).body, latin_body);
    // Step 5 before step 6: the current password declared with a length below 8.
    auto same_short = boost::json::parse(change_body("Qwe123!z", "Qwe123!z")).as_object();
    same_short["newPasswordLength"] = 7;
    EXPECT_EQ(change(592640, boost::json::serialize(same_short)).body, short_body);
    // Step 6: the same password.
    const Response same = change(592640, change_body("Qwe123!z", "Qwe123!z"));
    EXPECT_EQ(same.status, 400);
    EXPECT_EQ(same.body, same_body);
}

TEST_F(AsursoPasswordChange, DeniedHashesAreWeak) {
    asurso::AsursoConfig config;
    config.password.deny_md5 = {crypto::netschool_password_md5("йцукенгш"),
                                crypto::netschool_password_md5("Password1!")};
    app = make_asurso(config);
    Client c(*app);
    const auto r = c.login("ИвановИ", "Qwe123!z", 2436);
    const auto my_at = Client::at_of(r);
    const Response weak =
        c.send("POST", "/webapi/users/592640/password", change_body("Qwe123!z", "Password1!"),
               "application/json", {{"at", my_at}});
    EXPECT_EQ(weak.status, 400); // NS-PWD-7 step 7
    EXPECT_EQ(weak.body, weak_body);
    EXPECT_EQ(c.send("POST", "/webapi/users/592640/password", change_body("Qwe123!z", "Str0ng#One"),
                     "application/json", {{"at", my_at}})
                  .status,
              200);
}

TEST_F(AsursoPasswordChange, MalformedBodiesAreBadRequests) {
    login("ИвановИ", "Qwe123!z", 2436);
    const std::string md5 = crypto::netschool_password_md5("Qwe123!z");
    const std::string good_new = crypto::netschool_password_md5("N3w#Passw0rd");
    auto body = [&](std::string old_pw, std::string new_pw, std::string length, std::string latin) {
        return R"({"oldPassword":)" + old_pw + R"(,"password":)" + new_pw +
               R"(,"newPasswordLength":)" + length + R"(,"newPasswordIsLatin":)" + latin + "}";
    };
    const std::string q_md5 = "\"" + md5 + "\"";
    const std::string q_new = "\"" + good_new + "\"";
    const std::vector<std::string> bad = {
        "not json",
        "[]",
        body(q_md5, q_new, "0", "true"),
        body(q_md5, q_new, "129", "true"),
        body(q_md5, q_new, "12.0", "true"),
        body(q_md5, q_new, "\"12\"", "true"),
        body(q_md5, q_new, "12", "\"true\""),
        body("\"" + md5.substr(1) + "\"", q_new, "12", "true"),
        body(q_md5, "\"" + std::string(32, 'g') + "\"", "12", "true"),
        body("null", q_new, "12", "true"),
        R"({"password":")" + good_new + R"(","newPasswordLength":12,"newPasswordIsLatin":true})",
    };
    for (const auto& b : bad) {
        const Response r = change(592640, b);
        EXPECT_EQ(r.status, 400) << b; // NS-PWD-7 step 2
        EXPECT_EQ(r.body, R"({"message":"Некорректный запрос"})") << b;
    }
    // Uppercase hex is still hex.
    auto upper_hex = [](std::string hex) {
        for (auto& ch : hex) {
            if (ch >= 'a' && ch <= 'f') {
                ch = static_cast<char>(ch - 'a' + 'A');
            }
        }
        return "\"" + hex + "\"";
    };
    const std::string upper = body(upper_hex(md5), upper_hex(good_new), "12", "true");
    // GEN-9: a form body is refused before anything else.
    EXPECT_EQ(change(592640, "oldPassword=x", "application/x-www-form-urlencoded").status, 400);
    EXPECT_EQ(change(592640, upper).status, 200) << upper;
}

TEST_F(AsursoPasswordChange, TheNewLengthDecidesThePwPrefix) {
    login("ИвановИ", "Qwe123!z", 2436);
    ASSERT_EQ(
        change(592640, change_body("Qwe123!z", "A-much-longer-password-of-40-characters!")).status,
        200);
    // NS-PWD-8, NS-HASH-5: stored_len 40 means PW is all 32 characters of pw2.
    EXPECT_EQ(relogin_status("ИвановИ", "A-much-longer-password-of-40-characters!", 2436), 200);
}

// ---- NS-PWD-2 generator -------------------------------------------------------------------

TEST(PasswordGenerator, GeneratesLatinPasswordsWithEveryClass) {
    asurso::PasswordGenerator gen{asurso::PasswordConfig{}};
    std::set<std::string> seen;
    for (int i = 0; i < 500; ++i) {
        const auto pw = gen.generate();
        EXPECT_TRUE(meets_nspwd2(pw, "!#$%&*+-=?@^_", 10)) << pw; // NS-PWD-2
        seen.insert(pw);
    }
    EXPECT_EQ(seen.size(), 500u); // CSPRNG: no repeats in practice
}

TEST(PasswordGenerator, NeverShorterThanEightAndUsesTheConfiguredSymbols) {
    asurso::PasswordConfig config;
    config.generated_length = 4;
    config.generator_symbols = "@";
    asurso::PasswordGenerator gen{config};
    for (int i = 0; i < 100; ++i) {
        EXPECT_TRUE(meets_nspwd2(gen.generate(), "@", 8));
    }
    config.generated_length = 24;
    config.generator_symbols = "a1 "; // no usable symbol: the default set
    asurso::PasswordGenerator fallback{config};
    EXPECT_TRUE(meets_nspwd2(fallback.generate(), "!#$%&*+-=?@^_", 24));
}

TEST(PasswordGenerator, ASeedMakesTheSequenceRepeatable) {
    asurso::PasswordConfig config;
    config.generator_seed = 42;
    asurso::PasswordGenerator a{config};
    asurso::PasswordGenerator b{config};
    const auto first = a.generate();
    EXPECT_EQ(first, b.generate());
    EXPECT_EQ(a.generate(), b.generate());
    a.reset(); // MOCK-CP-3
    EXPECT_EQ(a.generate(), first);
    config.generator_seed = 43;
    asurso::PasswordGenerator c{config};
    EXPECT_NE(c.generate(), first);
}

} // namespace
} // namespace logintest::mocks::testing
