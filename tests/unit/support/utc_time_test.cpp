// Tests of support::utc_tm (support/text/utc_time.hpp): UTC fields whatever TZ says.
#include "support/text/utc_time.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>
#include <string>

namespace logintest::support {
namespace {

TEST(UtcTm, GivesUtcFieldsInAnotherLocalZone) {
    const char* old = std::getenv("TZ");
    const std::string saved = old != nullptr ? old : "";
    setenv("TZ", "MSK-3", 1);
    tzset();
    // 2026-12-07T23:59:59.900Z: the seconds are floored, the day stays the 7th.
    const auto t = std::chrono::sys_days(std::chrono::year(2026) / 12 / 7) +
                   std::chrono::hours(23) + std::chrono::minutes(59) +
                   std::chrono::milliseconds(59'900);
    const std::tm fields = utc_tm(t);
    EXPECT_EQ(fields.tm_year, 126);
    EXPECT_EQ(fields.tm_mon, 11);
    EXPECT_EQ(fields.tm_mday, 7);
    EXPECT_EQ(fields.tm_hour, 23);
    EXPECT_EQ(fields.tm_min, 59);
    EXPECT_EQ(fields.tm_sec, 59);
    if (old != nullptr) {
        setenv("TZ", saved.c_str(), 1);
    } else {
        unsetenv("TZ");
    }
    tzset();
}

} // namespace
} // namespace logintest::support
