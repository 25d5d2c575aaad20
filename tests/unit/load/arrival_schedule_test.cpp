// ArrivalSchedule: a constant rate gives evenly spaced arrivals; ramps follow the integral of
// a linear rate; the schedule ends with the last stage; and the stage texts of the command
// line parse or say what is wrong.
#include "harness/load/arrival_schedule.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>

namespace logintest::harness::load {
namespace {

using ::testing::HasSubstr;

TEST(ArrivalSchedule, ConstantRateSpacesArrivalsEvenly) {
    const ArrivalSchedule s(200, {{10, 200}});
    EXPECT_DOUBLE_EQ(s.total_arrivals(), 2000);
    EXPECT_DOUBLE_EQ(*s.time_of(0), 0.0);
    EXPECT_DOUBLE_EQ(*s.time_of(1), 0.005);
    EXPECT_DOUBLE_EQ(*s.time_of(1999), 9.995);
    EXPECT_FALSE(s.time_of(2000).has_value()) << "no arrival at or after the end";
}

TEST(ArrivalSchedule, RampFromZeroFollowsTheIntegralOfTheRate) {
    // 0 -> 100/s over 10 s: N(t) = 5 t^2, 500 arrivals; arrival k at sqrt(k / 5).
    const ArrivalSchedule s(0, {{10, 100}});
    EXPECT_DOUBLE_EQ(s.total_arrivals(), 500);
    for (std::uint64_t k : {1u, 20u, 125u, 499u}) {
        EXPECT_NEAR(*s.time_of(k), std::sqrt(static_cast<double>(k) / 5.0), 1e-9) << k;
    }
    EXPECT_NEAR(s.rate_at(5), 50, 1e-9);
}

TEST(ArrivalSchedule, RampDownAndPlateauChain) {
    // 100/s for 2 s (200), then 100 -> 0 over 2 s (100 more).
    const ArrivalSchedule s(100, {{2, 100}, {2, 0}});
    EXPECT_DOUBLE_EQ(s.total_arrivals(), 300);
    EXPECT_DOUBLE_EQ(s.duration_s(), 4);
    EXPECT_NEAR(*s.time_of(200), 2.0, 1e-9);
    // Within the ramp down: N(tau) = 100 tau - 25 tau^2; 75 arrivals at tau = 1.
    EXPECT_NEAR(*s.time_of(275), 3.0, 1e-9);
    EXPECT_FALSE(s.time_of(300).has_value());
}

TEST(ArrivalSchedule, SeptemberMorningProfileCountsAdd) {
    // Quiet, the 07:30 rush, a plateau, the fall: each stage ramps from the previous target.
    const auto stages = parse_stages("30s:20/s, 30s:300/s, 60s:300/s, 30s:20/s");
    ASSERT_TRUE(stages.error.empty()) << stages.error;
    const ArrivalSchedule s(0, stages.stages);
    EXPECT_DOUBLE_EQ(s.total_arrivals(), 300 + 4800 + 18000 + 4800);
    EXPECT_DOUBLE_EQ(s.duration_s(), 150);
    // Arrival times never go backwards.
    double last = -1;
    for (std::uint64_t k = 0; k < 27900; k += 7) {
        const double t = *s.time_of(k);
        EXPECT_GE(t, last);
        last = t;
    }
}

TEST(ArrivalSchedule, ZeroRateStageHasNoArrivals) {
    const ArrivalSchedule s(0, {{5, 0}, {1, 0}});
    EXPECT_FALSE(s.time_of(0).has_value());
}

TEST(ParseRate, AcceptsPerSecondPerMinuteAndBareNumbers) {
    EXPECT_DOUBLE_EQ(*parse_rate("200/s"), 200);
    EXPECT_DOUBLE_EQ(*parse_rate("600/m"), 10);
    EXPECT_DOUBLE_EQ(*parse_rate("3600/h"), 1);
    EXPECT_DOUBLE_EQ(*parse_rate("12.5"), 12.5);
    EXPECT_FALSE(parse_rate("fast").has_value());
    EXPECT_FALSE(parse_rate("-5/s").has_value());
    EXPECT_FALSE(parse_rate("5/day").has_value());
}

TEST(ParseStages, ReadsAStageFileWithComments) {
    const auto r = parse_stages("# September morning\n1m:50/s   # warm up\n2m30s:400/s\n");
    ASSERT_TRUE(r.error.empty()) << r.error;
    ASSERT_EQ(r.stages.size(), 2u);
    EXPECT_DOUBLE_EQ(r.stages[1].duration_s, 150);
    EXPECT_DOUBLE_EQ(r.stages[1].target_per_s, 400);
}

TEST(ParseStages, NamesTheBadStage) {
    EXPECT_THAT(parse_stages("30s:10/s,40x:5/s").error, HasSubstr("stage 2 '40x:5/s'"));
    EXPECT_THAT(parse_stages("30s").error, HasSubstr("expected DURATION:RATE"));
    EXPECT_THAT(parse_stages("30s:lots").error, HasSubstr("'lots' is not a rate"));
    EXPECT_THAT(parse_stages("  ").error, HasSubstr("no stages"));
}

} // namespace
} // namespace logintest::harness::load
