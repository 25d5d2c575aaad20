// The school-module login journey end to end against the in-process mock (spec J1, J4):
// the right password passes, a wrong one gets the exact 409 text, a reused salt is
// rejected, an API call without `at` gets 401, and the checks really fail when the answer
// is not what the spec says.
#include "mock_target.hpp"

#include <fmt/format.h>

namespace logintest::integration {

std::string explain(const harness::model::JourneyResult& journey) {
    std::string text;
    for (const auto& step : journey.steps) {
        text += fmt::format("step {}: {} {} {}\n", step.name, to_string(step.verdict),
                            to_string(step.outcome), step.error);
        for (const auto& c : step.checks) {
            text += fmt::format("    {} {}: {} (actual {})\n", to_string(c.verdict), c.description,
                                c.message, c.actual);
        }
    }
    return text;
}

namespace {

using harness::model::Outcome;
using harness::model::Verdict;

// getdata + login as ИвановИ with the given password template, then the checks in `expects`.
std::string login_journey(const std::string& password, const std::string& login_expects,
                          const std::string& after = "") {
    return R"(<journey name="inline" spec="J1">
  <account as="pupil" login="ИвановИ" scid="2436"/>
  <step name="logindata" url="${asurso}/webapi/logindata">
    <expect status="200" clause="NS-LOGIN-4"/>
  </step>
  <step name="getdata" method="POST" url="${asurso}/webapi/auth/getdata">
    <extract var="lt" json="/lt"/><extract var="ver" json="/ver"/><extract var="salt" json="/salt"/>
    <expect status="200" clause="NS-LOGIN-12"/>
  </step>
  <step name="login" method="POST" url="${asurso}/webapi/login">
    <field name="LoginType" value="1"/><field name="scid" value="${pupil.scid}"/>
    <field name="UN" value="${pupil.login}"/>
    <field name="PW" value="${pw(')" +
           password + R"(', salt)}"/>
    <field name="pw2" value="${pw2(')" +
           password + R"(', salt)}"/>
    <field name="lt" value="${lt}"/><field name="ver" value="${ver}"/>
    )" + login_expects +
           R"(
  </step>)" +
           after + R"(
</journey>)";
}

TEST(SchoolLogin, TheShippedCatalogPassesAgainstTheEmbeddedMock) {
    MockTarget target;
    std::vector<harness::model::Journey> journeys;
    for (const char* file : {"school_login.xml", "wrong_password.xml"}) {
        auto loaded = harness::scenario::load_journey_file(
            std::string(LOGINTEST_SOURCE_DIR) + "/scenarios/" + file,
            harness::scenario::SpecIds::builtin(), harness::engine::predefined_variables());
        ASSERT_TRUE(loaded.ok()) << file;
        journeys.push_back(*loaded.journey);
    }
    const auto run = target.run(journeys);
    for (const auto& journey : run.journeys) {
        EXPECT_EQ(journey.verdict, Verdict::pass) << journey.name << "\n" << explain(journey);
        EXPECT_GE(journey.steps.size(), 3u);
    }
}

TEST(SchoolLogin, RightPasswordGetsAnAtOf25Digits) {
    MockTarget target;
    const auto journey = target.run(login_journey("Qwe123!z", R"(
    <expect status="200" clause="NS-LOGIN-22"/>
    <expect json="/at" matches="^[0-9]{25}$" clause="NS-LOGIN-22"/>
    <expect json="/accountInfo/user/id" equals="592640" clause="NS-LOGIN-22"/>)"));
    EXPECT_EQ(journey.verdict, Verdict::pass) << explain(journey);
}

TEST(SchoolLogin, WrongPasswordGetsTheExact409Text) {
    MockTarget target;
    const auto journey = target.run(login_journey("Qwe123!Z", R"(
    <expect status="409" clause="NS-LOGIN-20"/>
    <expect json="" equals='{"message":"Неправильный пароль или имя пользователя"}' clause="NS-LOGIN-20"/>
    <expect no-cookie="ESRNSec" clause="NS-LOGIN-21"/>)"));
    EXPECT_EQ(journey.verdict, Verdict::pass) << explain(journey);
}

TEST(SchoolLogin, ACheckThatDoesNotHoldFailsAndCitesItsClause) {
    MockTarget target;
    const auto journey = target.run(login_journey("wrong-password", R"(
    <expect status="200" clause="NS-LOGIN-22" check="J1-08"/>)"));
    ASSERT_EQ(journey.verdict, Verdict::fail) << explain(journey);
    const auto& check = journey.steps.at(2).checks.at(0);
    EXPECT_EQ(check.verdict, Verdict::fail);
    EXPECT_EQ(check.clauses, std::vector<std::string>{"NS-LOGIN-22"});
    EXPECT_NE(check.message.find("409"), std::string::npos) << check.message;
}

TEST(SchoolLogin, AReusedSaltIsRejected) {
    MockTarget target;
    // The same login request again, without a new getdata: the salt was consumed.
    const auto journey =
        target.run(login_journey("Qwe123!z", R"(<expect status="200" clause="NS-LOGIN-22"/>)",
                                 R"(
  <step name="replay" method="POST" url="${asurso}/webapi/login">
    <field name="LoginType" value="1"/><field name="scid" value="${pupil.scid}"/>
    <field name="UN" value="${pupil.login}"/>
    <field name="PW" value="${pw('Qwe123!z', salt)}"/><field name="pw2" value="${pw2('Qwe123!z', salt)}"/>
    <field name="lt" value="${lt}"/><field name="ver" value="${ver}"/>
    <expect status="409" clause="NS-LOGIN-14"/>
    <expect json="/message" equals="Данные формы входа устарели. Обновите страницу и повторите вход." clause="NS-LOGIN-14"/>
  </step>)"));
    EXPECT_EQ(journey.verdict, Verdict::pass) << explain(journey);
}

TEST(SchoolLogin, AnApiCallWithoutAtGets401) {
    MockTarget target;
    const auto journey = target.run(login_journey(
        "Qwe123!z", R"(<extract var="at" json="/at"/><expect status="200" clause="NS-LOGIN-22"/>)",
        R"(
  <step name="diary_without_at" url="${asurso}/webapi/student/diary/init">
    <expect status="401" clause="NS-SESSION-3"/>
    <expect json="/message" equals="Необходима авторизация" clause="NS-SESSION-3"/>
  </step>
  <step name="diary_with_at" url="${asurso}/webapi/student/diary/init">
    <header name="at" value="${at}"/>
    <expect status="200" clause="NS-SESSION-8"/>
  </step>)"));
    EXPECT_EQ(journey.verdict, Verdict::pass) << explain(journey);
}

TEST(SchoolLogin, SecretsNeverAppearInTheResult) {
    MockTarget target;
    const auto journey = target.run(login_journey("Qwe123!z", R"(<extract var="at" json="/at"/>
    <expect json="/at" equals="0" clause="NS-LOGIN-22"/>)"));
    const std::string text = explain(journey);
    EXPECT_EQ(text.find("Qwe123!z"), std::string::npos) << text;
    const auto& actual = journey.steps.at(2).checks.at(0).actual;
    EXPECT_NE(actual.find("***"), std::string::npos) << actual;
}

TEST(SchoolLogin, ARefusedConnectionIsAnOutcomeAndTheRunGoesOn) {
    MockTarget target;
    // A port nobody listens on: bind one, learn it, close it.
    auto journeys = std::vector{MockTarget::journey(R"(<journey name="dead">
  <step name="first" url="http://127.0.0.1:1/webapi/logindata"><expect status="200" clause="NS-LOGIN-4"/></step>
  <step name="second" url="${asurso}/webapi/logindata"><expect status="200" clause="NS-LOGIN-4"/></step>
</journey>)"),
                                MockTarget::journey(R"(<journey name="alive">
  <step name="logindata" url="${asurso}/webapi/logindata"><expect status="200" clause="NS-LOGIN-4"/></step>
</journey>)")};
    const auto run = target.run(journeys);
    ASSERT_EQ(run.journeys.size(), 2u);
    EXPECT_EQ(run.journeys[0].steps[0].outcome, Outcome::refused) << explain(run.journeys[0]);
    EXPECT_EQ(run.journeys[0].steps[0].verdict, Verdict::fail);
    EXPECT_EQ(run.journeys[0].steps[1].outcome, Outcome::not_run);
    EXPECT_EQ(run.journeys[0].steps[1].verdict, Verdict::skip);
    EXPECT_EQ(run.journeys[1].verdict, Verdict::pass) << explain(run.journeys[1]);
}

} // namespace
} // namespace logintest::integration
