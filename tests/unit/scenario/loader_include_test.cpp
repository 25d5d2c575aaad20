// <include journey="NAME">: lib files next to the including journey (lib/) or beside a lib
// file, <param>/<with>, prefixes, nested includes, mock-only includes, and the errors: missing
// file (naming the path), missing or unknown parameters, cycles, problems inside the lib file
// reported with the lib file's own name and line.
#include "harness/scenario/loader.hpp"
#include "loader_test_support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace logintest::harness::scenario {
namespace {

using namespace testing;
namespace fs = std::filesystem;
using ::testing::HasSubstr;

// A scenario folder in a temporary directory, with lib/ files written by the test.
class IncludeTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() /
               ("logintest-include-" + std::to_string(::getpid()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_ / "lib");
    }
    void TearDown() override { fs::remove_all(dir_); }

    void lib(const std::string& name, const std::string& xml) {
        std::ofstream(dir_ / "lib" / (name + ".xml")) << xml;
    }
    LoadResult load(const std::string& xml) {
        const std::string path = (dir_ / "journey.xml").string();
        std::ofstream(path) << xml;
        return load_journey_file(path, SpecIds::builtin(), standard_variables());
    }
    std::string path(const std::string& relative) const { return (dir_ / relative).string(); }

    fs::path dir_;
};

const std::string login_lib = R"(<journey name="login" description="getdata + login">
  <param name="who"/>
  <param name="password"/>
  <step name="getdata" method="POST" url="${asurso}/webapi/auth/getdata">
    <extract var="salt" json="/salt"/>
  </step>
  <set var="proof" value="${pw2(password, salt)}"/>
  <step name="login" method="POST" url="${asurso}/webapi/login">
    <field name="UN" value="${who}"/><field name="pw2" value="${proof}"/>
    <extract var="at" json="/at"/>
    <expect status="200" clause="NS-LOGIN-22"/>
  </step>
</journey>
)";

TEST_F(IncludeTest, InlinesTheStepsWithParametersAsSetsAndPrefixes) {
    lib("login", login_lib);
    const auto r = load(R"(<journey name="j">
  <account as="pupil" login="ИвановИ"/>
  <include journey="login">
    <with name="who" value="${pupil.login}"/>
    <with name="password" value="${pupil.password}"/>
  </include>
  <include journey="login" prefix="second_">
    <with name="who" value="${pupil.login}"/>
    <with name="password" value="${layout_ru(pupil.password)}"/>
  </include>
  <step name="diary" url="${asurso}/webapi/student/diary/init">
    <header name="at" value="${at}"/>
  </step>
</journey>)");
    ASSERT_TRUE(r.ok()) << all_errors(r);
    const auto& steps = r.journey->steps;
    ASSERT_EQ(steps.size(), 5u);
    EXPECT_EQ(step_names(steps),
              (Names{"getdata", "login", "second_getdata", "second_login", "diary"}));
    ASSERT_EQ(steps[0].sets.size(), 2u);
    EXPECT_EQ(steps[0].sets[0].var, "who");
    EXPECT_EQ(steps[0].sets[0].value.text, "${pupil.login}");
    EXPECT_EQ(steps[0].sets[0].where.file, path("journey.xml"));
    EXPECT_EQ(steps[0].sets[0].where.line, 4);
    ASSERT_EQ(steps[1].sets.size(), 1u);
    EXPECT_EQ(steps[1].sets[0].var, "proof");
    EXPECT_EQ(steps[2].sets[1].value.text, "${layout_ru(pupil.password)}");
    EXPECT_EQ(steps[1].where.file, path("lib/login.xml"));
    EXPECT_EQ(steps[1].where.line, 8);
    EXPECT_EQ(steps[1].checks[0].where.file, path("lib/login.xml"));
}

TEST_F(IncludeTest, NestedIncludesResolveBesideTheLibFileAndPrefixesCompose) {
    lib("inner", R"(<journey name="inner"><step name="ping" url="${asurso}/"/></journey>)");
    lib("outer", R"(<journey name="outer">
  <include journey="inner" prefix="in_"/>
  <step name="pong" url="${asurso}/"/>
</journey>)");
    const auto r = load(R"(<journey name="j"><include journey="outer" prefix="o_" mock-only="true"/>
<step name="last" url="${asurso}/"/></journey>)");
    ASSERT_TRUE(r.ok()) << all_errors(r);
    const auto& steps = r.journey->steps;
    ASSERT_EQ(steps.size(), 3u);
    EXPECT_EQ(step_names(steps), (Names{"o_in_ping", "o_pong", "last"}));
    EXPECT_TRUE(steps[0].mock_only);
    EXPECT_TRUE(steps[1].mock_only);
    EXPECT_FALSE(steps[2].mock_only);
}

TEST_F(IncludeTest, AMissingFileNamesThePathItLookedFor) {
    const auto r = load(R"(<journey name="j">
<include journey="nowhere"/>
<step name="s" url="${asurso}/"/></journey>)");
    EXPECT_THAT(all_errors(r), HasSubstr("journey.xml:2: include 'nowhere': no such file " +
                                         path("lib/nowhere.xml")));
}

TEST_F(IncludeTest, ParametersMustMatchTheWiths) {
    lib("login", login_lib);
    const auto r = load(R"(<journey name="j">
<include journey="login">
  <with name="who" value="x"/>
  <with name="pasword" value="y"/>
  <with name="who" value="z"/>
</include>
</journey>)");
    const std::string errors = all_errors(r);
    expect_contains_all(errors, {"journey.xml:2: include 'login': parameter 'password' has no "
                                 "<with name=\"password\" value=\"...\"/>",
                                 "journey.xml:4: include 'login' has no parameter 'pasword' "
                                 "(parameters: who, password)",
                                 "journey.xml:5: parameter 'who' is given twice"});
}

TEST_F(IncludeTest, CyclesAreDetected) {
    lib("a", R"(<journey name="a"><include journey="b"/></journey>)");
    lib("b",
        R"(<journey name="b"><step name="s" url="${asurso}/"/><include journey="a"/></journey>)");
    const auto r = load(R"(<journey name="j"><include journey="a"/></journey>)");
    EXPECT_THAT(all_errors(r), HasSubstr("b.xml:1: include cycle: a.xml -> b.xml -> a.xml"));
}

TEST_F(IncludeTest, ProblemsInsideTheLibFileCarryItsNameAndLine) {
    lib("broken", R"(<journey name="broken">
  <param name="p"/>
  <step name="s" url="${asurso}/${undefined_thing}">
    <expect status="2000" clause="GEN-1"/>
  </step>
  <account as="x" login="y"/>
</journey>)");
    const auto r = load(
        R"(<journey name="j"><include journey="broken"><with name="p" value="1"/></include></journey>)");
    const std::string errors = all_errors(r);
    EXPECT_THAT(errors, HasSubstr(path("lib/broken.xml") +
                                  ":3: url: variable 'undefined_thing' is not defined"));
    EXPECT_THAT(errors, HasSubstr(path("lib/broken.xml") + ":4: status '2000'"));
    EXPECT_THAT(errors, HasSubstr(path("lib/broken.xml") +
                                  ":6: <account> is not allowed in an included journey"));
}

TEST_F(IncludeTest, DuplicateStepNamesAcrossIncludesSuggestAPrefix) {
    lib("login", login_lib);
    const auto r = load(R"(<journey name="j">
<include journey="login"><with name="who" value="a"/><with name="password" value="b"/></include>
<include journey="login"><with name="who" value="a"/><with name="password" value="b"/></include>
</journey>)");
    EXPECT_THAT(all_errors(r), HasSubstr("duplicate step name 'getdata' (first at line 4); "
                                         "include the journey with prefix=\"...\""));
}

TEST_F(IncludeTest, TheLibJourneyNameMustMatchItsFile) {
    lib("named", R"(<journey name="other"><step name="s" url="${asurso}/"/></journey>)");
    const auto r = load(R"(<journey name="j"><include journey="named"/></journey>)");
    EXPECT_THAT(all_errors(r), HasSubstr("the included journey is named 'other', but its file is "
                                         "named.xml"));
}

TEST_F(IncludeTest, ParamOutsideALibAndBadNamesAreErrors) {
    const auto r = load(R"(<journey name="j">
<param name="p"/>
<include journey="../etc/passwd"/>
<step name="s" url="${asurso}/"/></journey>)");
    const std::string errors = all_errors(r);
    EXPECT_THAT(errors, HasSubstr("journey.xml:2: <param> belongs in an included journey"));
    EXPECT_THAT(errors, HasSubstr("journey.xml:3: include journey '../etc/passwd' must be a file "
                                  "name in lib/"));
}

} // namespace
} // namespace logintest::harness::scenario
