// The journey-language features of spec §24 end to end against the in-process mock: <set>
// between steps, <include> of lib files with parameters and prefixes, named sessions,
// cookies="none", repeat, the var / location.query / final.query subjects and `of`, mock-only
// steps and checks against a target that is not a mock, and the MOCK-CP-3 reset before each
// journey (and what a failed reset looks like).
#include "mock_target.hpp"
#include "tests/support/step_names.hpp"

#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace logintest::integration {
namespace {

using test_support::Names;
using test_support::step_names;
namespace fs = std::filesystem;
using harness::model::Outcome;
using harness::model::Verdict;

// getdata + login of ИвановИ with ${proof} as pw2, `at` extracted.
const std::string login_steps = pupil_login_steps("${proof}", R"(
    <extract var="at" json="/at"/>
    <expect status="200" clause="NS-LOGIN-22"/>)");

TEST(JourneyLanguage, SetsRunBetweenStepsAgainstTheVariablesOfThatMoment) {
    MockTarget target;
    const auto journey = target.run(R"(<journey name="sets">
  <account as="pupil" login="ИвановИ" scid="2436"/>
  <set var="proof" value="not yet"/>
  <step name="getdata" method="POST" url="${asurso}/webapi/auth/getdata">
    <extract var="lt" json="/lt"/><extract var="ver" json="/ver"/><extract var="salt" json="/salt"/>
  </step>
  <set var="proof" value="${pw2(pupil.password, salt)}"/>
  <set var="sum" value="${add(salt, '1')}"/>
  <step name="login" method="POST" url="${asurso}/webapi/login">
    <field name="LoginType" value="1"/><field name="scid" value="${pupil.scid}"/>
    <field name="UN" value="${pupil.login}"/><field name="pw2" value="${proof}"/>
    <field name="PW" value="${pw(pupil.password, salt)}"/>
    <field name="lt" value="${lt}"/><field name="ver" value="${ver}"/>
    <expect status="200" clause="NS-LOGIN-22"/>
    <expect var="proof" equals="${pw2(pupil.password, salt)}" clause="NS-HASH-3"/>
    <expect var="sum" equals="${add('1', salt)}" clause="NS-HASH-3"/>
  </step>
</journey>)");
    EXPECT_EQ(journey.verdict, Verdict::pass) << explain(journey);
}

// A scenario folder with lib/ in a temporary directory.
class LibFolder {
public:
    LibFolder() {
        dir_ = fs::temp_directory_path() / ("logintest-lang-" + std::to_string(::getpid()));
        fs::create_directories(dir_ / "lib");
    }
    ~LibFolder() { fs::remove_all(dir_); }
    void write(const std::string& relative, const std::string& xml) {
        std::ofstream(dir_ / relative) << xml;
    }
    harness::model::Journey load(const std::string& relative) {
        auto loaded = harness::scenario::load_journey_file((dir_ / relative).string(),
                                                           harness::scenario::SpecIds::builtin(),
                                                           harness::engine::predefined_variables());
        for (const auto& e : loaded.errors) {
            ADD_FAILURE() << harness::scenario::format_error(e);
        }
        return loaded.journey.value_or(harness::model::Journey{});
    }

private:
    fs::path dir_;
};

TEST(JourneyLanguage, IncludesInlineLibJourneysWithParametersAndPrefixes) {
    MockTarget target;
    LibFolder folder;
    folder.write("lib/school_login.xml",
                 R"(<journey name="school_login">
  <param name="password"/>
  <set var="proof" value="${pw2(password, salt)}"/>)" +
                     login_steps.substr(login_steps.find("  <step name=\"login\"")) +
                     "\n</journey>\n");
    folder.write("lib/getdata_and_login.xml", R"(<journey name="getdata_and_login">
  <param name="password"/>
  <step name="getdata" method="POST" url="${asurso}/webapi/auth/getdata">
    <extract var="lt" json="/lt"/><extract var="ver" json="/ver"/><extract var="salt" json="/salt"/>
  </step>
  <include journey="school_login"><with name="password" value="${password}"/></include>
</journey>)");
    folder.write("journey.xml", R"(<journey name="included">
  <account as="pupil" login="ИвановИ" scid="2436"/>
  <include journey="getdata_and_login"><with name="password" value="${pupil.password}"/></include>
  <include journey="getdata_and_login" prefix="again_">
    <with name="password" value="${pupil.password}"/>
  </include>
  <step name="diary" url="${asurso}/webapi/student/diary/init">
    <header name="at" value="${at}"/>
    <expect status="200" clause="NS-SESSION-8"/>
  </step>
</journey>)");
    const auto journey = target.run(std::vector{folder.load("journey.xml")}).journeys.at(0);
    EXPECT_EQ(journey.verdict, Verdict::pass) << explain(journey);
    ASSERT_EQ(journey.steps.size(), 5u);
    EXPECT_EQ(step_names(journey.steps),
              (Names{"getdata", "login", "again_getdata", "again_login", "diary"}));
}

TEST(JourneyLanguage, SessionsCookiesNoneAndRepeat) {
    MockTarget target;
    const auto journey = target.run(R"(<journey name="browsers">
  <account as="pupil" login="ИвановИ" scid="2436"/>
  <step name="logindata" url="${asurso}/webapi/logindata" repeat="3">
    <extract var="seen" json="/schoolLogin"/>
    <expect status="200" clause="NS-LOGIN-4"/>
  </step>
  <step name="getdata" method="POST" url="${asurso}/webapi/auth/getdata">
    <extract var="lt" json="/lt"/><extract var="ver" json="/ver"/><extract var="salt" json="/salt"/>
  </step>
  <set var="proof" value="${pw2(pupil.password, salt)}"/>)" +
                                    login_steps.substr(login_steps.find("  <step name=\"login\"")) +
                                    R"(
  <step name="other_browser" url="${asurso}/webapi/student/diary/init" session="other">
    <header name="at" value="${at}"/>
    <expect status="401" clause="NS-SESSION-3"/>
  </step>
  <step name="no_cookies" url="${asurso}/webapi/student/diary/init" cookies="none">
    <header name="at" value="${at}"/>
    <expect status="401" clause="NS-SESSION-3"/>
  </step>
  <step name="same_browser" url="${asurso}/webapi/student/diary/init">
    <header name="at" value="${at}"/>
    <expect status="200" clause="NS-SESSION-8"/>
    <expect var="seen" equals="true" clause="NS-LOGIN-4"/>
  </step>
</journey>)");
    EXPECT_EQ(journey.verdict, Verdict::pass) << explain(journey);
    ASSERT_EQ(journey.steps.size(), 8u);
    EXPECT_EQ(step_names(journey.steps),
              (Names{"logindata#1", "logindata#2", "logindata#3", "getdata", "login",
                     "other_browser", "no_cookies", "same_browser"}));
}

TEST(JourneyLanguage, LocationQueryFinalQueryAndOf) {
    MockTarget target;
    const auto journey = target.run(R"(<journey name="subjects">
  <step name="crosslogin" url="${asurso}/webapi/sso/esia/crosslogin">
    <extract var="state" location.query="state"/>
    <expect status="302" clause="NS-ESIA-1"/>
    <expect location.query="client_id" equals="ASURSO" clause="NS-ESIA-2"/>
    <expect location.query="state" equals="${state}" clause="NS-ESIA-2"/>
    <expect location.query="no_such_param" absent="true" clause="NS-ESIA-2"/>
  </step>
  <step name="login_page" url="${asurso}/app/login?category=pupil" follow="all">
    <expect final.query="category" equals="pupil" clause="NS-LOGIN-1"/>
    <expect json="/a" of="${b64url_decode('eyJhIjoxfQ')}" equals="1" clause="NS-LOGIN-1"/>
    <expect body="" of="${layout_ru('Qwe123!z')}" equals="Йцу123!я" clause="NS-PWD-21"/>
  </step>
</journey>)");
    EXPECT_EQ(journey.verdict, Verdict::pass) << explain(journey);
}

TEST(JourneyLanguage, MockOnlyPartsSkipAgainstATargetThatIsNotAMock) {
    MockTarget target;
    auto context = target.context();
    context.mock = false;
    const auto journey = MockTarget::journey(R"(<journey name="real">
  <step name="counters" url="${asurso}/mock/counters" mock-only="true">
    <extract var="requests" json="/requests"/>
    <expect status="200" clause="MOCK-CP-4"/>
  </step>
  <set var="clock" value="x" mock-only="true"/>
  <step name="logindata" url="${asurso}/webapi/logindata">
    <expect status="200" clause="NS-LOGIN-4"/>
    <expect json="/schoolLogin" equals="false" clause="NS-LOGIN-4" mock-only="true"/>
  </step>
  <step name="uses_the_mock_value" url="${asurso}/${requests}"/>
</journey>)");
    const auto run = harness::engine::run_catalog({journey}, context, {});
    const auto& result = run.journeys.at(0);
    ASSERT_EQ(result.steps.size(), 3u) << explain(result);
    EXPECT_EQ(result.steps[0].verdict, Verdict::skip);
    EXPECT_EQ(result.steps[0].error, "needs the mock");
    EXPECT_EQ(result.steps[0].checks.at(0).message, "needs the mock");
    EXPECT_EQ(result.steps[1].verdict, Verdict::pass) << explain(result);
    EXPECT_EQ(result.steps[1].checks.at(1).verdict, Verdict::skip);
    EXPECT_EQ(result.steps[1].checks.at(1).message, "needs the mock");
    EXPECT_EQ(result.steps[2].verdict, Verdict::skip);
    EXPECT_NE(result.steps[2].error.find("step 'counters' sets only against the mock"),
              std::string::npos)
        << result.steps[2].error;
    EXPECT_NE(result.verdict, Verdict::fail);
    // Against the mock the same journey runs every part (the mock-only check fails here).
    const auto mocked = target.run(std::vector{journey}).journeys.at(0);
    EXPECT_EQ(mocked.steps.at(0).verdict, Verdict::pass) << explain(mocked);
    EXPECT_EQ(mocked.steps.at(1).checks.at(1).verdict, Verdict::fail);
}

TEST(JourneyLanguage, EveryJourneyStartsFromAResetMock) {
    MockTarget target;
    const auto first = MockTarget::journey(R"(<journey name="first">
  <step name="logindata" url="${asurso}/webapi/logindata"><expect status="200" clause="NS-LOGIN-4"/></step>
  <step name="counted" url="${asurso}/mock/counters">
    <expect json="/requests/GET ~1webapi~1logindata" equals="1" clause="MOCK-CP-4"/>
  </step>
</journey>)");
    const auto run = target.run(std::vector{first, first, first});
    for (const auto& journey : run.journeys) {
        EXPECT_EQ(journey.verdict, Verdict::pass) << explain(journey);
    }
}

TEST(JourneyLanguage, AFailedResetIsAnInfrastructureErrorOfTheJourney) {
    MockTarget target;
    auto context = target.context();
    context.asurso_base = "http://127.0.0.1:1";
    const auto journey = MockTarget::journey(R"(<journey name="unreachable">
  <step name="logindata" url="${esia}/mock/health"><expect status="200" clause="MOCK-CP-2"/></step>
</journey>)");
    const auto run = harness::engine::run_catalog({journey}, context, {});
    const auto& result = run.journeys.at(0);
    ASSERT_EQ(result.steps.size(), 2u) << explain(result);
    EXPECT_EQ(result.steps[0].name, "mock-reset");
    EXPECT_EQ(result.steps[0].outcome, Outcome::refused);
    EXPECT_NE(result.steps[0].error.find("POST http://127.0.0.1:1/mock/reset"), std::string::npos)
        << result.steps[0].error;
    EXPECT_EQ(result.steps[1].outcome, Outcome::not_run);
    EXPECT_EQ(result.verdict, Verdict::fail);
}

} // namespace
} // namespace logintest::integration
