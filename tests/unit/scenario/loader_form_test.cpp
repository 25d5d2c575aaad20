// The loader on `<extract form="XPATH" as="prefix"/>`: the prefix defines `prefix.<name>` for
// the checks after it, and the attribute errors of a form extract.
#include "harness/scenario/loader.hpp"
#include "loader_test_support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace logintest::harness::scenario {
namespace {

using namespace testing;
using ::testing::HasSubstr;

TEST(LoaderForm, FormExtractDefinesPrefixedVariables) {
    const LoadResult r =
        load_text("<journey name=\"j\">\n"
                  "<step name=\"card\" url=\"${asurso}/x\">\n"
                  "  <extract form=\"//form[@id='bind-card']\" as=\"card\"/>\n"
                  "  <expect var=\"card.loginState\" equals=\"x\" clause=\"NS-BIND-4\"/>\n"
                  "</step>\n"
                  "<step name=\"post\" method=\"POST\" url=\"${card.action}\">\n"
                  "  <field name=\"loginState\" value=\"${card.loginState}\"/>\n"
                  "</step>\n</journey>\n");
    ASSERT_TRUE(r.ok()) << all_errors(r);
    const auto& ex = r.journey->steps[0].extracts.at(0);
    EXPECT_EQ(ex.source, model::ExtractSource::form);
    EXPECT_EQ(ex.var, "card");
    EXPECT_EQ(ex.expr, "//form[@id='bind-card']");
}

TEST(LoaderForm, FormExtractNeedsAsAndAGoodXPath) {
    const LoadResult no_as = load_text("<journey name=\"j\">\n<step name=\"s\" url=\"${asurso}\">\n"
                                       "<extract form=\"//form\" var=\"card\"/>\n</step>\n"
                                       "</journey>\n");
    EXPECT_THAT(all_errors(no_as), HasSubstr("as"));
    const LoadResult bad = load_text("<journey name=\"j\">\n<step name=\"s\" url=\"${asurso}\">\n"
                                     "<extract form=\"//form[\" as=\"card\"/>\n</step>\n"
                                     "</journey>\n");
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.errors[0].where.line, 3);
    EXPECT_THAT(bad.errors[0].message, HasSubstr("bad XPath"));
}

TEST(LoaderForm, PrefixedVariableBeforeTheFormIsUsedBeforeDefined) {
    const LoadResult r = load_text("<journey name=\"j\">\n"
                                   "<step name=\"a\" url=\"${card.action}\"/>\n"
                                   "<step name=\"b\" url=\"${asurso}\">\n"
                                   "<extract form=\"//form\" as=\"card\"/>\n</step>\n"
                                   "</journey>\n");
    ASSERT_EQ(r.errors.size(), 1u) << all_errors(r);
    EXPECT_THAT(r.errors[0].message, HasSubstr("'card.action' is used before it is defined"));
}

} // namespace
} // namespace logintest::harness::scenario
