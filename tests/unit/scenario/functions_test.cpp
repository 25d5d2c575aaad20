// Built-in template functions: the NetSchool proof of spec §7, md5 variants, case mapping,
// percent-encoding, UUIDs, and the errors for unknown names and wrong argument counts.
#include "functions_test_support.hpp"
#include "harness/scenario/functions.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <set>

namespace logintest::harness::scenario {
namespace {

using namespace testing;

TEST(Functions, Pw2AndPwFollowTheSpecWorkedExample) {
    EXPECT_EQ(value("pw2", {"Qwe123!z", "1458933352"}), "72816138fe31caa6227d78739bff73d9");
    EXPECT_EQ(value("pw", {"Qwe123!z", "1458933352"}), "72816138");
    EXPECT_EQ(value("pw2", {"Пароль1", "1458933352"}), "071bbf7718f085697ae31a30d63e2538");
    EXPECT_EQ(value("pw", {"Пароль1", "1458933352"}), "071bbf7");
}

TEST(Functions, Md5HashesUtf8BytesAndNsMd5TheBrowserEncoding) {
    EXPECT_EQ(value("md5", {""}), "d41d8cd98f00b204e9800998ecf8427e");
    EXPECT_EQ(value("md5", {"Qwe123!z"}), "dca529fa1fdbc842a079ec8e6595c69a");
    EXPECT_EQ(value("ns_md5", {"Пароль1"}), "36c0a954ef35ce99ecc3626a739157ee");
    EXPECT_NE(value("md5", {"Пароль1"}), "36c0a954ef35ce99ecc3626a739157ee");
}

TEST(Functions, UpperAndLowerMapLatinAndCyrillic) {
    EXPECT_EQ(value("upper", {"ИвановИ ёж abc-1"}), "ИВАНОВИ ЁЖ ABC-1");
    EXPECT_EQ(value("lower", {"ИвановИ ЁЖ ABC-1"}), "иванови ёж abc-1");
}

TEST(Functions, UrlencodeKeepsUnreservedAndEncodesUtf8Bytes) {
    EXPECT_EQ(value("urlencode", {"a b+c&d=e/~_.-"}), "a%20b%2Bc%26d%3De%2F~_.-");
    EXPECT_EQ(value("urlencode", {"Ив"}), "%D0%98%D0%B2");
}

TEST(Functions, UuidIsRandomVersion4Lowercase) {
    const std::regex shape("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
    std::set<std::string> seen;
    for (int i = 0; i < 50; ++i) {
        const std::string id = value("uuid", {});
        EXPECT_TRUE(std::regex_match(id, shape)) << id;
        seen.insert(id);
    }
    EXPECT_EQ(seen.size(), 50u);
}

TEST(Functions, UnknownNameAndWrongArgumentCountAreErrors) {
    EXPECT_EQ(call_function("md6", std::vector<std::string>{"x"}).error, "unknown function 'md6'");
    EXPECT_EQ(call_function("pw2", std::vector<std::string>{"x"}).error,
              "pw2() takes 2 arguments, got 1");
    EXPECT_FALSE(is_function("md6"));
    EXPECT_TRUE(is_function("ns_md5"));
    EXPECT_EQ(function_arity("uuid"), 0);
    EXPECT_EQ(function_arity("md6"), -1);
    EXPECT_EQ(function_names().size(), 26u);
}

} // namespace
} // namespace logintest::harness::scenario
