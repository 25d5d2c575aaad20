// SecretScrubber: registered values vanish from any text; short values are not registered.
#include "harness/engine/secret_scrubber.hpp"

#include <gtest/gtest.h>

namespace logintest::harness::engine {
namespace {

TEST(SecretScrubber, MasksEveryOccurrenceOfARegisteredSecret) {
    SecretScrubber scrubber;
    scrubber.add("Qwe123!z");
    const std::string text = scrubber.scrub("password Qwe123!z was Qwe123!z");
    EXPECT_EQ(text.find("Qwe123!z"), std::string::npos);
    EXPECT_NE(text.find("***#"), std::string::npos);
}

TEST(SecretScrubber, MasksTheLongerSecretWhole) {
    SecretScrubber scrubber;
    scrubber.add("abcd");
    scrubber.add("abcdefgh");
    const std::string text = scrubber.scrub("x abcdefgh y");
    EXPECT_EQ(text.find("efgh"), std::string::npos);
}

TEST(SecretScrubber, IgnoresValuesTooShortToMatter) {
    SecretScrubber scrubber;
    scrubber.add("1");
    EXPECT_EQ(scrubber.scrub("status 1 of 1"), "status 1 of 1");
}

} // namespace
} // namespace logintest::harness::engine
