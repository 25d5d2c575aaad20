// Account kinds through AccountLeases and CatalogLeaser: a kind leases any free one of its
// fixture accounts, never one another journey holds, in rotation; a kind member the fixture
// lacks is an error naming the kind; `check`'s CatalogLeaser returns accounts after each run.
#include "account_fixture.hpp"
#include "harness/engine/account_leases.hpp"
#include "harness/load/catalog_leaser.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace logintest::harness::load {
namespace {

using engine::AccountLeases;
using engine::Lease;

using engine::testing::fixture;
using ::testing::HasSubstr;

model::AccountUse kind(const std::string& as, const std::string& name,
                       std::vector<model::AccountRef> members) {
    model::AccountUse u;
    u.as = as;
    u.kind = name;
    u.kind_accounts = std::move(members);
    return u;
}

model::Journey journey_with(std::vector<model::AccountUse> uses) {
    model::Journey j;
    j.name = "j";
    j.accounts = std::move(uses);
    return j;
}

TEST(AccountKindLeases, AKindLeasesEachFreeAccountOnceAtATime) {
    const auto accounts = fixture();
    const model::Journey j =
        journey_with({kind("pupil", "school-pupil", {{"ИвановИ", 2436}, {"ВолковС", 107}})});
    auto created = AccountLeases::create({&j}, accounts, 0, 0, 2);
    ASSERT_TRUE(created.leases) << created.error;
    Lease a;
    Lease b;
    Lease c;
    std::string missing;
    ASSERT_TRUE(created.leases->worker(0).lease(0, a, missing));
    ASSERT_TRUE(created.leases->worker(1).lease(0, b, missing));
    EXPECT_NE(a.accounts.at(0)->login, b.accounts.at(0)->login);
    EXPECT_FALSE(created.leases->worker(0).lease(0, c, missing));
    EXPECT_EQ(missing, "kind school-pupil");
    created.leases->worker(1).release(b);
    ASSERT_TRUE(created.leases->worker(0).lease(0, c, missing));
    EXPECT_EQ(c.accounts.size(), 1u);
}

TEST(AccountKindLeases, AKindMemberTheFixtureLacksIsAnErrorNamingTheKind) {
    const auto accounts = fixture();
    const model::Journey j = journey_with({kind("p", "school-locked", {{"ОрловД", 107}})});
    const auto created = AccountLeases::create({&j}, accounts, 0, 0, 1);
    EXPECT_FALSE(created.leases);
    EXPECT_THAT(created.error, HasSubstr("account kind 'school-locked'"));
    EXPECT_THAT(created.error, HasSubstr("ОрловД"));
}

TEST(AccountKindLeases, CatalogLeaserReturnsAccountsAfterEachRun) {
    const auto accounts = fixture();
    const std::vector<model::Journey> journeys = {
        journey_with({kind("pupil", "school-pupil", {{"ИвановИ", 2436}})}),
        journey_with({kind("pupil", "school-pupil", {{"ИвановИ", 2436}})})};
    auto created = CatalogLeaser::create(journeys, accounts, 0, 0);
    ASSERT_TRUE(created.leaser) << created.error;
    std::vector<const engine::Account*> leased;
    std::string missing;
    ASSERT_TRUE(created.leaser->acquire(0, leased, missing));
    ASSERT_EQ(leased.size(), 1u);
    EXPECT_EQ(leased[0]->login, "ИвановИ");
    // While journey 0 holds the only account of the kind, journey 1 cannot have it.
    EXPECT_FALSE(created.leaser->acquire(1, leased, missing));
    EXPECT_EQ(missing, "kind school-pupil");
    created.leaser->release(0);
    EXPECT_TRUE(created.leaser->acquire(1, leased, missing));
    created.leaser->release(1);
}

} // namespace
} // namespace logintest::harness::load
