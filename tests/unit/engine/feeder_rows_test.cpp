// FeederRows: each run leases the next free row (round robin), never one that is held; journeys
// naming the same file share its rows.
#include "harness/engine/feeder_rows.hpp"

#include <gtest/gtest.h>

namespace logintest::harness::engine {
namespace {

model::Journey fed(const std::string& path, std::size_t rows) {
    model::Journey j;
    j.name = "j";
    model::Feeder feeder;
    feeder.path = path;
    feeder.as = "row";
    feeder.columns = {"a"};
    for (std::size_t i = 0; i < rows; ++i) {
        feeder.rows.push_back({std::to_string(i)});
    }
    j.feeder = feeder;
    return j;
}

TEST(FeederRows, RoundRobinOverFreeRows) {
    const model::Journey j = fed("/x.csv", 3);
    FeederRows rows({&j});
    EXPECT_EQ(rows.lease(j), 0u);
    EXPECT_EQ(rows.lease(j), 1u);
    rows.release(j, 0);
    EXPECT_EQ(rows.lease(j), 2u);
    EXPECT_EQ(rows.lease(j), 0u);
    EXPECT_FALSE(rows.lease(j).has_value()); // all three held
    rows.release(j, 1);
    EXPECT_EQ(rows.lease(j), 1u);
}

TEST(FeederRows, JourneysOfOneFileShareItsRows) {
    const model::Journey a = fed("/same.csv", 1);
    const model::Journey b = fed("/same.csv", 1);
    const model::Journey none;
    FeederRows rows({&a, &b, &none});
    EXPECT_EQ(rows.lease(a), 0u);
    EXPECT_FALSE(rows.lease(b).has_value());
    rows.release(a, 0);
    EXPECT_EQ(rows.lease(b), 0u);
    EXPECT_FALSE(rows.lease(none).has_value());
}

} // namespace
} // namespace logintest::harness::engine
