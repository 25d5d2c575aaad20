// UTF-8 case mapping of ASCII and Cyrillic (support/text/utf8_case.hpp): the NS-LOGIN-19
// fold of the mock and the whole-block mapping of the scenario functions upper()/lower().
#include "support/text/utf8.hpp"
#include "support/text/utf8_case.hpp"

#include <gtest/gtest.h>

namespace logintest::support {
namespace {

TEST(Utf8Case, RussianFoldLowersLatinCyrillicAndYo) {
    EXPECT_EQ(utf8_to_lower("ИвановИ ЁЛКА Abc", Cyrillic::russian), "иванови ёлка abc");
    EXPECT_EQ(utf8_to_upper("ёлка", Cyrillic::russian), "ЁЛКА");
}

TEST(Utf8Case, RussianFoldLeavesOtherCyrillicLetters) {
    EXPECT_EQ(utf8_to_lower("ЂЃ", Cyrillic::russian), "ЂЃ");
    EXPECT_EQ(utf8_to_lower("ЂЃ", Cyrillic::block), "ђѓ");
    EXPECT_EQ(utf8_to_upper("ђѓ", Cyrillic::block), "ЂЃ");
}

TEST(Utf8Case, OtherTextAndInvalidBytesAreCopied) {
    EXPECT_EQ(utf8_to_lower("Ä €😀", Cyrillic::block), "Ä €😀");
    EXPECT_EQ(utf8_to_lower("\xD0", Cyrillic::russian), "\xD0");
    EXPECT_EQ(utf8_to_lower("A\xFF\xD0\x90", Cyrillic::russian), "a\xFF\xD0\xB0");
    // An overlong 'A' (C1 81) is not a letter: copied, never folded into "a".
    EXPECT_EQ(utf8_to_lower("\xC1\x81", Cyrillic::russian), "\xC1\x81");
}

TEST(Utf8Case, FirstCodePoint) {
    EXPECT_EQ(first_code_point("Иван"), "И");
    EXPECT_EQ(first_code_point("ab"), "a");
    EXPECT_EQ(first_code_point(""), "");
}

} // namespace
} // namespace logintest::support
