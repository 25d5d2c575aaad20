// SpecIds: the text format of spec-ids.txt and the list embedded at build time.
#include "harness/scenario/spec_ids.hpp"

#include <gtest/gtest.h>

namespace logintest::harness::scenario {
namespace {

TEST(SpecIds, ParsesClauseAndCheckLinesAndSkipsComments) {
    const SpecIds ids = SpecIds::parse("# comment\n\nclause NS-LOGIN-4\r\ncheck J1-03\n"
                                       "  clause   GEN-1  \nbogus line\n");
    EXPECT_TRUE(ids.is_clause("NS-LOGIN-4"));
    EXPECT_TRUE(ids.is_clause("GEN-1"));
    EXPECT_TRUE(ids.is_check("J1-03"));
    EXPECT_FALSE(ids.is_clause("J1-03"));
    EXPECT_FALSE(ids.is_check("NS-LOGIN-4"));
    EXPECT_FALSE(ids.is_clause("comment"));
    EXPECT_EQ(ids.clause_count(), 2u);
}

TEST(SpecIds, BuiltinListHoldsTheSpecClausesAndChecks) {
    const SpecIds& ids = SpecIds::builtin();
    EXPECT_TRUE(ids.is_clause("NS-LOGIN-22"));
    EXPECT_TRUE(ids.is_clause("NS-SESSION-10"));
    EXPECT_TRUE(ids.is_clause("GEN-1"));
    EXPECT_TRUE(ids.is_check("J1-08"));
    EXPECT_TRUE(ids.is_check("J10-03"));
    EXPECT_FALSE(ids.is_clause("NS-LOGIN-99"));
    EXPECT_GT(ids.clause_count(), 100u);
}

} // namespace
} // namespace logintest::harness::scenario
