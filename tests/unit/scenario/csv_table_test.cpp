// parse_csv(): the header names the columns; quoted fields, CRLF, BOM and blank lines; every
// malformed line reported with its line number.
#include "harness/scenario/csv_table.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace logintest::harness::scenario {
namespace {

using ::testing::HasSubstr;

TEST(CsvTable, ReadsHeaderAndRows) {
    const CsvParse r =
        parse_csv("\xEF\xBB\xBFlogin,scid,note\r\nИвановИ,2436,\"a, \"\"b\"\"\"\r\n\r\n"
                  "ПетроваМ,2436,\"two\nlines\"\n");
    ASSERT_TRUE(r.ok()) << r.errors[0].message;
    EXPECT_EQ(r.table.columns, (std::vector<std::string>{"login", "scid", "note"}));
    ASSERT_EQ(r.table.rows.size(), 2u);
    EXPECT_EQ(r.table.rows[0][2], "a, \"b\"");
    EXPECT_EQ(r.table.rows[1][0], "ПетроваМ");
    EXPECT_EQ(r.table.rows[1][2], "two\nlines");
}

TEST(CsvTable, WrongColumnCountNamesTheLine) {
    const CsvParse r = parse_csv("a,b\n1,2\n1,2,3\n\n4\n");
    ASSERT_EQ(r.errors.size(), 2u);
    EXPECT_EQ(r.errors[0].line, 3);
    EXPECT_EQ(r.errors[0].message, "the row has 3 values, the header 2 columns");
    EXPECT_EQ(r.errors[1].line, 5);
}

TEST(CsvTable, EmptyFilesUnclosedQuotesAndNamelessColumnsAreErrors) {
    EXPECT_THAT(parse_csv("").errors.at(0).message, HasSubstr("header"));
    EXPECT_THAT(parse_csv("a,b\n").errors.at(0).message, HasSubstr("no rows"));
    const CsvParse unclosed = parse_csv("a\n\"x\n");
    ASSERT_FALSE(unclosed.ok());
    EXPECT_EQ(unclosed.errors[0].line, 2);
    EXPECT_THAT(unclosed.errors[0].message, HasSubstr("not closed"));
    EXPECT_THAT(parse_csv("a,,c\n1,2,3\n").errors.at(0).message, HasSubstr("column 2"));
}

} // namespace
} // namespace logintest::harness::scenario
