// The loader's `<account as="..." pool="load|bind"/>`: a load journey asks for any account of
// a MOCK-FIX-5 pool instead of a fixture login, and gets the ESIA fields of the pair too.
#include "harness/scenario/loader.hpp"
#include "loader_test_support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace logintest::harness::scenario {
namespace {

using namespace testing;
using ::testing::HasSubstr;

LoadResult load_pool(std::string_view xml) {
    return load_text(xml, "pool.xml");
}

TEST(AccountPool, PoolAccountNeedsNoLoginAndDefinesTheEsiaFields) {
    const LoadResult r = load_pool(
        "<journey name=\"j\">\n"
        "<account as=\"pupil\" pool=\"load\"/>\n"
        "<step name=\"s\" method=\"POST\" url=\"${asurso}/x\">\n"
        "<field name=\"UN\" value=\"${pupil.login}\"/>\n"
        "<field name=\"e\" value=\"${pupil.esia_login}/${pupil.esia_password}/${pupil.oid}\"/>\n"
        "</step>\n</journey>\n");
    ASSERT_TRUE(r.ok()) << all_errors(r);
    ASSERT_EQ(r.journey->accounts.size(), 1u);
    EXPECT_EQ(r.journey->accounts[0].pool, "load");
    EXPECT_EQ(r.journey->accounts[0].login, "");
    EXPECT_FALSE(r.journey->accounts[0].scid.has_value());
}

TEST(AccountPool, UnknownPoolIsNamedWithItsLine) {
    const LoadResult r = load_pool("<journey name=\"j\">\n"
                                   "<account as=\"pupil\" pool=\"teachers\"/>\n"
                                   "<step name=\"s\" url=\"${asurso}/x\"/>\n</journey>\n");
    ASSERT_FALSE(r.ok());
    EXPECT_THAT(all_errors(r), HasSubstr("pool.xml:2: unknown account pool 'teachers'"));
}

TEST(AccountPool, PoolAndLoginTogetherAreRefused) {
    const LoadResult r = load_pool("<journey name=\"j\">\n"
                                   "<account as=\"pupil\" pool=\"load\" login=\"ИвановИ\"/>\n"
                                   "<step name=\"s\" url=\"${asurso}/x\"/>\n</journey>\n");
    ASSERT_FALSE(r.ok());
    EXPECT_THAT(all_errors(r), HasSubstr("either pool or login"));
}

TEST(AccountPool, FixtureAccountHasNoEsiaFields) {
    const LoadResult r = load_pool("<journey name=\"j\">\n"
                                   "<account as=\"pupil\" login=\"ИвановИ\"/>\n"
                                   "<step name=\"s\" url=\"${asurso}/x?o=${pupil.oid}\"/>\n"
                                   "</journey>\n");
    ASSERT_FALSE(r.ok());
    EXPECT_THAT(all_errors(r), HasSubstr("'pupil.oid' is not defined"));
}

TEST(AccountPool, AccountWithoutLoginOrPoolStillNeedsALogin) {
    const LoadResult r = load_pool("<journey name=\"j\">\n<account as=\"pupil\"/>\n"
                                   "<step name=\"s\" url=\"${asurso}/x\"/>\n</journey>\n");
    ASSERT_FALSE(r.ok());
    EXPECT_THAT(all_errors(r), HasSubstr("needs the attribute 'login'"));
}

} // namespace
} // namespace logintest::harness::scenario
