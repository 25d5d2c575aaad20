// The loader on <if> and <choose>/<option>: guards on the steps and sets inside, choices with
// their weights and labels, unique step names across branches, and the errors of each.
#include "harness/scenario/loader.hpp"
#include "loader_test_support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace logintest::harness::scenario {
namespace {

using namespace testing;
using model::Guard;
using ::testing::HasSubstr;

TEST(LoaderBranches, IfAndChooseGuardTheirSteps) {
    const LoadResult r = load_text(R"(<journey name="j">
<var name="role" value="pupil"/>
<step name="a" url="${asurso}/a"/>
<if var="role" equals="pupil">
  <set var="x" value="1"/>
  <step name="b" url="${asurso}/b"/>
  <if var="x" matches="^[0-9]$"><step name="c" url="${asurso}/c"/></if>
</if>
<choose>
  <option weight="3" name="fast"><step name="d" url="${asurso}/d"/></option>
  <option><step name="e" url="${asurso}/e"/></option>
</choose>
</journey>)");
    ASSERT_TRUE(r.ok()) << all_errors(r);
    const auto& steps = r.journey->steps;
    ASSERT_EQ(steps.size(), 5u);
    EXPECT_TRUE(steps[0].guards.empty());
    ASSERT_EQ(steps[1].guards.size(), 1u);
    EXPECT_EQ(steps[1].guards[0].kind, Guard::Kind::equals);
    EXPECT_EQ(steps[1].guards[0].var, "role");
    ASSERT_EQ(steps[1].sets.size(), 1u);
    EXPECT_EQ(steps[1].sets[0].guards.size(), 1u);
    EXPECT_EQ(steps[2].guards.size(), 2u);
    EXPECT_EQ(steps[2].guards[1].kind, Guard::Kind::matches);
    ASSERT_EQ(r.journey->choices.size(), 1u);
    EXPECT_EQ(r.journey->choices[0].weights, (std::vector<int>{3, 1}));
    EXPECT_EQ(r.journey->choices[0].labels, (std::vector<std::string>{"fast", "option2"}));
    EXPECT_EQ(steps[4].guards.at(0).kind, Guard::Kind::choice);
    EXPECT_EQ(steps[4].guards.at(0).option, 1u);
}

TEST(LoaderBranches, ErrorsOfIfAndChoose) {
    const LoadResult r = load_text(R"(<journey name="j">
<step name="a" url="${asurso}/a"/>
<if var="nope" equals="1"><step name="b" url="${asurso}/b"/></if>
<if var="a.b" equals="1" matches="x"><step name="c" url="${asurso}/c"/></if>
<choose><option weight="0"><step name="a" url="${asurso}/d"/></option><step name="x" url="${asurso}"/></choose>
<choose/>
<if var="q" not-equals="1"><var name="z" value="1"/></if>
</journey>)");
    const std::string errors = all_errors(r);
    expect_contains_all(errors, {"test.xml:3: <if> var: variable 'nope' is not defined",
                                 "test.xml:4: <if> needs exactly one of equals",
                                 "weight '0' must be a whole number", "duplicate step name 'a'",
                                 "unknown element <step> in <choose>",
                                 "<choose> needs at least one <option>",
                                 "<var> is not allowed inside <if>"});
}

} // namespace
} // namespace logintest::harness::scenario
