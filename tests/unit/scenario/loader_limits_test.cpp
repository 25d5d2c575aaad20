// Issue 10, finding 3: the loader is bounded in time and memory for any input. Deep nesting,
// wide elements, large files, include chains and large counts are refused with an error that
// names the file, the line, the limit and its value; the 10,000-level <if> file of the issue
// is refused under a 1 GiB address-space limit (a death test: the child process sets
// RLIMIT_AS), and with the limits raised it loads in linear memory (the guard chains).
#include "harness/scenario/limits.hpp"
#include "loader_test_support.hpp"
#include "tests/support/sanitizer.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sys/resource.h>

#include <cstdlib>
#include <string>

namespace logintest::harness::scenario {
namespace {

using testing::all_errors;
using ::testing::HasSubstr;
using testing::load_text;

std::string nested_ifs(int depth) {
    std::string xml = "<journey name=\"deep\">\n<var name=\"x\" value=\"1\"/>\n";
    for (int i = 0; i < depth; ++i) {
        xml += "<if var=\"x\" equals=\"1\">";
    }
    xml += "\n<step name=\"s\" url=\"http://127.0.0.1/\"><expect status=\"200\" "
           "clause=\"NS-LOGIN-18\"/></step>\n";
    for (int i = 0; i < depth; ++i) {
        xml += "</if>";
    }
    return xml + "\n</journey>\n";
}

std::string steps(int count) {
    std::string xml = "<journey name=\"many\">\n";
    for (int i = 0; i < count; ++i) {
        xml += "<step name=\"s" + std::to_string(i) +
               "\" url=\"http://127.0.0.1/\"><expect status=\"200\" clause=\"NS-LOGIN-18\"/>"
               "<expect status=\"200\" clause=\"NS-LOGIN-18\"/></step>\n";
    }
    return xml + "</journey>\n";
}

LoadResult load_with(const std::string& xml, const LoadOptions& options,
                     const std::string& name = "limits.xml") {
    return load_journey_text(xml, name, SpecIds::builtin(), standard_variables(), options);
}

// Caps the address space of this (child) process a little above what it uses now (not under
// a sanitizer, whose shadow memory takes the address space: tests/support/sanitizer.hpp).
void limit_address_space(std::size_t extra_bytes) {
    if (logintest::testing::address_space_is_reserved) {
        return;
    }
    rlimit limit{};
    getrlimit(RLIMIT_AS, &limit);
    std::size_t used = 0;
    if (FILE* f = std::fopen("/proc/self/statm", "r")) {
        unsigned long pages = 0;
        if (std::fscanf(f, "%lu", &pages) == 1) {
            used = pages * static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
        }
        std::fclose(f);
    }
    limit.rlim_cur = used + extra_bytes;
    setrlimit(RLIMIT_AS, &limit);
}

TEST(LoaderLimits, TheTenThousandLevelIfOfTheIssueIsRefusedWithTheDepthError) {
    const std::string xml = nested_ifs(10000);
    ASSERT_LT(xml.size(), 400u * 1024);
    // In a child with 1 GiB of address space: the base commit needed 4.4 GB here.
    EXPECT_EXIT(
        {
            limit_address_space(1024u * 1024 * 1024);
            const LoadResult r = load_text(xml, "deep.xml");
            const std::string errors = all_errors(r);
            const bool refused =
                !r.ok() && r.errors.size() == 1 &&
                errors.find("deep.xml:3: <if> is nested more than 64 elements "
                            "deep (the element-depth limit is 64)") != std::string::npos;
            std::fputs(errors.c_str(), stderr);
            std::_Exit(refused ? 0 : 1);
        },
        ::testing::ExitedWithCode(0), "element-depth");
}

TEST(LoaderLimits, DeepIfsWithTheLimitsRaisedLoadInLinearMemory) {
    // 990 levels (under <journey>, the step and its check: the highest element depth --limit
    // allows) kept every outer guard in every scope before: 990^2/2 guards, ~50 MB. With the
    // guard chain the whole load fits in 32 MiB.
    const std::string xml = nested_ifs(990);
    EXPECT_EXIT(
        {
            limit_address_space(32u * 1024 * 1024);
            auto raised = with_limit({}, "element-depth=1000");
            raised = with_limit(*raised, "branch-depth=1000");
            LoadOptions options;
            options.limits = *raised;
            const LoadResult r = load_with(xml, options);
            const bool ok =
                r.ok() && r.journey->steps.size() == 1 && r.journey->steps[0].guards.size() == 990;
            std::fputs(all_errors(r).c_str(), stderr);
            std::_Exit(ok ? 0 : 1);
        },
        ::testing::ExitedWithCode(0), "");
}

TEST(LoaderLimits, BranchDepthIsItsOwnLimit) {
    const LoadResult r = load_text(nested_ifs(40), "branches.xml");
    ASSERT_FALSE(r.ok());
    EXPECT_THAT(all_errors(r), HasSubstr("branches.xml:3: <if>/<option> nested more than 32 deep "
                                         "(the branch-depth limit is 32)"));
}

TEST(LoaderLimits, AnyElementNestedTooDeepIsRefused) {
    std::string body = "<journey name=\"j\"><step name=\"s\" url=\"http://127.0.0.1/\"><body>";
    for (int i = 0; i < 100; ++i) {
        body += "<b>";
    }
    for (int i = 0; i < 100; ++i) {
        body += "</b>";
    }
    body += "</body></step></journey>";
    const LoadResult r = load_text(body, "body.xml");
    ASSERT_FALSE(r.ok());
    EXPECT_THAT(all_errors(r), HasSubstr("<b> is nested more than 64 elements deep"));
}

TEST(LoaderLimits, AnElementWithTooManyAttributesIsRefusedAtOnce) {
    std::string xml = "<journey name=\"j\">\n<step name=\"s\" url=\"http://127.0.0.1/\"";
    for (int i = 0; i < 100000; ++i) {
        xml += " a" + std::to_string(i) + "=\"\"";
    }
    xml += "/>\n</journey>";
    const LoadResult r = load_text(xml, "wide.xml");
    ASSERT_EQ(r.errors.size(), 1u) << all_errors(r).substr(0, 2000);
    EXPECT_THAT(all_errors(r),
                HasSubstr("wide.xml:2: <step> has more than 64 attributes (the attributes limit "
                          "is 64)"));
}

TEST(LoaderLimits, AnOversizedFileIsRefusedBeforeItIsParsed) {
    std::string xml = "<journey name=\"j\">\n<!--" + std::string(1024 * 1024, 'x') + "-->\n";
    const LoadResult r = load_text(xml, "big.xml");
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(format_error(r.errors[0]),
              "big.xml: the file is larger than 1048576 bytes (the file-bytes limit is 1048576; "
              "raise it with --limit file-bytes=N)");
}

TEST(LoaderLimits, StepsChecksAndVariablesAreCounted) {
    LoadOptions options;
    options.limits.steps = 5;
    EXPECT_THAT(all_errors(load_with(steps(6), options)),
                HasSubstr("the journey has more than 5 steps (the steps limit is 5; raise it "
                          "with --limit steps=N)"));
    EXPECT_TRUE(load_with(steps(5), options).ok());
    options = {};
    options.limits.checks = 9;
    EXPECT_THAT(all_errors(load_with(steps(6), options)),
                HasSubstr("more than 9 checks (the checks limit is 9"));
    options = {};
    options.limits.variables = 3;
    const std::string vars = "<journey name=\"v\"><var name=\"a\" value=\"1\"/><var name=\"b\" "
                             "value=\"1\"/><var name=\"c\" value=\"1\"/><var name=\"d\" "
                             "value=\"1\"/><step name=\"s\" url=\"http://127.0.0.1/\"><expect "
                             "status=\"200\" clause=\"NS-LOGIN-18\"/></step></journey>";
    EXPECT_THAT(all_errors(load_with(vars, options)),
                HasSubstr("defines more than 3 variables (the variables limit is 3"));
}

TEST(LoaderLimits, RepeatIsCountedBeforeItIsUnrolled) {
    const std::string xml = "<journey name=\"r\">\n"
                            "<step name=\"a\" url=\"http://127.0.0.1/\" repeat=\"1000\"><expect "
                            "status=\"200\" clause=\"NS-LOGIN-18\"/></step>\n"
                            "<step name=\"b\" url=\"http://127.0.0.1/\" repeat=\"1000\"><expect "
                            "status=\"200\" clause=\"NS-LOGIN-18\"/></step>\n"
                            "<step name=\"c\" url=\"http://127.0.0.1/\" repeat=\"1000\"><expect "
                            "status=\"200\" clause=\"NS-LOGIN-18\"/></step>\n</journey>";
    const LoadResult r = load_text(xml, "repeat.xml");
    EXPECT_THAT(all_errors(r), HasSubstr("repeat.xml:4: the journey has more than 2000 steps"));
}

TEST(LoaderLimits, ProblemsStopAtTheErrorsLimit) {
    std::string xml = "<journey name=\"j\">\n";
    for (int i = 0; i < 5000; ++i) {
        xml += "<nope/>\n";
    }
    xml += "</journey>";
    const LoadResult r = load_text(xml);
    EXPECT_EQ(r.errors.size(), 1001u);
    EXPECT_THAT(all_errors(r), HasSubstr("too many problems: the loader stops here (the errors "
                                         "limit is 1000)"));
}

// Lib files from memory: the include limits without a folder of files.
std::string lib(const std::string& name, const std::string& inner) {
    return "<journey name=\"" + name + "\">" + inner + "<step name=\"" + name +
           "_s\" url=\"http://127.0.0.1/\"><expect status=\"200\" "
           "clause=\"NS-LOGIN-18\"/></step></journey>";
}

TEST(LoaderLimits, IncludeDepthAndCountAreBounded) {
    VirtualFiles files;
    for (int i = 0; i < 12; ++i) {
        const std::string next = "<include journey=\"l" + std::to_string(i + 1) + "\"/>";
        files["v/lib/l" + std::to_string(i) + ".xml"] =
            lib("l" + std::to_string(i), i < 11 ? next : "");
    }
    LoadOptions options;
    options.files = &files;
    const std::string top = "<journey name=\"top\"><include journey=\"l0\"/></journey>";
    EXPECT_THAT(all_errors(load_with(top, options, "v/top.xml")),
                HasSubstr("v/lib/l7.xml:1: includes are nested more than 8 deep (the "
                          "include-depth limit is 8)"));
    // Each lib includes the next one twice: 2^n includes without a count limit.
    VirtualFiles twice;
    for (int i = 0; i < 20; ++i) {
        const std::string next = "l" + std::to_string(i + 1);
        const std::string inner = "<include journey=\"" + next +
                                  "\" prefix=\"a\"/><include "
                                  "journey=\"" +
                                  next + "\" prefix=\"b\"/>";
        twice["v/lib/l" + std::to_string(i) + ".xml"] = lib("l" + std::to_string(i), inner);
    }
    options.files = &twice;
    options.limits.include_depth = 30;
    EXPECT_THAT(all_errors(load_with(top, options, "v/top.xml")),
                HasSubstr("the journey includes more than 256 lib files (the includes limit is "
                          "256; raise it with --limit includes=N)"));
}

TEST(LoaderLimits, ATextLoadsFromMemoryWithoutTheFileSystem) {
    VirtualFiles files{{"mem/data/rows.csv", "login,scid\nИвановИ,2436\n"},
                       {"mem/lib/l.xml", lib("l", "")}};
    LoadOptions options;
    options.files = &files;
    const LoadResult r = load_with("<journey name=\"m\"><feeder file=\"data/rows.csv\" as=\"row\"/>"
                                   "<include journey=\"l\"/></journey>",
                                   options, "mem/top.xml");
    ASSERT_TRUE(r.ok()) << all_errors(r);
    EXPECT_EQ(r.journey->feeder->rows.size(), 1u);
    EXPECT_EQ(r.journey->steps.size(), 1u);
    const LoadResult missing = load_with(
        "<journey name=\"m\"><include journey=\"none\"/></journey>", options, "mem/top.xml");
    EXPECT_THAT(all_errors(missing), HasSubstr("no such file mem/lib/none.xml"));
}

TEST(LoaderLimits, FeederRowsColumnsAndBytesAreBounded) {
    std::string csv = "a,b\n";
    for (int i = 0; i < 20; ++i) {
        csv += "1,2\n";
    }
    VirtualFiles files{{"f/data/rows.csv", csv}, {"f/data/wide.csv", std::string(300, ',') + "\n"}};
    LoadOptions options;
    options.files = &files;
    options.limits.feeder_rows = 10;
    const std::string rows = "<journey name=\"f\">\n<feeder file=\"data/rows.csv\" as=\"row\"/>"
                             "<step name=\"s\" url=\"http://127.0.0.1/\"><expect status=\"200\" "
                             "clause=\"NS-LOGIN-18\"/></step></journey>";
    EXPECT_THAT(all_errors(load_with(rows, options, "f/j.xml")),
                HasSubstr("f/j.xml:2: the feeder file f/data/rows.csv has more than 10 rows (the "
                          "feeder-rows limit is 10; raise it with --limit feeder-rows=N)"));
    options.limits = {};
    options.limits.feeder_bytes = 20;
    EXPECT_THAT(all_errors(load_with(rows, options, "f/j.xml")),
                HasSubstr("is larger than 20 bytes (the feeder-bytes limit"));
    options.limits = {};
    std::string wide = rows;
    wide.replace(wide.find("rows.csv"), 8, "wide.csv");
    EXPECT_THAT(all_errors(load_with(wide, options, "f/j.xml")),
                HasSubstr("has more than 256 columns (line 1) (the feeder-columns limit is 256"));
}

TEST(LoaderLimits, ALimitIsSetByName) {
    auto set = with_limit({}, "feeder-rows=200000");
    ASSERT_TRUE(set.ok());
    EXPECT_EQ(set->feeder_rows, 200000u);
    set = with_limit({}, "file-bytes=4MiB");
    ASSERT_TRUE(set.ok());
    EXPECT_EQ(set->file_bytes, 4u * 1024 * 1024);
    EXPECT_FALSE(with_limit({}, "feeder-rows=0").ok());
    // Depths the loader walks recursively stop at a ceiling that keeps its stack safe.
    EXPECT_TRUE(with_limit({}, "branch-depth=1000").ok());
    const auto too_deep = with_limit({}, "element-depth=1001");
    ASSERT_FALSE(too_deep.ok());
    EXPECT_THAT(too_deep.problem().text(), HasSubstr("--limit element-depth is at most 1000"));
    EXPECT_FALSE(with_limit({}, "include-depth=101").ok());
    EXPECT_FALSE(with_limit({}, "steps=4MiB").ok());
    const auto unknown = with_limit({}, "nope=3");
    ASSERT_FALSE(unknown.ok());
    EXPECT_THAT(unknown.problem().message, HasSubstr("feeder-rows"));
    for (const auto& info : limit_names()) {
        EXPECT_TRUE(limit_value(Limits{}, info.name).has_value()) << info.name;
    }
}

} // namespace
} // namespace logintest::harness::scenario
