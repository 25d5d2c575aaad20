// `<account kind=...>` end to end against the in-process mock: each journey run leases an
// account of the kind through the load engine's lease API (CatalogLeaser) and returns it after
// the run, so consecutive journeys of one kind all run; a journey that needs more accounts of
// a kind than it has fails as "no free account" without sending anything.
#include "harness/load/catalog_leaser.hpp"
#include "mock_target.hpp"

namespace logintest::integration {
namespace {

using harness::model::Verdict;

const std::string kind_login = R"(<journey name="kind_login">
  <account as="pupil" kind="school-pupil"/>)" +
                               pupil_login_steps("${pw2(pupil.password, salt)}", R"(
    <expect status="200" clause="NS-LOGIN-22"/>
    <expect var="pupil.login" equals="ИвановИ" clause="NS-LOGIN-22"/>)") +
                               R"(
</journey>)";

TEST(AccountKind, EachRunLeasesAnAccountOfTheKindAndReturnsIt) {
    MockTarget target;
    const std::vector journeys{MockTarget::journey(kind_login), MockTarget::journey(kind_login)};
    auto leaser = harness::load::CatalogLeaser::create(journeys, target.context().accounts, 0, 0);
    ASSERT_TRUE(leaser.leaser) << leaser.error;
    const auto run =
        harness::engine::run_catalog(journeys, target.context(), {}, leaser.leaser.get());
    ASSERT_EQ(run.journeys.size(), 2u);
    EXPECT_EQ(run.journeys[0].verdict, Verdict::pass) << explain(run.journeys[0]);
    EXPECT_EQ(run.journeys[1].verdict, Verdict::pass) << explain(run.journeys[1]);
}

TEST(AccountKind, MoreAccountsThanTheKindHasFailsWithoutRunning) {
    MockTarget target;
    const std::vector journeys{MockTarget::journey(R"(<journey name="two">
  <account as="a" kind="school-locked"/>
  <account as="b" kind="school-locked"/>
  <step name="s" url="${asurso}/"/>
</journey>)")};
    auto leaser = harness::load::CatalogLeaser::create(journeys, target.context().accounts, 0, 0);
    ASSERT_TRUE(leaser.leaser) << leaser.error;
    const auto run =
        harness::engine::run_catalog(journeys, target.context(), {}, leaser.leaser.get());
    ASSERT_EQ(run.journeys.size(), 1u);
    EXPECT_EQ(run.journeys[0].verdict, Verdict::fail);
    ASSERT_EQ(run.journeys[0].steps.size(), 1u);
    EXPECT_EQ(run.journeys[0].steps[0].name, "account-lease");
    EXPECT_EQ(run.journeys[0].steps[0].error, "no free account: kind school-locked");
}

} // namespace
} // namespace logintest::integration
