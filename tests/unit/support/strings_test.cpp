// The bottom layer's ASCII helpers (support/text/strings.hpp).
#include "support/text/strings.hpp"

#include <gtest/gtest.h>

namespace logintest::support {
namespace {

TEST(Strings, TrimStripsAsciiWhitespaceAndTrimOwsOnlySpacesAndTabs) {
    EXPECT_EQ(trim(" \t\r\n a b \r\n"), "a b");
    EXPECT_EQ(trim(" \t "), "");
    EXPECT_EQ(trim(""), "");
    EXPECT_EQ(trim_ows(" \ta b\t "), "a b");
    EXPECT_EQ(trim_ows("\r\nvalue\r\n"), "\r\nvalue\r\n");
}

TEST(Strings, CaseIsAsciiOnly) {
    EXPECT_TRUE(iequals("Content-Type", "content-type"));
    EXPECT_FALSE(iequals("abc", "abcd"));
    EXPECT_FALSE(iequals("И", "и")); // UTF-8 letters are utf8_case.hpp's
    EXPECT_TRUE(istarts_with("Bearer xyz", "bearer "));
    EXPECT_FALSE(istarts_with("Bear", "bearer"));
    EXPECT_EQ(to_lower("ABC-xyz-Ä"), "abc-xyz-Ä");
    EXPECT_EQ(to_upper("get"), "GET");
}

TEST(Strings, StripSlashRemovesEveryTrailingSlash) {
    EXPECT_EQ(strip_slash("https://h//"), "https://h");
    EXPECT_EQ(strip_slash("https://h/p"), "https://h/p");
    EXPECT_EQ(strip_slash(""), "");
}

TEST(Strings, DigitsAndIntegers) {
    EXPECT_TRUE(is_digits("0123"));
    EXPECT_FALSE(is_digits(""));
    EXPECT_FALSE(is_digits("12a"));
    EXPECT_EQ(parse_int("-42"), -42);
    EXPECT_FALSE(parse_int("4 2"));
    EXPECT_FALSE(parse_int("99999999999999999999"));
}

} // namespace
} // namespace logintest::support
