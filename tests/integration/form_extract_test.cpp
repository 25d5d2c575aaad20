// `<extract form=... as=...>` end to end against the in-process mock: the school login form of
// NS-LOGIN-1 read as a browser would submit it (hidden category, empty UN/PW, the selects'
// first options, the resolved action, POST).
#include "mock_target.hpp"

namespace logintest::integration {
namespace {

using harness::model::Verdict;

TEST(FormExtract, ReadsTheSchoolLoginFormOfTheMock) {
    MockTarget target;
    const auto journey = target.run(R"(<journey name="form">
  <step name="login_page" url="${asurso}/app/login">
    <query name="category" value="pupil"/>
    <extract form="//form[@id='school-login']" as="f"/>
    <expect status="200" clause="NS-LOGIN-1"/>
    <expect var="f.category" equals="pupil" clause="NS-LOGIN-1"/>
    <expect var="f.method" equals="POST" clause="NS-LOGIN-1"/>
    <expect var="f.action" equals="${asurso}/webapi/login" clause="NS-LOGIN-1"/>
    <expect var="f.UN" equals="" clause="NS-LOGIN-1"/>
    <expect var="f.PW" equals="" clause="NS-LOGIN-1"/>
  </step>
  <step name="missing_form" url="${asurso}/app/login">
    <extract form="//form[@id='no-such-form']" as="g"/>
  </step>
</journey>)");
    ASSERT_EQ(journey.steps.size(), 2u);
    EXPECT_EQ(journey.steps[0].verdict, Verdict::pass) << explain(journey);
    EXPECT_EQ(journey.steps[1].verdict, Verdict::fail);
}

} // namespace
} // namespace logintest::integration
