// The loader on the chain subjects and `hop`: chain.status/hosts/paths are value subjects,
// hop is a number on redirect.host/path, location.query and header only.
#include "harness/scenario/loader.hpp"
#include "loader_test_support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace logintest::harness::scenario {
namespace {

using namespace testing;
using model::CheckSubject;
using ::testing::HasSubstr;

LoadResult load_step(std::string_view body) {
    return load_text("<journey name=\"j\">\n<step name=\"s\" url=\"${asurso}/\" "
                     "follow=\"all\">\n" +
                     std::string(body) + "\n</step>\n</journey>\n");
}

TEST(LoaderChain, ChainSubjectsAndHop) {
    const LoadResult r = load_step(
        "<expect chain.status=\"302 200\" chain.hosts=\"a b\" chain.paths=\"/ /x\" "
        "clause=\"NS-ESIA-14\"/>\n"
        "<expect redirect.path=\"/app/login\" hop=\"1\" clause=\"NS-ESIA-14\"/>\n"
        "<expect header=\"Location\" hop=\"0\" contains=\"callback\" clause=\"NS-ESIA-14\"/>");
    ASSERT_TRUE(r.ok()) << all_errors(r);
    const auto& checks = r.journey->steps[0].checks;
    ASSERT_EQ(checks.size(), 5u);
    EXPECT_EQ(checks[0].subject, CheckSubject::chain_status);
    EXPECT_EQ(checks[0].expected.text, "302 200");
    EXPECT_FALSE(checks[0].hop.has_value());
    EXPECT_EQ(checks[3].hop, 1);
    EXPECT_EQ(checks[3].description, "redirect.path of hop 1 equals /app/login");
    EXPECT_EQ(checks[4].hop, 0);
}

TEST(LoaderChain, HopErrors) {
    const std::string errors =
        all_errors(load_step("<expect status=\"200\" hop=\"1\" clause=\"NS-ESIA-14\"/>\n"
                             "<expect redirect.host=\"x\" hop=\"-1\" clause=\"NS-ESIA-14\"/>"));
    EXPECT_THAT(errors, HasSubstr("test.xml:3: hop applies to redirect.host, redirect.path, "
                                  "location.query and header, not to status"));
    EXPECT_THAT(errors, HasSubstr("test.xml:4: hop '-1' must be a hop number from 0 to 100"));
}

} // namespace
} // namespace logintest::harness::scenario
