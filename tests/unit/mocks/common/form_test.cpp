// GEN-3 / GEN-9 parameter parsing (mocks/common/form).
#include "mocks/common/form.hpp"

#include <gtest/gtest.h>

namespace logintest::mocks::common {
namespace {

TEST(Params, PlusIsASpaceAndPercent2BIsAPlus) {
    const auto r = parse_params("pw=Gos%2BUsl%262&name=a+b&utf=%D0%98");
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->get("pw"), "Gos+Usl&2");
    EXPECT_EQ(r->get("name"), "a b");
    EXPECT_EQ(r->get("utf"), "И");
}

TEST(Params, NamesAreCaseSensitiveAndRepeatsAreKept) {
    const auto r = parse_params("UN=a&un=b&UN=c");
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->get("UN"), "a");
    EXPECT_EQ(r->get("un"), "b");
    EXPECT_EQ(r->count("UN"), 2u);
    EXPECT_TRUE(r->any_repeated({"UN"}));
    EXPECT_FALSE(r->any_repeated({"un", "pw"}));
}

TEST(Params, EmptyPartsAndValuelessNames) {
    const auto r = parse_params("a=&&b&c=1");
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->get("a"), "");
    EXPECT_EQ(r->get("b"), "");
    EXPECT_EQ(r->get("c"), "1");
    EXPECT_FALSE(r->get("d"));
    EXPECT_TRUE(parse_params("").ok());
}

TEST(Params, MalformedPercentEscapeFails) {
    EXPECT_FALSE(parse_params("a=%zz").ok());
    EXPECT_FALSE(parse_params("a=%4").ok());
    EXPECT_FALSE(parse_params("a=%").ok());
    EXPECT_FALSE(parse_params("%=1").ok());
    EXPECT_EQ(parse_params("a=%zz").problem().message, "malformed percent escape");
}

TEST(Params, RawBytesOutsideTheQueryCharactersPassUnchanged) {
    const auto r = parse_params("n=И ван#1&m=%00");
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->get("n"), "И ван#1");
    EXPECT_EQ(r->get("m"), std::string(1, '\0'));
}

} // namespace
} // namespace logintest::mocks::common
