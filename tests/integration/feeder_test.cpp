// `<feeder>` end to end against the in-process mock: two runs of a journey fed by
// tests/data/scenarios/data/pupils.csv each lease their own row and log in with it.
#include "mock_target.hpp"

namespace logintest::integration {
namespace {

using harness::model::Verdict;

TEST(Feeder, EachRunLogsInWithTheRowItLeased) {
    MockTarget target;
    auto loaded = harness::scenario::load_journey_file(
        std::string(LOGINTEST_TEST_DATA) + "/scenarios/feeder_journey.xml",
        harness::scenario::SpecIds::builtin(), harness::engine::predefined_variables());
    for (const auto& e : loaded.errors) {
        ADD_FAILURE() << harness::scenario::format_error(e);
    }
    ASSERT_TRUE(loaded.ok());
    const std::vector journeys{*loaded.journey, *loaded.journey};
    const auto run = target.run(journeys);
    ASSERT_EQ(run.journeys.size(), 2u);
    EXPECT_EQ(run.journeys[0].verdict, Verdict::pass) << explain(run.journeys[0]);
    EXPECT_EQ(run.journeys[1].verdict, Verdict::pass) << explain(run.journeys[1]);
}

} // namespace
} // namespace logintest::integration
