// MOCK-CAP-1 / MOCK-HOST-7 store behaviour (mocks/common/expiring_store).
#include "mocks/common/expiring_store.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

namespace logintest::mocks::common {
namespace {

using Store = ExpiringStore<std::string, int>;
using namespace std::chrono_literals;

const Store::TimePoint t0 = Store::TimePoint(std::chrono::hours(1000));

TEST(ExpiringStore, EntriesExpireOnTheCallersClock) {
    Store store(10);
    EXPECT_EQ(store.insert("a", 1, t0 + 10s, t0), Store::Insert::inserted);
    EXPECT_EQ(store.get("a", t0 + 9s), 1);
    EXPECT_FALSE(store.get("a", t0 + 10s));
    EXPECT_EQ(store.size(t0 + 10s), 0u);
}

TEST(ExpiringStore, FullStoreRefusesAndNeverEvictsLiveEntries) {
    Store store(2);
    EXPECT_EQ(store.insert("a", 1, t0 + 10s, t0), Store::Insert::inserted);
    EXPECT_EQ(store.insert("b", 2, t0 + 20s, t0), Store::Insert::inserted);
    EXPECT_EQ(store.insert("c", 3, t0 + 20s, t0), Store::Insert::full);
    EXPECT_EQ(store.get("a", t0), 1);
    // Once "a" expires there is room again.
    EXPECT_EQ(store.insert("c", 3, t0 + 20s, t0 + 11s), Store::Insert::inserted);
    EXPECT_EQ(store.get("b", t0 + 11s), 2);
}

TEST(ExpiringStore, ExistingLiveKeyIsNotReplaced) {
    Store store(2);
    store.insert("a", 1, t0 + 10s, t0);
    EXPECT_EQ(store.insert("a", 2, t0 + 10s, t0), Store::Insert::exists);
    EXPECT_EQ(store.get("a", t0), 1);
    EXPECT_EQ(store.insert("a", 2, t0 + 30s, t0 + 10s), Store::Insert::inserted);
}

TEST(ExpiringStore, WithChangesValueAndExpiry) {
    Store store(2);
    store.insert("a", 1, t0 + 10s, t0);
    const auto r = store.with("a", t0 + 5s, [](int& v, Store::TimePoint& expires) {
        v = 7;
        expires += 100s;
        return v * 2;
    });
    EXPECT_EQ(r, 14);
    EXPECT_EQ(store.get("a", t0 + 50s), 7);
    EXPECT_FALSE(store.with("missing", t0, [](int&, Store::TimePoint&) {}));
}

TEST(ExpiringStore, ASingleUseItemIsTakenOnceUnderConcurrency) {
    Store store(1000);
    for (int i = 0; i < 200; ++i) {
        store.insert(std::to_string(i), i, t0 + 100s, t0);
    }
    std::atomic<int> taken{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 200; ++i) {
                if (store.take(std::to_string(i), t0)) {
                    ++taken;
                }
            }
        });
    }
    for (auto& th : threads) {
        th.join();
    }
    EXPECT_EQ(taken.load(), 200);
    EXPECT_EQ(store.size(t0), 0u);
}

TEST(ExpiringStore, EraseIfRemovesMatchingEntries) {
    Store store(10);
    store.insert("a", 1, t0 + 10s, t0);
    store.insert("b", 2, t0 + 10s, t0);
    EXPECT_EQ(store.erase_if(t0, [](const int& v) { return v == 2; }), 1u);
    EXPECT_TRUE(store.get("a", t0));
    EXPECT_FALSE(store.get("b", t0));
}

} // namespace
} // namespace logintest::mocks::common
