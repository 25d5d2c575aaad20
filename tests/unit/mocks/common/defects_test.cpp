// Defects (MOCK-DEF-1): the catalogue, GET/PUT /mock/defects on both hosts (unknown names and
// the other host's names refused with 400, nothing changed), reset back to the start set,
// and start-up defects sent to the host they belong to by MockStack.
#include "mocks/common/defects.hpp"
#include "mocks/mock_stack.hpp"
#include "tests/unit/mocks/common/raw_http_client.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

namespace logintest::mocks {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using testing::RawHttpClient;

std::vector<std::string> strings(const boost::json::value& array) {
    std::vector<std::string> out;
    for (const auto& v : array.as_array()) {
        out.emplace_back(v.as_string());
    }
    return out;
}

TEST(DefectCatalogue, HasEveryDefectOfTheSpecOnce) {
    const auto all = common::defect_catalogue();
    EXPECT_EQ(all.size(), 35u);
    std::set<std::string_view> names;
    int asurso = 0;
    for (const auto& d : all) {
        EXPECT_TRUE(names.insert(d.name).second) << d.name;
        EXPECT_FALSE(d.clause.empty());
        EXPECT_EQ(common::find_defect(d.name), d.defect);
        EXPECT_EQ(&common::defect_info(d.defect), &d);
        asurso += d.host == common::Host::asurso;
    }
    EXPECT_EQ(asurso, 18);
    EXPECT_FALSE(common::find_defect("salt_reuse"));
}

TEST(DefectSet, RefusesUnknownAndForeignNamesWithoutChangingAnything) {
    common::DefectSet set(common::Host::esia);
    EXPECT_EQ(set.set({"reusable-code"}), "");
    EXPECT_THAT(set.set({"mfa-bypass", "nope"}), HasSubstr("unknown defect 'nope'"));
    EXPECT_THAT(set.set({"salt-reuse"}), HasSubstr("belongs to the asurso host"));
    EXPECT_THAT(set.enabled(), ElementsAre("reusable-code"));
    EXPECT_EQ(set.available().size(), 17u);
}

class DefectRoutes : public ::testing::Test {
protected:
    void SetUp() override {
        MockStackOptions options;
        options.config.defects = {"salt-reuse", "reusable-code", "no-lockout"};
        auto started = MockStack::start(options);
        ASSERT_TRUE(started.stack) << started.error;
        stack_ = std::move(started.stack);
    }

    testing::RawResult asurso(const std::string& method, const std::string& target,
                              const std::string& body = {}) {
        RawHttpClient c("127.0.0.1", stack_->asurso_port());
        return c.request(method, target, body);
    }
    testing::RawResult esia(const std::string& method, const std::string& target,
                            const std::string& body = {}) {
        RawHttpClient c("127.0.0.2", stack_->esia_port());
        return c.request(method, target, body, "esia.gosuslugi.ru");
    }

    std::unique_ptr<MockStack> stack_;
};

TEST_F(DefectRoutes, StartUpDefectsGoToTheirHost) {
    const auto a = boost::json::parse(asurso("GET", "/mock/defects").response.body());
    EXPECT_THAT(strings(a.at("enabled")), ElementsAre("salt-reuse", "no-lockout"));
    EXPECT_EQ(a.at("available").as_array().size(), 18u);
    const auto e = boost::json::parse(esia("GET", "/mock/defects").response.body());
    EXPECT_THAT(strings(e.at("enabled")), ElementsAre("reusable-code"));
    EXPECT_EQ(e.at("available").as_array().size(), 17u);
}

TEST_F(DefectRoutes, PutReplacesTheSetAndResetRestoresTheStartSet) {
    const auto put = asurso("PUT", "/mock/defects", R"({"enabled":["wrong-409-text"]})");
    EXPECT_EQ(put.response.result_int(), 200u);
    EXPECT_THAT(strings(boost::json::parse(put.response.body()).at("enabled")),
                ElementsAre("wrong-409-text"));
    EXPECT_EQ(asurso("PUT", "/mock/defects", R"({"enabled":[]})").response.result_int(), 200u);
    EXPECT_THAT(
        strings(boost::json::parse(asurso("GET", "/mock/defects").response.body()).at("enabled")),
        IsEmpty());
    EXPECT_EQ(asurso("POST", "/mock/reset", "{}").response.result_int(), 200u); // MOCK-CP-3
    EXPECT_THAT(
        strings(boost::json::parse(asurso("GET", "/mock/defects").response.body()).at("enabled")),
        ElementsAre("salt-reuse", "no-lockout"));
}

TEST_F(DefectRoutes, UnknownOrForeignNamesAre400AndChangeNothing) {
    const auto unknown = esia("PUT", "/mock/defects", R"({"enabled":["mfa-bypass","no-such"]})");
    EXPECT_EQ(unknown.response.result_int(), 400u);
    EXPECT_THAT(unknown.response.body(), HasSubstr("no-such"));
    const auto foreign = esia("PUT", "/mock/defects", R"({"enabled":["salt-reuse"]})");
    EXPECT_EQ(foreign.response.result_int(), 400u);
    for (const std::string bad :
         {"", "[]", R"({"enabled":"x"})", R"({"enabled":[1]})", R"({"enabled":[],"more":1})"}) {
        EXPECT_EQ(esia("PUT", "/mock/defects", bad).response.result_int(), 400u) << bad;
    }
    EXPECT_THAT(
        strings(boost::json::parse(esia("GET", "/mock/defects").response.body()).at("enabled")),
        ElementsAre("reusable-code"));
}

TEST(MockStackDefects, AnUnknownStartUpDefectIsAStartError) {
    MockStackOptions options;
    options.config.defects = {"salt-reuse", "bogus"};
    auto started = MockStack::start(options);
    EXPECT_FALSE(started.stack);
    EXPECT_THAT(started.error, HasSubstr("unknown defect \"bogus\""));
}

} // namespace
} // namespace logintest::mocks
