// Handler-level tests of asurso sessions (§8): authenticated endpoints, 401 rules, logout,
// idle timeout on the host clock; run against AsursoApp directly without a network.
#include "asurso_test_support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace logintest::mocks::testing {
namespace {

using ::testing::MatchesRegex;

constexpr std::string_view unauthorized_body = R"({"message":"Необходима авторизация"})";

class AsursoSession : public AsursoTest {
protected:
    // Logs in and returns the `at`.
    std::string login(std::string_view who = "ИвановИ", std::string_view password = "Qwe123!z",
                      int scid = 2436) {
        const Response r = client.login(who, password, scid);
        EXPECT_EQ(r.status, 200) << r.body;
        return Client::at_of(r);
    }

    Response get_with_at(Client& c, const std::string& target, const std::string& at) {
        return c.get(target, {{"at", at}});
    }
};

TEST_F(AsursoSession, DiaryInitWithAtAndCookieListsThePupil) {
    const auto at = login();
    const Response r = get_with_at(client, "/webapi/student/diary/init", at);
    ASSERT_EQ(r.status, 200) << r.body;
    // NS-SESSION-8; 2025-11-28 is a Friday, so the week starts on Monday 24 November.
    EXPECT_EQ(body_json(r), boost::json::parse(R"({"students":[{"studentId":592640,
        "nickName":"Иванов Иван","className":null}],"currentStudentId":0,
        "weekStart":"2025-11-24T00:00:00","maxMark":5})"));
}

TEST_F(AsursoSession, DiaryInitOfAParentListsTheChildren) {
    const auto at = login("ИвановаЕ", "Par3nt$Key");
    const Response r = get_with_at(client, "/webapi/student/diary/init", at);
    const auto students = body_json(r).at("students").as_array();
    ASSERT_EQ(students.size(), 1u); // J1-12
    EXPECT_EQ(students[0].at("studentId"), 592640);
}

TEST_F(AsursoSession, DiaryInitOfATeacherListsNobody) {
    const auto at = login("smirnova.ov", "T3ach&Desk");
    const Response r = get_with_at(client, "/webapi/student/diary/init", at);
    EXPECT_TRUE(body_json(r).at("students").as_array().empty());
}

TEST_F(AsursoSession, WithoutAtTheAnswerIs401WithoutCookies) {
    login();
    const Response r = client.get("/webapi/student/diary/init");
    EXPECT_EQ(r.status, 401);
    EXPECT_EQ(r.body, unauthorized_body); // NS-SESSION-3
    EXPECT_TRUE(r.headers_named("Set-Cookie").empty());
}

TEST_F(AsursoSession, AtWithoutOrWithAnotherSessionsCookieIs401) {
    const auto at = login();
    Client bare(*app);
    EXPECT_EQ(get_with_at(bare, "/webapi/student/diary/init", at).status, 401); // no ESRNSec

    Client other(*app);
    ASSERT_EQ(other.login("ИвановаЕ", "Par3nt$Key", 2436).status, 200);
    EXPECT_EQ(get_with_at(other, "/webapi/student/diary/init", at).status, 401); // N14

    client.cookies["ESRNSec"] = "ESRNSECR592640=00000000000000000000000000000000";
    EXPECT_EQ(get_with_at(client, "/webapi/student/diary/init", at).status, 401);
}

TEST_F(AsursoSession, NssessionidIsNotNeededAfterLogin) {
    const auto at = login();
    client.cookies.erase("NSSESSIONID");
    EXPECT_EQ(get_with_at(client, "/webapi/context", at).status, 200); // NS-SESSION-3
}

TEST_F(AsursoSession, ContextYearsAndAssignmentTypes) {
    const auto at = login();
    EXPECT_EQ(body_json(get_with_at(client, "/webapi/context", at)),
              boost::json::parse(R"({"schoolId":2436,"userId":592640,"roleId":1,
                  "schoolYearId":102025,"user":{"id":592640,"name":"Иванов И."}})"));
    EXPECT_EQ(body_json(get_with_at(client, "/webapi/years/current", at)),
              boost::json::parse(R"({"id":102025,"name":"2025/2026",
                  "startDate":"2025-09-01T00:00:00","endDate":"2026-08-31T00:00:00"})"));
    const Response types = get_with_at(client, "/webapi/grade/assignment/types?all=false", at);
    ASSERT_EQ(types.status, 200);
    EXPECT_EQ(body_json(types), boost::json::parse(R"([{"id":1,"abbr":"О",
        "name":"Ответ на уроке","order":0},{"id":3,"abbr":"К","name":"Контрольная работа",
        "order":1}])"));
    EXPECT_EQ(get_with_at(client, "/webapi/grade/assignment/types?all=1&all=2", at).status, 400);
}

TEST_F(AsursoSession, ContextExpiredTellsLiveFromDead) {
    const auto at = login();
    Client anonymous(*app);
    EXPECT_EQ(anonymous.get("/webapi/context/expired?token=" + at).body, "false");
    EXPECT_EQ(anonymous.get("/webapi/context/expired?token=1234").body, "true");
    EXPECT_EQ(anonymous.get("/webapi/context/expired").body, "true");
    EXPECT_EQ(anonymous.get("/webapi/context/expired?token=1&token=2").status, 400); // GEN-9
}

TEST_F(AsursoSession, LogoutEndsTheSessionAndASecondLogoutIs401) {
    const auto at = login();
    const Response out = client.send("POST", "/webapi/auth/logout", {}, {}, {{"at", at}});
    EXPECT_EQ(out.status, 200); // NS-SESSION-9
    EXPECT_TRUE(out.body.empty());
    EXPECT_EQ(out.headers_named("Set-Cookie"),
              std::vector<std::string_view>{"ESRNSec=; Path=/; HttpOnly; Max-Age=0"});
    EXPECT_EQ(app->state().counters.event("logouts"), 1);

    // NS-SESSION-10: the old `at` and cookie are dead; a second logout is 401.
    EXPECT_EQ(client.cookies.count("ESRNSec"), 0u); // the jar obeyed the clearing cookie
    EXPECT_EQ(get_with_at(client, "/webapi/student/diary/init", at).status, 401);
    const Response again = client.send("POST", "/webapi/auth/logout", {}, {}, {{"at", at}});
    EXPECT_EQ(again.status, 401);
    EXPECT_EQ(again.body, unauthorized_body);
    EXPECT_EQ(Client(*app).get("/webapi/context/expired?token=" + at).body, "true");
}

TEST_F(AsursoSession, LogoutKeepsTheCookieSoTheSameCookieThenFails) {
    const Response r = client.login("ИвановИ", "Qwe123!z", 2436);
    const auto at = Client::at_of(r);
    const auto cookie = client.cookies.at("ESRNSec");
    client.send("POST", "/webapi/auth/logout", {}, {}, {{"at", at}});
    client.cookies["ESRNSec"] = cookie; // a client that ignores the clearing cookie
    EXPECT_EQ(get_with_at(client, "/webapi/context", at).status, 401);
    EXPECT_EQ(client.send("POST", "/webapi/auth/logout", {}, {}, {{"at", at}}).status, 401);
}

TEST_F(AsursoSession, LogoutTakesAtFromTheFormOrTheQuery) {
    const auto at = login();
    EXPECT_EQ(client
                  .send("POST", "/webapi/auth/logout", "at=" + at + "&ver=1",
                        "application/x-www-form-urlencoded")
                  .status,
              200);
    const auto at2 = login();
    EXPECT_EQ(client.send("POST", "/webapi/auth/logout?at=" + at2).status, 200);
}

TEST_F(AsursoSession, SessionDiesAfterTheIdleTimeoutAndRequestsRenewIt) {
    const auto at = login();
    auto& clock = app->state().clock;
    clock.advance(std::chrono::seconds(3599));
    EXPECT_EQ(get_with_at(client, "/webapi/context", at).status, 200); // renews (NS-SESSION-4)
    clock.advance(std::chrono::seconds(3599));
    EXPECT_EQ(get_with_at(client, "/webapi/context", at).status, 200);
    clock.advance(std::chrono::seconds(3601));
    EXPECT_EQ(get_with_at(client, "/webapi/student/diary/init", at).status, 401); // J10-07
}

TEST_F(AsursoSession, ContextExpiredDoesNotRenew) {
    const auto at = login();
    auto& clock = app->state().clock;
    clock.advance(std::chrono::seconds(3000));
    EXPECT_EQ(client.get("/webapi/context/expired?token=" + at).body, "false");
    clock.advance(std::chrono::seconds(700));
    EXPECT_EQ(client.get("/webapi/context/expired?token=" + at).body, "true"); // NS-SESSION-5
}

TEST_F(AsursoSession, UsersMayHoldSeveralSessions) {
    const auto first = login();
    Client second_client(*app);
    const auto second = Client::at_of(second_client.login("ИвановИ", "Qwe123!z", 2436));
    EXPECT_NE(first, second);
    EXPECT_EQ(get_with_at(client, "/webapi/context", first).status, 200);
    EXPECT_EQ(get_with_at(second_client, "/webapi/context", second).status, 200);
}

TEST_F(AsursoSession, UnknownPathIs404AndWrongMethodIs405WithAllow) {
    const Response missing = client.get("/webapi/nothing-here");
    EXPECT_EQ(missing.status, 404);                                               // GEN-5
    EXPECT_EQ(missing.header("Content-Type"), "application/json; charset=utf-8"); // GEN-7
    const Response wrong = client.get("/webapi/login");
    EXPECT_EQ(wrong.status, 405);
    EXPECT_EQ(wrong.header("Allow"), "POST");
    EXPECT_EQ(client.send("DELETE", "/webapi/logindata").header("Allow"), "GET");
}

} // namespace
} // namespace logintest::mocks::testing
