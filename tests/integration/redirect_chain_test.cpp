// The redirect-chain subjects end to end against the in-process mock: crosslogin followed to
// the ESIA login page, checked hop by hop; and a redirect to a scheme the client does not
// follow (file:, gopher:), over the in-memory transport, on both branches: a followed chain
// and a redirect check of a step that does not follow.
#include "mock_target.hpp"
#include "tests/support/memory_transport.hpp"

#include <gmock/gmock.h>

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

// Issue 10, finding 7: the step ends with the reason (the scheme is not followed), and a
// redirect check on such a Location says why it has no host.
TEST(RedirectChain, ARedirectToAnotherSchemeEndsTheStepAndSaysWhy) {
    using ::testing::HasSubstr;
    tests::MemoryTransport transport;
    transport.answer("asurso.test", "/file", 302, "", {{"Location", "file:///etc/passwd"}});
    transport.answer("asurso.test", "/gopher", 302, "", {{"Location", "gopher://evil.test/"}});
    harness::http::ClientOptions options;
    options.verify_tls = false;
    auto created = harness::http::ClientContext::create(options, &transport);
    ASSERT_TRUE(created.ok()) << created.error;
    auto accounts = harness::engine::Accounts::parse(embedded::fixture_json, "fixture");
    ASSERT_TRUE(accounts.error.empty()) << accounts.error;
    harness::engine::RunContext context{"http://asurso.test", "http://esia.test", accounts.accounts,
                                        *created.context};
    context.mock = false; // a deployment: no control plane to reset
    const auto journey = MockTarget::journey(R"(<journey name="schemes">
  <step name="hop" url="${asurso}/file">
    <expect redirect.host="asurso.test" clause="NS-ESIA-1"/>
  </step>
  <step name="chain" url="${asurso}/gopher" follow="all">
    <expect status="200" clause="NS-ESIA-1"/>
  </step>
</journey>)");
    const auto run = harness::engine::run_catalog({journey}, context, {});
    ASSERT_EQ(run.journeys.size(), 1u);
    const auto& steps = run.journeys[0].steps;
    ASSERT_EQ(steps.size(), 2u) << explain(run.journeys[0]);
    ASSERT_EQ(steps[0].checks.size(), 1u);
    EXPECT_EQ(steps[0].checks[0].verdict, Verdict::fail);
    EXPECT_THAT(steps[0].checks[0].message + steps[0].checks[0].actual,
                HasSubstr("is not an absolute http(s) URL"));
    EXPECT_EQ(steps[1].verdict, Verdict::fail);
    EXPECT_EQ(steps[1].outcome, harness::model::Outcome::request_error);
    EXPECT_THAT(steps[1].error, HasSubstr("'gopher:' URL, and only http and https"));
    EXPECT_EQ(transport.requests().size(), 2u) << "neither redirect was followed";
}

} // namespace
} // namespace logintest::integration
