// UTC offsets "+HH:MM" (support/text/utc_offset.hpp).
#include "support/text/utc_offset.hpp"

#include <gtest/gtest.h>

namespace logintest::support {
namespace {

using std::chrono::minutes;

TEST(UtcOffset, ParsesSignedHoursAndMinutes) {
    EXPECT_EQ(parse_utc_offset("+04:00", false).offset, minutes{240});
    EXPECT_EQ(parse_utc_offset("-03:30", false).offset, minutes{-210});
    EXPECT_EQ(parse_utc_offset("+14:59", false).error, UtcOffsetError::none);
}

TEST(UtcOffset, ZOnlyWhenAllowed) {
    EXPECT_EQ(parse_utc_offset("Z", true).error, UtcOffsetError::none);
    EXPECT_EQ(parse_utc_offset("Z", true).offset, minutes{0});
    EXPECT_EQ(parse_utc_offset("Z", false).error, UtcOffsetError::format);
}

TEST(UtcOffset, FormatAndRangeErrorsDiffer) {
    EXPECT_EQ(parse_utc_offset("04:00", false).error, UtcOffsetError::format);
    EXPECT_EQ(parse_utc_offset("+4:00", false).error, UtcOffsetError::format);
    EXPECT_EQ(parse_utc_offset("+15:00", false).error, UtcOffsetError::range);
    EXPECT_EQ(parse_utc_offset("+01:60", false).error, UtcOffsetError::range);
}

} // namespace
} // namespace logintest::support
