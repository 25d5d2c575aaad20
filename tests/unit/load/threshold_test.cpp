// Thresholds: the grammar of the issue parses, bad expressions say what is wrong, names are
// checked against the mix, and evaluation reads the right numbers of a result.
#include "harness/load/threshold.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace logintest::harness::load {
namespace {

using ::testing::HasSubstr;
using Scope = Threshold::Scope;
using Stat = Threshold::Stat;

Threshold parsed(const std::string& text) {
    const ThresholdParse p = parse_threshold(text);
    EXPECT_TRUE(p.error.empty()) << p.error;
    return p.threshold.value_or(Threshold{});
}

std::string error_of(const std::string& text) {
    const ThresholdParse p = parse_threshold(text);
    EXPECT_FALSE(p.threshold.has_value()) << text;
    return p.error;
}

TEST(Threshold, ParsesTheExamplesOfTheIssue) {
    Threshold t = parsed("journey.p95<800ms");
    EXPECT_EQ(t.scope, Scope::all_journeys);
    EXPECT_EQ(t.stat, Stat::percentile);
    EXPECT_DOUBLE_EQ(t.percentile, 95);
    EXPECT_DOUBLE_EQ(t.limit, 800'000);

    t = parsed("step[esia_login].p99<2s");
    EXPECT_EQ(t.scope, Scope::step);
    EXPECT_EQ(t.step, "esia_login");
    EXPECT_DOUBLE_EQ(t.limit, 2'000'000);

    t = parsed("errors<0.1%");
    EXPECT_EQ(t.scope, Scope::run);
    EXPECT_EQ(t.stat, Stat::errors);
    EXPECT_DOUBLE_EQ(t.limit, 0.001);
    EXPECT_FALSE(t.count);

    t = parsed("checks<0.01%");
    EXPECT_EQ(t.stat, Stat::checks);
    EXPECT_DOUBLE_EQ(t.limit, 0.0001);
}

TEST(Threshold, ParsesScopesStatsAndOperators) {
    Threshold t = parsed("journey[school_login].service.p99.9 <= 1.5s");
    EXPECT_EQ(t.scope, Scope::journey);
    EXPECT_EQ(t.journey, "school_login");
    EXPECT_TRUE(t.service);
    EXPECT_DOUBLE_EQ(t.percentile, 99.9);
    EXPECT_EQ(t.op, Threshold::Op::less_equal);

    t = parsed("step[school_login/login].errors<5");
    EXPECT_EQ(t.journey, "school_login");
    EXPECT_EQ(t.step, "login");
    EXPECT_TRUE(t.count);
    EXPECT_DOUBLE_EQ(t.limit, 5);

    t = parsed("journey.rate>=100/s");
    EXPECT_EQ(t.stat, Stat::rate);
    EXPECT_EQ(t.op, Threshold::Op::greater_equal);
    EXPECT_DOUBLE_EQ(t.limit, 100);

    EXPECT_EQ(parsed("dropped<1%").stat, Stat::dropped);
    EXPECT_EQ(parsed("late<=2%").stat, Stat::late);
    EXPECT_DOUBLE_EQ(parsed("journey.median<300us").limit, 300);
}

TEST(Threshold, BadExpressionsSayWhatIsWrong) {
    EXPECT_THAT(error_of("journey.p95"), HasSubstr("no comparison"));
    EXPECT_THAT(error_of("journey.p95<800"), HasSubstr("a latency needs a unit"));
    EXPECT_THAT(error_of("journey.p95<fast"), HasSubstr("is not a duration"));
    EXPECT_THAT(error_of("journey.p101<1s"), HasSubstr("unknown statistic 'p101'"));
    EXPECT_THAT(error_of("latency.p95<1s"), HasSubstr("unknown metric 'latency.p95'"));
    EXPECT_THAT(error_of("step[login.p95<1s"), HasSubstr("missing ']'"));
    EXPECT_THAT(error_of("step[].p95<1s"), HasSubstr("empty name"));
    EXPECT_THAT(error_of("step[login].service.p95<1s"), HasSubstr("service time is a journey"));
    EXPECT_THAT(error_of("errors<abc"), HasSubstr("neither a percentage"));
    EXPECT_THAT(error_of("errors<150%"), HasSubstr("percentage from 0% to 100%"));
    EXPECT_THAT(error_of("<1s"), HasSubstr("no metric"));
    EXPECT_THAT(error_of("errors<"), HasSubstr("no value"));
}

TEST(Threshold, NamesMustExistInTheMix) {
    model::Journey j;
    j.name = "school_login";
    model::Step login;
    login.name = "login";
    j.steps.push_back(login);
    const std::vector<const model::Journey*> journeys{&j};
    EXPECT_EQ(check_threshold_names(parsed("step[login].p99<2s"), journeys), "");
    EXPECT_THAT(check_threshold_names(parsed("step[esia_login].p99<2s"), journeys),
                HasSubstr("no step named 'esia_login'"));
    EXPECT_THAT(check_threshold_names(parsed("journey[esia].p99<2s"), journeys),
                HasSubstr("no journey named 'esia'"));
}

model::LoadRunResult sample_result() {
    model::LoadRunResult r;
    r.elapsed_s = 10;
    model::JourneyLoadStats j;
    j.name = "school_login";
    j.completed = 1000;
    j.errored = 3;
    j.checks = 10000;
    j.checks_failed = 2;
    for (int i = 1; i <= 1000; ++i) {
        j.latency.record_us(i * 1000.0); // 1..1000 ms
        j.service.record_us(i * 100.0);
    }
    model::StepLoadStats login;
    login.name = "login";
    login.runs = 1000;
    login.errors[model::ErrorKind::timeout] = 3;
    for (int i = 1; i <= 1000; ++i) {
        login.latency.record_us(i * 500.0);
    }
    j.steps.push_back(login);
    r.journeys.push_back(j);
    r.totals.completed = 1000;
    r.totals.errored = 3;
    r.totals.checks = 10000;
    r.totals.checks_failed = 2;
    r.totals.latency = j.latency;
    r.totals.service = j.service;
    return r;
}

TEST(Threshold, EvaluatesLatencyRatiosCountsAndRates) {
    const model::LoadRunResult r = sample_result();
    auto verdict = [&](const std::string& text) { return evaluate_threshold(parsed(text), r); };
    EXPECT_TRUE(verdict("journey.p95<960ms").passed);
    const auto breached = verdict("journey.p95<900ms");
    EXPECT_FALSE(breached.passed);
    EXPECT_THAT(breached.message, HasSubstr("is not < 900.0 ms"));
    EXPECT_TRUE(verdict("journey.service.p95<100ms").passed);
    EXPECT_TRUE(verdict("step[login].p99<500ms").passed);
    EXPECT_FALSE(verdict("errors<0.1%").passed) << "3 of 1000 is 0.3%";
    EXPECT_TRUE(verdict("errors<0.5%").passed);
    EXPECT_TRUE(verdict("checks<0.1%").passed);
    EXPECT_FALSE(verdict("checks<1").passed) << "2 failed checks";
    EXPECT_TRUE(verdict("step[login].errors<=3").passed);
    EXPECT_TRUE(verdict("journey.rate>=100/s").passed);
    EXPECT_FALSE(verdict("journey.rate>100/s").passed);
}

TEST(Threshold, LatencyWithoutSamplesFails) {
    model::LoadRunResult r;
    const auto v = evaluate_threshold(parsed("journey.p95<1s"), r);
    EXPECT_FALSE(v.passed);
    EXPECT_THAT(v.message, HasSubstr("latency is unknown"));
}

} // namespace
} // namespace logintest::harness::load
