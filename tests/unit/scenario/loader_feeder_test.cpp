// The loader on <feeder file=... as=...>: the CSV is read relative to the scenario, its columns
// define `as.<column>`; a missing file names the path; a malformed line is `file:line`.
#include "harness/scenario/loader.hpp"
#include "loader_test_support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace logintest::harness::scenario {
namespace {

using namespace testing;
using ::testing::HasSubstr;

const std::string data_dir = std::string(LOGINTEST_TEST_DATA) + "/scenarios/";

LoadResult load_in_data_dir(const std::string& feeder) {
    return load_journey_text("<journey name=\"j\">\n" + feeder +
                                 "\n<step name=\"s\" url=\"${asurso}/?u=${row.login}\"/>\n"
                                 "</journey>\n",
                             data_dir + "inline.xml", SpecIds::builtin(), standard_variables());
}

TEST(LoaderFeeder, ReadsTheCsvNextToTheScenario) {
    const LoadResult r = load_journey_file(data_dir + "feeder_journey.xml", SpecIds::builtin(),
                                           standard_variables());
    ASSERT_TRUE(r.ok()) << all_errors(r);
    ASSERT_TRUE(r.journey->feeder.has_value());
    const auto& feeder = *r.journey->feeder;
    EXPECT_EQ(feeder.as, "row");
    EXPECT_EQ(feeder.columns, (std::vector<std::string>{"login", "scid", "password", "user_id"}));
    ASSERT_EQ(feeder.rows.size(), 2u);
    EXPECT_EQ(feeder.rows[1][0], "ПетроваМ");
    EXPECT_THAT(feeder.path, HasSubstr("scenarios/data/pupils.csv"));
}

TEST(LoaderFeeder, MissingFileNamesThePath) {
    const LoadResult r = load_in_data_dir("<feeder file=\"data/nope.csv\" as=\"row\"/>");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.errors[0].where.line, 2);
    EXPECT_THAT(r.errors[0].message, HasSubstr("cannot read the feeder file"));
    EXPECT_THAT(r.errors[0].message, HasSubstr("scenarios/data/nope.csv"));
}

TEST(LoaderFeeder, MalformedCsvIsReportedAtItsFileAndLine) {
    const LoadResult r = load_in_data_dir("<feeder file=\"data/malformed.csv\" as=\"row\"/>");
    ASSERT_FALSE(r.ok());
    EXPECT_THAT(format_error(r.errors[0]),
                HasSubstr("scenarios/data/malformed.csv:3: the row has 3 "
                          "values, the header 2 columns"));
}

TEST(LoaderFeeder, UnknownColumnIsUndefinedAndTwoFeedersAreAnError) {
    const LoadResult r =
        load_journey_text("<journey name=\"j\">\n<feeder file=\"data/pupils.csv\" as=\"row\"/>\n"
                          "<feeder file=\"data/pupils.csv\" as=\"other\"/>\n"
                          "<step name=\"s\" url=\"${asurso}/?u=${row.school}\"/>\n</journey>\n",
                          data_dir + "inline.xml", SpecIds::builtin(), standard_variables());
    const std::string errors = all_errors(r);
    EXPECT_THAT(errors, HasSubstr("at most one <feeder>"));
    EXPECT_THAT(errors, HasSubstr("'row.school' is not defined"));
}

} // namespace
} // namespace logintest::harness::scenario
