// The loader's <expect> keeps what it parsed: cookie attributes as model::CookieAttribute,
// `matches` regexes without `${` compiled once into the check (shared by every run), and a bad
// regex reported with its file and line as before.
#include "harness/scenario/loader.hpp"
#include "harness/scenario/pattern.hpp"
#include "loader_test_support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace logintest::harness::scenario {
namespace {

using model::CheckOp;
using model::CheckSubject;
using model::CookieAttribute;
using ::testing::HasSubstr;

LoadResult load_step(std::string_view step_body) {
    const std::string xml = "<journey name=\"j\">\n"
                            "<account as=\"pupil\" login=\"ИвановИ\"/>\n"
                            "<step name=\"s\" url=\"${asurso}/x\">\n" +
                            std::string(step_body) + "\n</step>\n</journey>\n";
    return testing::load_text(xml);
}

const std::vector<model::Check>& checks_of(const LoadResult& r) {
    return r.journey->steps.at(0).checks;
}

TEST(LoaderExpect, CookieAttributesBecomeTheEnum) {
    const auto r = load_step(R"(<expect cookie="NSSESSIONID" http-only="true" host-only="true"
        secure="false" path="/" domain="asurso.ru" same-site="Lax" max-age="3600"
        clause="NS-LOGIN-5"/>)");
    ASSERT_TRUE(r.ok()) << format_error(r.errors.at(0));
    const auto& checks = checks_of(r);
    ASSERT_EQ(checks.size(), 7u);
    const CookieAttribute expected[] = {CookieAttribute::http_only, CookieAttribute::host_only,
                                        CookieAttribute::secure,    CookieAttribute::path,
                                        CookieAttribute::domain,    CookieAttribute::same_site,
                                        CookieAttribute::max_age};
    for (std::size_t i = 0; i < checks.size(); ++i) {
        EXPECT_EQ(checks[i].subject, CheckSubject::cookie_set);
        EXPECT_EQ(checks[i].path, "NSSESSIONID");
        EXPECT_EQ(checks[i].cookie_attribute, expected[i]) << i;
    }
    EXPECT_EQ(checks[6].description, "cookie NSSESSIONID max-age equals 3600");
}

TEST(LoaderExpect, ACookieValueCheckHasNoAttribute) {
    const auto r = load_step(R"(<expect cookie="NSSESSIONID" matches="^[0-9a-f]{32}$"
        clause="NS-LOGIN-5"/>)");
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(checks_of(r).at(0).cookie_attribute, CookieAttribute::none);
}

TEST(LoaderExpect, ALiteralRegexIsCompiledOnceAtLoad) {
    const auto r = load_step(R"(<expect json="/salt" matches="^[1-9][0-9]*$" clause="NS-LOGIN-12"/>
        <expect location.query="loginState" matches="^[a-f0-9-]+$$" clause="NS-ESIA-14"/>)");
    ASSERT_TRUE(r.ok());
    const auto& checks = checks_of(r);
    ASSERT_EQ(checks.size(), 2u);
    ASSERT_TRUE(checks[0].pattern);
    EXPECT_TRUE(checks[0].pattern->test("12345").found);
    EXPECT_FALSE(checks[0].pattern->test("0123").found);
    // `$$` is one `$`, as the engine expands the expected value
    ASSERT_TRUE(checks[1].pattern);
    EXPECT_TRUE(checks[1].pattern->test("ab-12").found);
    EXPECT_FALSE(checks[1].pattern->test("ab_12").found);
    // a copy of the journey (every virtual user) shares the compiled regex
    const model::Journey copy = *r.journey;
    EXPECT_EQ(copy.steps[0].checks[0].pattern.get(), checks[0].pattern.get());
}

TEST(LoaderExpect, ATemplatedRegexIsLeftForRunTime) {
    const auto r = load_step(
        R"(<expect cookie="ESRNSec" matches="^ESRNSECR${pupil.user_id}=[0-9a-f]{32}$"
        clause="NS-LOGIN-5"/>
        <expect status="200" clause="NS-LOGIN-5"/>)");
    ASSERT_TRUE(r.ok());
    EXPECT_FALSE(checks_of(r).at(0).pattern);
    EXPECT_FALSE(checks_of(r).at(1).pattern); // not a regex at all
}

TEST(LoaderExpect, ABadRegexIsStillAFileAndLineError) {
    const auto r = load_step("<expect status=\"200\" clause=\"NS-LOGIN-5\"/>\n"
                             "<expect body=\"\"\n matches=\"([0-9]\" clause=\"NS-LOGIN-5\"/>");
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_THAT(format_error(r.errors[0]), HasSubstr("test.xml:6: bad regex '([0-9]'"));
}

TEST(LoaderExpect, CookieAttributeValuesAreValidated) {
    const auto r = load_step(R"(<expect cookie="A" http-only="yes" max-age="soon"
        clause="NS-LOGIN-5"/>)");
    ASSERT_EQ(r.errors.size(), 2u);
    EXPECT_THAT(r.errors[0].message, HasSubstr("http-only must be true or false, not 'yes'"));
    EXPECT_THAT(r.errors[1].message, HasSubstr("max-age 'soon' is not a number"));
}

} // namespace
} // namespace logintest::harness::scenario
