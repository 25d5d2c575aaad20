// Percent-encoding and form text on Boost.URL (support/url/percent.hpp): the bytes the mock
// and the tests put on the wire, and GEN-9's malformed escapes.
#include "support/url/percent.hpp"

#include <gtest/gtest.h>

namespace logintest::support {
namespace {

TEST(Percent, EncodesEverythingButUnreservedWithUpperCaseHex) {
    EXPECT_EQ(percent_encode("aZ09-._~"), "aZ09-._~");
    EXPECT_EQ(percent_encode("a b+/?"), "a%20b%2B%2F%3F");
    EXPECT_EQ(percent_encode("И"), "%D0%98");
}

TEST(Percent, PlusEncodingWritesASpaceAsPlus) {
    EXPECT_EQ(plus_encode("Gos+Usl&2 x"), "Gos%2BUsl%262+x");
}

TEST(Percent, FormFieldsArePercentEncodedInOrder) {
    using Fields = std::vector<std::pair<std::string, std::string>>;
    EXPECT_EQ(form_encode(Fields{{"login", "a b"}, {"password", "Gos+Usl&2"}}),
              "login=a%20b&password=Gos%2BUsl%262");
    EXPECT_EQ(form_encode(Fields{{"k", "aZ09-._~"}, {"=", "/?"}}), "k=aZ09-._~&%3D=%2F%3F");
    EXPECT_EQ(form_encode(Fields{}), "");
    using Views = std::vector<std::pair<std::string_view, std::string_view>>;
    EXPECT_EQ(form_encode(Views{{"UN", "ИвановИ"}}),
              "UN=%D0%98%D0%B2%D0%B0%D0%BD%D0%BE%D0%B2%D0%98");
}

TEST(Percent, DecodesEscapesAndOptionallyPlus) {
    EXPECT_EQ(percent_decode("a%2Bb+c", true), "a+b c");
    EXPECT_EQ(percent_decode("a%2Bb+c", false), "a+b+c");
    EXPECT_EQ(percent_decode("%d0%98", false), "И");
    EXPECT_EQ(percent_decode("raw И #", false), "raw И #");
    EXPECT_EQ(percent_decode("%00", false), std::string(1, '\0'));
}

TEST(Percent, MalformedEscapesFail) {
    EXPECT_FALSE(percent_decode("%", true));
    EXPECT_FALSE(percent_decode("%4", true));
    EXPECT_FALSE(percent_decode("a%zz", true));
    EXPECT_FALSE(percent_decode("%4%41", true));
}

} // namespace
} // namespace logintest::support
