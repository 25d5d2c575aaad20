// Error kinds of the load result: every kind's name round-trips, the names are in the order the
// reports have always listed them (alphabetical, as the std::map they replace), counters add
// up, and iterating yields only the kinds with a count.
#include "harness/model/load_result.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace logintest::harness::model {
namespace {

using ::testing::ElementsAre;
using ::testing::Pair;

TEST(ErrorKind, EveryNameRoundTrips) {
    for (std::size_t i = 0; i < error_kind_count; ++i) {
        const auto kind = static_cast<ErrorKind>(i);
        EXPECT_EQ(parse_error_kind(to_string(kind)), kind) << to_string(kind);
    }
    EXPECT_EQ(parse_error_kind("no_such_kind"), std::nullopt);
    EXPECT_EQ(parse_error_kind("ok"), std::nullopt);
}

TEST(ErrorKind, NamesAreTheOnesTheReportsPrint) {
    std::vector<std::string> names;
    for (std::size_t i = 0; i < error_kind_count; ++i) {
        names.emplace_back(to_string(static_cast<ErrorKind>(i)));
    }
    EXPECT_THAT(names,
                ElementsAre("account_error", "fd_limit", "no_account", "not_run", "ports_exhausted",
                            "protocol_error", "refused", "request_error", "reset", "resolve_error",
                            "timeout", "tls_error", "too_many_redirects"));
    EXPECT_TRUE(std::is_sorted(names.begin(), names.end())) << "the reports' order";
}

TEST(ErrorKind, EveryTransportOutcomeHasTheKindOfItsName) {
    EXPECT_EQ(error_kind_of(Outcome::ok), std::nullopt);
    for (const Outcome o :
         {Outcome::refused, Outcome::timeout, Outcome::reset, Outcome::tls_error,
          Outcome::resolve_error, Outcome::protocol_error, Outcome::too_many_redirects,
          Outcome::request_error, Outcome::not_run}) {
        ASSERT_TRUE(error_kind_of(o).has_value()) << to_string(o);
        EXPECT_STREQ(to_string(*error_kind_of(o)), to_string(o));
    }
}

TEST(ErrorCounts, IteratesKindsWithACountInNameOrder) {
    ErrorCounts counts;
    EXPECT_TRUE(counts.empty());
    ++counts[ErrorKind::timeout];
    counts[ErrorKind::account_error] += 2;
    counts["refused"] = 3;
    std::vector<std::pair<std::string, std::uint64_t>> seen;
    for (const auto& [kind, n] : counts) {
        seen.emplace_back(std::string(kind), n);
    }
    EXPECT_THAT(seen,
                ElementsAre(Pair("account_error", 2u), Pair("refused", 3u), Pair("timeout", 1u)));
    EXPECT_EQ(counts.total(), 6u);
    EXPECT_FALSE(counts.empty());
    EXPECT_THROW(counts["no_such_kind"], std::out_of_range);
}

TEST(ErrorCounts, MergeAddsEveryKind) {
    ErrorCounts a;
    a[ErrorKind::reset] = 1;
    ErrorCounts b;
    b[ErrorKind::reset] = 2;
    b[ErrorKind::fd_limit] = 5;
    merge(a, b);
    EXPECT_EQ(a[ErrorKind::reset], 3u);
    EXPECT_EQ(a[ErrorKind::fd_limit], 5u);
    EXPECT_EQ(a[ErrorKind::no_account], 0u);
}

} // namespace
} // namespace logintest::harness::model
