// AccountLeases: no two concurrent journeys share an account. A fixture login is held by one
// journey at a time across workers; pool accounts are split between workers and handed out
// in rotation; `bind` accounts are used once; a failed lease holds nothing.
#include "account_fixture.hpp"
#include "harness/engine/account_leases.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

namespace logintest::harness::engine {
namespace {

using testing::fixture;
using ::testing::HasSubstr;

model::Journey journey_with(std::vector<model::AccountUse> uses) {
    model::Journey j;
    j.name = "j";
    j.accounts = std::move(uses);
    return j;
}

model::AccountUse named(const std::string& as, const std::string& login) {
    model::AccountUse u;
    u.as = as;
    u.login = login;
    return u;
}

model::AccountUse pooled(const std::string& as, const std::string& pool) {
    model::AccountUse u;
    u.as = as;
    u.pool = pool;
    return u;
}

TEST(AccountLeases, FixtureLoginServesOneJourneyAtATimeAcrossWorkers) {
    const auto accounts = fixture();
    const model::Journey lockout = journey_with({named("pupil", "ВолковС")});
    auto created = AccountLeases::create({&lockout}, accounts, 0, 0, 2);
    ASSERT_TRUE(created.leases) << created.error;
    Lease a;
    Lease b;
    std::string missing;
    ASSERT_TRUE(created.leases->worker(0).lease(0, a, missing));
    EXPECT_EQ(a.accounts.at(0)->login, "ВолковС");
    EXPECT_FALSE(created.leases->worker(1).lease(0, b, missing));
    EXPECT_EQ(missing, "account ВолковС");
    created.leases->worker(0).release(a);
    EXPECT_TRUE(created.leases->worker(1).lease(0, b, missing));
}

TEST(AccountLeases, PoolAccountsAreSplitBetweenWorkersAndNeverShared) {
    const model::Journey j = journey_with({pooled("pupil", "load")});
    auto created = AccountLeases::create({&j}, fixture(), 10, 0, 3);
    ASSERT_TRUE(created.leases) << created.error;
    std::set<std::string> logins;
    std::vector<Lease> held(11); // room for the attempt that fails
    std::string missing;
    int leased = 0;
    for (int w = 0; w < 3; ++w) {
        for (;;) {
            Lease& l = held[static_cast<std::size_t>(leased)];
            if (!created.leases->worker(w).lease(0, l, missing)) {
                break;
            }
            EXPECT_TRUE(logins.insert(l.accounts[0]->login).second) << "shared account";
            ++leased;
        }
        EXPECT_EQ(missing, "pool load");
    }
    EXPECT_EQ(leased, 10);
    EXPECT_EQ(logins.count("load00001"), 1u);
    EXPECT_EQ(logins.count("load00010"), 1u);
    // Worker 0 owns accounts 1, 4, 7, 10.
    EXPECT_EQ(created.leases->worker(0).free_in_pool("load"), 0u);
    created.leases->worker(0).release(held[0]);
    EXPECT_EQ(created.leases->worker(0).free_in_pool("load"), 1u);
}

TEST(AccountLeases, PoolAccountsRotateSoEveryAccountGetsUsed) {
    const model::Journey j = journey_with({pooled("pupil", "load")});
    auto created = AccountLeases::create({&j}, fixture(), 3, 0, 1);
    ASSERT_TRUE(created.leases);
    std::vector<std::string> order;
    std::string missing;
    for (int i = 0; i < 6; ++i) {
        Lease l;
        ASSERT_TRUE(created.leases->worker(0).lease(0, l, missing));
        order.push_back(l.accounts[0]->login);
        created.leases->worker(0).release(l);
    }
    EXPECT_EQ(order, (std::vector<std::string>{"load00001", "load00002", "load00003", "load00001",
                                               "load00002", "load00003"}));
}

TEST(AccountLeases, BindAccountsAreUsedOnce) {
    const model::Journey j = journey_with({pooled("pair", "bind")});
    auto created = AccountLeases::create({&j}, fixture(), 0, 2, 1);
    ASSERT_TRUE(created.leases) << created.error;
    std::string missing;
    for (int i = 0; i < 2; ++i) {
        Lease l;
        ASSERT_TRUE(created.leases->worker(0).lease(0, l, missing));
        EXPECT_EQ(l.accounts[0]->esia_login,
                  i == 0 ? "bind00001@load.example.ru" : "bind00002@load.example.ru");
        created.leases->worker(0).release(l);
    }
    Lease l;
    EXPECT_FALSE(created.leases->worker(0).lease(0, l, missing));
    EXPECT_EQ(missing, "pool bind");
}

TEST(AccountLeases, FailedLeaseHoldsNothing) {
    // Needs a pool account and the single fixture account: when the latter is taken, the
    // pool account must go back.
    const model::Journey parent = journey_with({pooled("pupil", "load"), named("p", "ИвановИ")});
    auto created = AccountLeases::create({&parent}, fixture(), 1, 0, 1);
    ASSERT_TRUE(created.leases);
    WorkerLeases& w = created.leases->worker(0);
    Lease first;
    Lease second;
    std::string missing;
    ASSERT_TRUE(w.lease(0, first, missing));
    EXPECT_FALSE(w.lease(0, second, missing));
    w.release(first);
    EXPECT_EQ(w.free_in_pool("load"), 1u);
    EXPECT_TRUE(w.lease(0, second, missing));
}

// The error of AccountLeases::create for a journey of the one account `use`, which makes no
// leases.
std::string create_error(const model::AccountUse& use, int pool_size) {
    const model::Journey j = journey_with({use});
    auto r = AccountLeases::create({&j}, fixture(), pool_size, 0, 1);
    EXPECT_FALSE(r.leases);
    return r.error;
}

TEST(AccountLeases, ConfigurationErrorsNameTheScenarioLine) {
    model::AccountUse missing_login = named("pupil", "НетТакого");
    missing_login.where = {"lockout.xml", 4};
    EXPECT_THAT(create_error(missing_login, 10),
                HasSubstr("lockout.xml:4: the fixture has no single account"));

    model::AccountUse pool = pooled("pupil", "load");
    pool.where = {"load.xml", 3};
    const std::string no_pool = create_error(pool, 0);
    EXPECT_THAT(no_pool, HasSubstr("load.xml:3: the journey needs the 'load' account pool"));
    EXPECT_THAT(no_pool, HasSubstr("--pool-size is 0"));
}

TEST(PoolAccount, FollowsMockFix5) {
    const auto a = engine::pool_account("load", 42);
    ASSERT_TRUE(a);
    EXPECT_EQ(a->login, "load00042");
    EXPECT_EQ(a->password, "Load#00042");
    EXPECT_EQ(a->user_id, 900042);
    EXPECT_EQ(a->scid, 2436);
    EXPECT_EQ(a->oid, 2000000042);
    EXPECT_EQ(a->esia_login, "load00042@load.example.ru");
    EXPECT_EQ(a->esia_password, "Esia#00042");
    const auto b = engine::pool_account("bind", 7);
    ASSERT_TRUE(b);
    EXPECT_EQ(b->login, "bind00007");
    EXPECT_EQ(b->password, "Bind#00007");
    EXPECT_EQ(b->user_id, 950007);
    EXPECT_EQ(b->oid, 2100000007);
    EXPECT_FALSE(engine::pool_account("load", 0));
    EXPECT_FALSE(engine::pool_account("teachers", 1));
}

} // namespace
} // namespace logintest::harness::engine
