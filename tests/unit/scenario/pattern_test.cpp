// Pattern: scenario regexes never crash the tester, whatever the body.
#include "harness/scenario/pattern.hpp"

#include <gtest/gtest.h>

namespace logintest::harness::scenario {
namespace {

TEST(Pattern, FindsTheFirstGroupOrTheWholeMatch) {
    std::string error;
    auto with_group = Pattern::compile("salt=([0-9]+)", error);
    ASSERT_TRUE(with_group) << error;
    EXPECT_EQ(with_group->search("lt=1&salt=12345&ver=2").value, "12345");
    auto without = Pattern::compile("[0-9]{3}", error);
    EXPECT_EQ(without->search("ab1234").value, "123");
    EXPECT_FALSE(without->search("none").found);
}

TEST(Pattern, ReportsABadPatternAtCompileTime) {
    std::string error;
    EXPECT_FALSE(Pattern::compile("^([0-9]{25}$", error));
    EXPECT_NE(error.find("bad regex"), std::string::npos) << error;
}

TEST(Pattern, GivesUpWithAnErrorInsteadOfCrashingOnAHugeBody) {
    // std::regex overflows the stack on this; the tester must report, not crash.
    std::string error;
    auto re = Pattern::compile("^(.|\\n)*$", error);
    ASSERT_TRUE(re) << error;
    const auto match = re->search(std::string(4'000'000, 'a'));
    EXPECT_FALSE(match.found);
    EXPECT_NE(match.error.find("could not be evaluated"), std::string::npos) << match.error;
}

} // namespace
} // namespace logintest::harness::scenario
