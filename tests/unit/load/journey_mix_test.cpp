// JourneyMix: journeys are picked in proportion to their weights, deterministically for a
// seed; mixes parse from options and files with file:line errors.
#include "harness/load/journey_mix.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace logintest::harness::load {
namespace {

using ::testing::HasSubstr;

TEST(JourneyMix, PicksInProportionToWeights) {
    const JourneyMix mix({60, 30, 5, 5});
    std::vector<int> counts(4);
    std::uint64_t state = 1;
    const int draws = 200000;
    for (int i = 0; i < draws; ++i) {
        ++counts[mix.pick(splitmix64(state))];
    }
    EXPECT_NEAR(counts[0] / double(draws), 0.60, 0.01);
    EXPECT_NEAR(counts[1] / double(draws), 0.30, 0.01);
    EXPECT_NEAR(counts[2] / double(draws), 0.05, 0.005);
    EXPECT_NEAR(counts[3] / double(draws), 0.05, 0.005);
    EXPECT_DOUBLE_EQ(mix.share(1), 0.30);
}

TEST(JourneyMix, ArrivalDrawDependsOnlyOnSeedAndArrival) {
    EXPECT_EQ(arrival_draw(7, 1234), arrival_draw(7, 1234));
    EXPECT_NE(arrival_draw(7, 1234), arrival_draw(7, 1235));
    EXPECT_NE(arrival_draw(7, 1234), arrival_draw(8, 1234));
}

TEST(JourneyMix, ParsesOptionWithAndWithoutWeight) {
    auto r = parse_mix_argument("scenarios/load/school_login_pool.xml:70");
    ASSERT_EQ(r.items.size(), 1u);
    EXPECT_EQ(r.items[0].file, "scenarios/load/school_login_pool.xml");
    EXPECT_DOUBLE_EQ(r.items[0].weight, 70);
    r = parse_mix_argument("school_login.xml");
    EXPECT_DOUBLE_EQ(r.items.at(0).weight, 1);
    EXPECT_THAT(parse_mix_argument("x.xml:0").errors.at(0), HasSubstr("above 0"));
}

TEST(JourneyMix, ParsesAMixFileRelativeToItsFolder) {
    const auto r = parse_mix_file("# the standard mix\n"
                                  "60 school_login_pool.xml\n"
                                  "\n"
                                  "5  /abs/wrong_password.xml  # rare\n",
                                  "standard.mix", "scenarios/load");
    ASSERT_TRUE(r.errors.empty());
    ASSERT_EQ(r.items.size(), 2u);
    EXPECT_EQ(r.items[0].file, "scenarios/load/school_login_pool.xml");
    EXPECT_EQ(r.items[0].line, 2);
    EXPECT_EQ(r.items[1].file, "/abs/wrong_password.xml");
    EXPECT_DOUBLE_EQ(r.items[1].weight, 5);
}

TEST(JourneyMix, MixFileErrorsHaveFileAndLine) {
    const auto r = parse_mix_file("60 a.xml\nlots b.xml\nc.xml\n", "m.mix", "");
    ASSERT_EQ(r.errors.size(), 2u);
    EXPECT_THAT(r.errors[0], HasSubstr("m.mix:2: 'lots' is not a weight"));
    EXPECT_THAT(r.errors[1], HasSubstr("m.mix:3: expected 'WEIGHT FILE'"));
    EXPECT_THAT(parse_mix_file("# nothing\n", "e.mix", "").errors.at(0),
                HasSubstr("names no journey"));
}

} // namespace
} // namespace logintest::harness::load
