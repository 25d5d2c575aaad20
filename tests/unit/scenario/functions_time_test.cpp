// Time built-ins: esia_timestamp() in Moscow time (UTC+3) in the ESIA format, with an offset,
// and now() in epoch seconds, both from the system clock.
#include "functions_test_support.hpp"
#include "harness/scenario/functions.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <ctime>
#include <regex>

namespace logintest::harness::scenario {
namespace {

using namespace testing;

// Seconds since the epoch of an ESIA timestamp (it is UTC+3).
long long parse_esia(const std::string& text) {
    std::tm tm{};
    EXPECT_NE(strptime(text.c_str(), "%Y.%m.%d %H:%M:%S", &tm), nullptr) << text;
    return static_cast<long long>(timegm(&tm)) - 3 * 3600;
}

TEST(TimeFunctions, EsiaTimestampIsMoscowTimeInTheEsiaFormat) {
    const std::string ts = value("esia_timestamp", {});
    EXPECT_TRUE(std::regex_match(ts, std::regex(R"(\d{4}\.\d\d\.\d\d \d\d:\d\d:\d\d \+0300)")))
        << ts;
    const long long now = std::stoll(value("now", {}));
    EXPECT_LE(std::llabs(parse_esia(ts) - now), 2);
}

TEST(TimeFunctions, EsiaTimestampTakesAnOffsetInSeconds) {
    const long long now = std::stoll(value("now", {}));
    EXPECT_LE(std::llabs(parse_esia(value("esia_timestamp", {"-600"})) - (now - 600)), 2);
    EXPECT_LE(std::llabs(parse_esia(value("esia_timestamp", {"3600"})) - (now + 3600)), 2);
    EXPECT_NE(call_function("esia_timestamp", std::vector<std::string>{"soon"}).error, "");
    EXPECT_EQ(arity_problem("esia_timestamp", 2), "esia_timestamp() takes 0 or 1 argument, got 2");
}

// Found by fuzz.template under UBSan: an offset that leaves the system clock's range (it ends
// in 2262) overflowed it. Such an offset is an error naming the range; the range's edge works.
TEST(TimeFunctions, EsiaTimestampRefusesAnOffsetOutsideTheClocksRange) {
    const long long now = std::stoll(value("now", {}));
    for (const std::string& offset :
         std::vector<std::string>{"+0006074317042869396367", "6074317044666110403",
                                  "9223372036854775807", "-9223372036854775808",
                                  std::to_string(-now - 1), std::to_string(9'200'000'001 - now)}) {
        EXPECT_THAT(call_function("esia_timestamp", std::vector<std::string>{offset}).error,
                    ::testing::HasSubstr("outside the years 1970-2261"))
            << offset;
    }
    EXPECT_EQ(call_function("esia_timestamp", std::vector<std::string>{std::to_string(-now)}).error,
              "");
}

TEST(TimeFunctions, NowIsEpochSeconds) {
    const auto expected = std::chrono::duration_cast<std::chrono::seconds>(
                              std::chrono::system_clock::now().time_since_epoch())
                              .count();
    EXPECT_LE(std::llabs(std::stoll(value("now", {})) - expected), 2);
}

} // namespace
} // namespace logintest::harness::scenario
