// Text and number built-ins: the keyboard layout twins of spec Appendix A (§22 table), SNILS
// check numbers of ESIA-LOGIN-14, random passwords, concat and 64-bit add/sub.
#include "functions_test_support.hpp"
#include "harness/scenario/functions.hpp"

#include <gtest/gtest.h>

#include <set>

namespace logintest::harness::scenario {
namespace {

using namespace testing;

TEST(TextFunctions, LayoutRuGivesTheRussianLayoutTwinsOfTheFixture) {
    EXPECT_EQ(value("layout_ru", {"Qwe123!z"}), "Йцу123!я");
    EXPECT_EQ(value("layout_ru", {"Start#2025"}), "Ыефке№2025");
    EXPECT_EQ(value("layout_ru", {"Esia!Pass1"}), "Уышф!Зфыы1");
    // Every punctuation key of Appendix A; the unchanged ones stay.
    EXPECT_EQ(value("layout_ru", {"`~@#$^&|[{]};:'\",<.>/?"}), "ёЁ\"№;:?/хХъЪжЖэЭбБюЮ.,");
    EXPECT_EQ(value("layout_ru", {"0 !%*()-_=+\\"}), "0 !%*()-_=+\\");
}

TEST(TextFunctions, LayoutEnIsTheReverseMap) {
    EXPECT_EQ(value("layout_en", {"Пароль1"}), "Gfhjkm1");
    EXPECT_EQ(value("layout_en", {"Йцу123!я"}), "Qwe123!z");
    EXPECT_EQ(value("layout_en", {"Ыефке№2025"}), "Start#2025");
    const std::string all = "`~@#$^&|qQwWeErRtTyYuUiIoOpP[{]}aAsSdDfFgGhHjJkKlL;:'\"zZxXcCvVbBnNmM"
                            ",<.>/?";
    EXPECT_EQ(value("layout_en", {value("layout_ru", {all})}), all);
}

TEST(TextFunctions, SnilsAddsTheCheckNumberOfEsiaLogin14) {
    EXPECT_EQ(value("snils", {"112233445"}), "112-233-445 95");   // S = 95
    EXPECT_EQ(value("snils", {"123456789"}), "123-456-789 64");   // S = 165
    EXPECT_EQ(value("snils", {"234567890"}), "234-567-890 99");   // S = 200
    EXPECT_EQ(value("snils", {"050234316"}), "050-234-316 00");   // S = 100
    EXPECT_EQ(value("snils", {"016103396"}), "016-103-396 00");   // S = 101
    EXPECT_EQ(value("snils", {"820981233"}), "820-981-233 00");   // S = 201 -> 100 -> 0
    EXPECT_EQ(value("snils", {"123-456-789"}), "123-456-789 64"); // separators ignored
    EXPECT_NE(call("snils", {"12345678"}).error, "");
    EXPECT_NE(call("snils", {"12345678a"}).error, "");
}

TEST(TextFunctions, RandomPasswordHasTenCharactersOfEveryClass) {
    std::set<std::string> seen;
    const std::string symbols = "!#$%&*+-=?@^_";
    for (int i = 0; i < 200; ++i) {
        const std::string p = value("random_password", {});
        ASSERT_EQ(p.size(), 10u);
        bool upper = false, lower = false, digit = false, symbol = false;
        for (const char c : p) {
            upper = upper || (c >= 'A' && c <= 'Z');
            lower = lower || (c >= 'a' && c <= 'z');
            digit = digit || (c >= '0' && c <= '9');
            symbol = symbol || symbols.find(c) != std::string::npos;
            ASSERT_TRUE((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                        (c >= '0' && c <= '9') || symbols.find(c) != std::string::npos)
                << p;
        }
        EXPECT_TRUE(upper && lower && digit && symbol) << p;
        seen.insert(p);
    }
    EXPECT_GT(seen.size(), 190u);
}

TEST(TextFunctions, ConcatTakesAnyNumberOfArguments) {
    EXPECT_EQ(value("concat", {"a"}), "a");
    EXPECT_EQ(value("concat", {"ASURSO", "openid", "", "2025"}), "ASURSOopenid2025");
    EXPECT_EQ(arity_problem("concat", 0), "concat() takes at least 1 argument, got 0");
    EXPECT_EQ(arity_problem("concat", 7), "");
}

TEST(TextFunctions, AddAndSubAre64BitIntegers) {
    EXPECT_EQ(value("add", {"1700000000", "3600"}), "1700003600");
    EXPECT_EQ(value("sub", {"10", "-5"}), "15");
    EXPECT_EQ(value("sub", {"5", "10"}), "-5");
    EXPECT_EQ(value("add", {"9223372036854775806", "1"}), "9223372036854775807");
    EXPECT_NE(call("add", {"9223372036854775807", "1"}).error, "");
    EXPECT_EQ(call("add", {"x", "1"}).error, "add(): 'x' is not a 64-bit integer");
    EXPECT_EQ(call("add", {"1"}).error, "add() takes 2 arguments, got 1");
}

} // namespace
} // namespace logintest::harness::scenario
