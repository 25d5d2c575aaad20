// Dates of MOCK-FIX-2, NS-AGE-1, NS-SESSION-7/8 and NS-LOGIN-22 (mocks/common/civil_date).
#include "mocks/common/civil_date.hpp"

#include <gtest/gtest.h>

namespace logintest::mocks::common {
namespace {

using namespace std::chrono;

TEST(CivilDate, RelativeFixtureDates) {
    const Date today{2025, 11, 28};
    EXPECT_EQ(resolve_fixture_date("today-15y-100d", today), (Date{2010, 8, 20}));
    EXPECT_EQ(resolve_fixture_date("today-14y", today), (Date{2011, 11, 28}));
    EXPECT_EQ(resolve_fixture_date("1985-03-14", today), (Date{1985, 3, 14}));
    EXPECT_FALSE(resolve_fixture_date("today-14", today));
    EXPECT_FALSE(resolve_fixture_date("today-14y-d", today));
    EXPECT_FALSE(resolve_fixture_date("1985-02-30", today));
    EXPECT_FALSE(resolve_fixture_date("yesterday", today));
}

TEST(CivilDate, TwentyNinthOfFebruaryBecomesTheTwentyEighth) {
    EXPECT_EQ(resolve_fixture_date("today-1y", Date{2024, 2, 29}), (Date{2023, 2, 28}));
    EXPECT_EQ(resolve_fixture_date("today-4y", Date{2024, 2, 29}), (Date{2020, 2, 29}));
}

TEST(CivilDate, AgeInWholeYears) {
    EXPECT_EQ(age_in_years(Date{2011, 11, 28}, Date{2025, 11, 28}), 14); // 14 today
    EXPECT_EQ(age_in_years(Date{2011, 11, 29}, Date{2025, 11, 28}), 13);
    // Born 29 February: the birthday is 1 March in other years.
    EXPECT_EQ(age_in_years(Date{2012, 2, 29}, Date{2026, 2, 28}), 13);
    EXPECT_EQ(age_in_years(Date{2012, 2, 29}, Date{2026, 3, 1}), 14);
}

TEST(CivilDate, LocalDateAndTimeAtAnOffset) {
    const auto t = sys_days{year{2025} / November / 28} + hours{21} + minutes{40} + seconds{5} +
                   microseconds{123456};
    EXPECT_EQ(local_date(t, minutes{240}), (Date{2025, 11, 29})); // past midnight in Samara
    EXPECT_EQ(local_time_7(t, minutes{240}), "2025-11-29T01:40:05.1234560");
    EXPECT_EQ(rfc3339_utc(t), "2025-11-28T21:40:05Z");
}

TEST(CivilDate, MondayOfTheWeek) {
    EXPECT_EQ(monday_of_week(Date{2025, 11, 28}), (Date{2025, 11, 24}));
    EXPECT_EQ(monday_of_week(Date{2025, 11, 24}), (Date{2025, 11, 24}));
    EXPECT_EQ(monday_of_week(Date{2025, 11, 30}), (Date{2025, 11, 24}));
}

} // namespace
} // namespace logintest::mocks::common
