// The reports render the result model faithfully: JUnit (one testcase per step, FAIL as
// <failure>, SKIP as <skipped>, WARN passing), JSON (schema 1, every step and check) and
// the console trace.
#include "reports/console_report.hpp"
#include "reports/json_report.hpp"
#include "reports/junit_report.hpp"
#include "reports/tally.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <cstdio>

namespace logintest::reports {
namespace {

using namespace harness::model;

CheckResult check(Verdict v, const char* description, const char* clause) {
    CheckResult c;
    c.verdict = v;
    c.description = description;
    c.clauses = {clause};
    c.where = {"scenarios/x.xml", 12};
    if (v == Verdict::fail) {
        c.message = "status was 409, expected 200";
    }
    return c;
}

StepResult step(const char* name, Verdict v, std::vector<CheckResult> checks) {
    StepResult s;
    s.name = name;
    s.verdict = v;
    s.status = 200;
    s.elapsed_ms = 1.5;
    s.hops.push_back({"POST", "http://asurso.ru:8080/webapi/login", 409, "", {"NSSESSIONID"}, 1.5});
    s.checks = std::move(checks);
    return s;
}

RunResult sample_run() {
    RunResult run;
    run.tool_version = "0.1.0";
    run.target = "embedded mock";
    JourneyResult j;
    j.name = "school_login";
    j.spec = "J1";
    j.file = "scenarios/x.xml";
    j.verdict = Verdict::fail;
    j.steps.push_back(
        step("logindata", Verdict::pass, {check(Verdict::pass, "status", "NS-LOGIN-4")}));
    j.steps.push_back(
        step("login", Verdict::fail, {check(Verdict::fail, "status equals 200", "NS-LOGIN-22")}));
    j.steps.push_back(step("slow", Verdict::warn, {check(Verdict::warn, "elapsed", "GEN-1")}));
    StepResult skipped =
        step("logout", Verdict::skip, {check(Verdict::skip, "status", "NS-SESSION-9")});
    skipped.outcome = Outcome::not_run;
    skipped.error = "step 'login' got no answer";
    j.steps.push_back(skipped);
    run.journeys.push_back(j);
    return run;
}

TEST(JunitReport, HasOneTestcasePerStepWithFailureAndSkipped) {
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_string(to_junit(sample_run()).c_str()));
    auto suite = doc.child("testsuites").child("testsuite");
    EXPECT_STREQ(suite.attribute("name").value(), "school_login");
    EXPECT_EQ(suite.attribute("tests").as_int(), 4);
    EXPECT_EQ(suite.attribute("failures").as_int(), 1);
    EXPECT_EQ(suite.attribute("skipped").as_int(), 1);
    int cases = 0;
    for (auto tc : suite.children("testcase")) {
        ++cases;
        const std::string name = tc.attribute("name").value();
        EXPECT_EQ(static_cast<bool>(tc.child("failure")), name == "login") << name;
        EXPECT_EQ(static_cast<bool>(tc.child("skipped")), name == "logout") << name;
    }
    EXPECT_EQ(cases, 4);
    auto failure = suite.find_child_by_attribute("testcase", "name", "login").child("failure");
    EXPECT_NE(std::string(failure.attribute("message").value()).find("NS-LOGIN-22"),
              std::string::npos);
    auto warn = suite.find_child_by_attribute("testcase", "name", "slow");
    EXPECT_NE(std::string(warn.child("system-out").text().get()).find("WARN"), std::string::npos);
}

TEST(JsonReport, HoldsTheWholeModelWithSchemaOne) {
    const auto root = boost::json::parse(to_json(sample_run())).as_object();
    EXPECT_EQ(root.at("schema").as_int64(), 1);
    EXPECT_EQ(root.at("summary").at("verdict").as_string(), "FAIL");
    EXPECT_EQ(root.at("summary").at("failed").as_int64(), 1);
    const auto& steps = root.at("journeys").at(0).at("steps").as_array();
    ASSERT_EQ(steps.size(), 4u);
    EXPECT_EQ(steps.at(1).at("checks").at(0).at("clauses").at(0).as_string(), "NS-LOGIN-22");
    EXPECT_EQ(steps.at(3).at("outcome").as_string(), "not_run");
}

TEST(ConsoleReport, PrintsEachStepWithVerdictClausesAndFailingChecks) {
    char* buffer = nullptr;
    std::size_t size = 0;
    std::FILE* out = open_memstream(&buffer, &size);
    const auto run = sample_run();
    print_journey(out, run.journeys[0], ConsoleOptions{});
    print_summary(out, run, ConsoleOptions{});
    std::fclose(out);
    const std::string text(buffer, size);
    std::free(buffer);
    EXPECT_NE(text.find("FAIL school_login (J1)"), std::string::npos) << text;
    EXPECT_NE(text.find("[NS-LOGIN-22]"), std::string::npos) << text;
    EXPECT_NE(text.find("status was 409, expected 200"), std::string::npos) << text;
    EXPECT_NE(text.find("POST /webapi/login -> 409"), std::string::npos) << text;
    EXPECT_NE(text.find("4 steps: 1 passed, 1 failed, 1 warned, 1 skipped"), std::string::npos)
        << text;
}

TEST(Tally, CountsVerdictsAndTransportErrors) {
    auto run = sample_run();
    run.journeys[0].steps[1].outcome = Outcome::refused;
    const Tally t = tally(run);
    EXPECT_EQ(t.steps, 4u);
    EXPECT_EQ(t.transport_errors, 1u);
    EXPECT_EQ(t.overall, Verdict::fail);
}

} // namespace
} // namespace logintest::reports
