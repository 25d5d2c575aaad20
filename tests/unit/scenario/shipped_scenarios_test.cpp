// The scenarios shipped in scenarios/ load without a single problem against the built-in
// spec ids and the engine's predefined variables.
#include "harness/scenario/loader.hpp"
#include "loader_test_support.hpp"
#include "support/text/file.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace logintest::harness::scenario {
namespace {

class ShippedScenario : public ::testing::TestWithParam<const char*> {};

TEST_P(ShippedScenario, LoadsWithoutErrors) {
    const std::string path = std::string(LOGINTEST_SOURCE_DIR) + "/scenarios/" + GetParam();
    const LoadResult r = load_journey_file(path, SpecIds::builtin(), standard_variables());
    EXPECT_TRUE(r.ok()) << testing::all_errors(r);
    ASSERT_TRUE(r.journey.has_value());
    EXPECT_FALSE(r.journey->steps.empty());
    for (const auto& step : r.journey->steps) {
        for (const auto& check : step.checks) {
            EXPECT_FALSE(check.clauses.empty()) << step.name;
            EXPECT_FALSE(check.description.empty()) << step.name;
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Catalog, ShippedScenario,
                         ::testing::Values("school_login.xml", "wrong_password.xml"));

TEST(ShippedScenario, SchoolLoginLogsInWithTheSaltedProof) {
    const LoadResult r =
        load_journey_file(std::string(LOGINTEST_SOURCE_DIR) + "/scenarios/school_login.xml",
                          SpecIds::builtin(), standard_variables());
    ASSERT_TRUE(r.ok());
    const auto& steps = r.journey->steps;
    const auto login = std::find_if(steps.begin(), steps.end(),
                                    [](const model::Step& s) { return s.name == "login"; });
    ASSERT_NE(login, steps.end());
    bool has_pw2 = false;
    for (const auto& f : login->form) {
        has_pw2 = has_pw2 || (f.name == "pw2" && f.value.text == "${pw2(pupil.password, salt)}");
    }
    EXPECT_TRUE(has_pw2);
    EXPECT_TRUE(std::any_of(steps.begin(), steps.end(),
                            [](const model::Step& s) { return s.name.starts_with("logout"); }));
}

} // namespace
} // namespace logintest::harness::scenario

namespace logintest::harness::scenario {
namespace {

// The ```xml blocks of scenarios/README.md, in order.
std::vector<std::string> readme_blocks() {
    const auto text =
        support::read_file(std::string(LOGINTEST_SOURCE_DIR) + "/scenarios/README.md");
    const std::string readme = text ? *text : std::string();
    std::vector<std::string> blocks;
    std::size_t pos = 0;
    while ((pos = readme.find("```xml\n", pos)) != std::string::npos) {
        pos += 7;
        const std::size_t end = readme.find("```", pos);
        blocks.push_back(readme.substr(pos, end - pos));
        pos = end + 3;
    }
    return blocks;
}

std::string errors_of(const LoadResult& r) {
    std::string out;
    for (const auto& e : r.errors) {
        out += format_error(e) + "\n";
    }
    return out;
}

TEST(ReadmeExamples, EveryXmlExampleOfTheReadmeIsValid) {
    const auto blocks = readme_blocks();
    ASSERT_EQ(blocks.size(), 6u);
    const LoadResult journey =
        load_journey_text(blocks[0], "README.md#journey", SpecIds::builtin(), standard_variables());
    EXPECT_TRUE(journey.ok()) << errors_of(journey);
    // The expect and extract examples, inside a step of a journey that defines what they use.
    for (std::size_t i = 1; i < blocks.size(); ++i) {
        const std::string wrapped = "<journey name=\"readme\">\n"
                                    "<var name=\"first_salt\" value=\"1\"/>\n"
                                    "<var name=\"nssessionid\" value=\"2\"/>\n"
                                    "<step name=\"s\" url=\"${asurso}/x\">\n" +
                                    blocks[i] + "</step>\n</journey>\n";
        if (i == 3) {
            break;
        }
        const LoadResult r = load_journey_text(wrapped, "README.md#" + std::to_string(i),
                                               SpecIds::builtin(), standard_variables());
        EXPECT_TRUE(r.ok()) << errors_of(r);
    }
    // The language tour: a whole journey.
    const LoadResult tour =
        load_journey_text(blocks[3], "README.md#3", SpecIds::builtin(), standard_variables());
    EXPECT_TRUE(tour.ok()) << errors_of(tour);
    // The lib journey and the journey that includes it, in a folder of their own.
    const auto dir =
        std::filesystem::temp_directory_path() / ("logintest-readme-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir / "lib");
    std::ofstream(dir / "lib" / "school_password_login.xml") << blocks[4];
    std::ofstream(dir / "two_logins.xml") << blocks[5];
    const LoadResult included = load_journey_file((dir / "two_logins.xml").string(),
                                                  SpecIds::builtin(), standard_variables());
    std::filesystem::remove_all(dir);
    EXPECT_TRUE(included.ok()) << errors_of(included);
    if (included.ok()) {
        EXPECT_EQ(included.journey->steps.size(), 5u);
    }
}

} // namespace
} // namespace logintest::harness::scenario
