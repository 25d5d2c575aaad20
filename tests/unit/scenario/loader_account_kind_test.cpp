// The loader on `<account as="..." kind="..."/>`: the kind's accounts come from the embedded
// scenarios/data/account-kinds.json; an unknown kind and a kind mixed with login/pool are
// errors; AccountKinds::parse names what is wrong in a kinds file.
#include "harness/scenario/account_kinds.hpp"
#include "harness/scenario/loader.hpp"
#include "loader_test_support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace logintest::harness::scenario {
namespace {

using namespace testing;
using ::testing::HasSubstr;

TEST(LoaderAccountKind, AKindDefinesTheAccountVariables) {
    const LoadResult r = load_text("<journey name=\"j\">\n"
                                   "<account as=\"pupil\" kind=\"school-pupil\"/>\n"
                                   "<step name=\"s\" url=\"${asurso}/x?u=${pupil.login}\"/>\n"
                                   "</journey>\n");
    ASSERT_TRUE(r.ok()) << all_errors(r);
    const auto& use = r.journey->accounts.at(0);
    EXPECT_EQ(use.kind, "school-pupil");
    ASSERT_EQ(use.kind_accounts.size(), 1u);
    EXPECT_EQ(use.kind_accounts[0].login, "ИвановИ");
    EXPECT_EQ(use.kind_accounts[0].scid, 2436);
}

TEST(LoaderAccountKind, UnknownKindAndMixedSelectorsAreErrors) {
    const LoadResult unknown = load_text("<journey name=\"j\">\n"
                                         "<account as=\"p\" kind=\"school-wizard\"/>\n"
                                         "<step name=\"s\" url=\"${asurso}/\"/>\n"
                                         "</journey>\n");
    ASSERT_EQ(unknown.errors.size(), 1u) << all_errors(unknown);
    EXPECT_EQ(unknown.errors[0].where.line, 2);
    EXPECT_THAT(unknown.errors[0].message, HasSubstr("unknown account kind 'school-wizard'"));
    EXPECT_THAT(unknown.errors[0].message, HasSubstr("school-pupil"));
    const LoadResult mixed = load_text("<journey name=\"j\">\n"
                                       "<account as=\"p\" kind=\"school-pupil\" login=\"X\"/>\n"
                                       "</journey>\n");
    EXPECT_THAT(all_errors(mixed), HasSubstr("one of kind, pool or login"));
}

TEST(LoaderAccountKind, TheBuiltinTableHasEveryKindOfTheFixture) {
    const auto& kinds = AccountKinds::builtin();
    for (const char* name :
         {"school-pupil", "school-pupil-under-14", "school-parent-bound", "school-teacher-unbound",
          "school-locked", "school-first-login", "school-multi-role", "school-cyrillic-password"}) {
        EXPECT_NE(kinds.find(name), nullptr) << name;
    }
    EXPECT_EQ(kinds.find("school-locked")->at(0).login, "ОрловД");
}

TEST(LoaderAccountKind, ParseNamesTheBrokenEntry) {
    EXPECT_THAT(AccountKinds::parse("{", "k.json").error, HasSubstr("k.json: not valid JSON"));
    EXPECT_THAT(AccountKinds::parse(R"({"kinds":{"a":[{"login":"x"}]}})", "k.json").error,
                HasSubstr("kinds.a[0] needs a string login and an integer scid"));
    EXPECT_THAT(AccountKinds::parse(R"({"kinds":{"a":[]}})", "k.json").error,
                HasSubstr("non-empty"));
}

} // namespace
} // namespace logintest::harness::scenario
