// The redirect-chain subjects end to end against the in-process mock: crosslogin followed to
// the ESIA login page, checked hop by hop.
#include "mock_target.hpp"

namespace logintest::integration {
namespace {

using harness::model::Verdict;

TEST(RedirectChain, CrossloginChainHopByHop) {
    MockTarget target;
    const auto journey = target.run(R"(<journey name="chain">
  <step name="crosslogin" url="${asurso}/webapi/sso/esia/crosslogin" follow="all">
    <expect chain.status="" matches="^302( 302)* 200$" clause="NS-ESIA-1"/>
    <expect chain.hosts="" matches="^asurso\.ru .*esia\.gosuslugi\.ru$" clause="NS-ESIA-1"/>
    <expect chain.paths="" matches="^/webapi/sso/esia/crosslogin /aas/oauth2/v2/ac" clause="NS-ESIA-1"/>
    <expect redirect.host="esia.gosuslugi.ru" hop="0" clause="NS-ESIA-1"/>
    <expect redirect.path="/aas/oauth2/v2/ac" hop="0" clause="NS-ESIA-1"/>
    <expect location.query="client_id" hop="0" equals="ASURSO" clause="NS-ESIA-2"/>
    <expect header="Location" hop="0" contains="/aas/oauth2/v2/ac" clause="NS-ESIA-1"/>
  </step>
</journey>)");
    EXPECT_EQ(journey.verdict, Verdict::pass) << explain(journey);
    ASSERT_FALSE(journey.steps.empty());
    EXPECT_GE(journey.steps[0].hops.size(), 2u);
}

} // namespace
} // namespace logintest::integration
