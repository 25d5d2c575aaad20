// <if> and <choose> end to end against the in-process mock: only the branch taken is sent and
// recorded; a <choose> picks one option per run (always the only weighted one here), recorded
// as a step name prefix; a seed makes the pick repeatable.
#include "mock_target.hpp"

namespace logintest::integration {
namespace {

using harness::model::Verdict;

const std::string branches = R"(<journey name="branches">
  <step name="logindata" url="${asurso}/webapi/logindata">
    <extract var="school_login" json="/schoolLogin"/>
  </step>
  <if var="school_login" equals="true">
    <set var="path" value="school"/>
    <step name="school_yes" url="${asurso}/webapi/logindata">
      <expect status="200" clause="NS-LOGIN-4"/>
    </step>
  </if>
  <if var="school_login" not-equals="true">
    <step name="school_no" url="${asurso}/nothing-here"/>
  </if>
  <if var="school_login" matches="^(true|false)$">
    <step name="boolean" url="${asurso}/webapi/logindata">
      <expect var="path" equals="school" clause="NS-LOGIN-4"/>
    </step>
  </if>
  <choose>
    <option weight="1000000" name="heavy">
      <step name="heavy_step" url="${asurso}/webapi/logindata">
        <expect status="200" clause="NS-LOGIN-4"/>
      </step>
    </option>
    <option weight="1" name="light">
      <step name="light_step" url="${asurso}/nothing-here"/>
    </option>
  </choose>
</journey>)";

TEST(Branches, OnlyTheBranchTakenIsSentAndRecorded) {
    MockTarget target;
    const auto journey = target.run(branches);
    EXPECT_EQ(journey.verdict, Verdict::pass) << explain(journey);
    std::vector<std::string> names;
    for (const auto& step : journey.steps) {
        names.push_back(step.name);
    }
    // "mock-reset" is not a step of the result when the reset succeeds.
    EXPECT_EQ(names,
              (std::vector<std::string>{"logindata", "school_yes", "boolean", "heavy/heavy_step"}));
}

TEST(Branches, ASeedMakesThePickRepeatable) {
    MockTarget target;
    const auto journey = MockTarget::journey(R"(<journey name="coin">
  <choose>
    <option name="a"><step name="sa" url="${asurso}/webapi/logindata"/></option>
    <option name="b"><step name="sb" url="${asurso}/webapi/logindata"/></option>
  </choose>
</journey>)");
    auto context = target.context();
    context.seed = 42;
    const auto first = harness::engine::run_catalog({journey}, context, {});
    for (int i = 0; i < 5; ++i) {
        const auto again = harness::engine::run_catalog({journey}, context, {});
        ASSERT_EQ(again.journeys.at(0).steps.size(), 1u);
        EXPECT_EQ(again.journeys[0].steps[0].name, first.journeys.at(0).steps.at(0).name);
    }
}

} // namespace
} // namespace logintest::integration
