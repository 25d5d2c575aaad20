// The load reports: the JSON holds every part of the result (counts, errors by kind, failed
// checks by clause, timeline, histogram bins that restore the same percentiles, thresholds,
// the interrupted mark); the console summary is a table with the percentiles, the breached
// thresholds and the notes; the progress line says what a person watching needs.
#include "reports/load_console.hpp"
#include "reports/load_json.hpp"
#include "tests/support/expect_text.hpp"

#include <boost/json.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>

namespace logintest::reports {
namespace {

using test_support::expect_contains_all;
using namespace harness::model;
using ::testing::HasSubstr;
using ::testing::Not;

LoadRunResult sample() {
    LoadRunResult r;
    r.tool_version = "0.1.0";
    r.target = "embedded mock";
    r.elapsed_s = 2;
    r.interrupted = true;
    r.stop_reason = "interrupted (SIGINT)";
    r.config.model = LoadModel::open;
    r.config.stages = {{2, 100}};
    r.config.start_rate = 100;
    r.config.mix = {{"school_login_pool", "school_login_pool.xml", 1}};
    JourneyLoadStats j;
    j.name = "school_login_pool";
    j.completed = 200;
    j.passed = 195;
    j.errored = 3;
    j.failed = 2;
    j.errors["timeout"] = 3;
    StepLoadStats login;
    login.name = "login";
    login.runs = 200;
    login.statuses[200] = 197;
    login.errors["timeout"] = 3;
    for (int i = 1; i <= 200; ++i) {
        j.latency.record_us(i * 1000.0);
        j.service.record_us(i * 900.0);
        login.latency.record_us(i * 300.0);
    }
    j.steps.push_back(login);
    FailedCheck f;
    f.step = "login";
    f.description = "json /at matches ^[0-9]{25}$";
    f.clauses = {"NS-LOGIN-22"};
    f.count = 2;
    f.example = "json /at was \"***#1a2b\", which does not match ^[0-9]{25}$";
    j.failed_checks.push_back(f);
    r.journeys.push_back(j);
    r.totals.completed = 200;
    r.totals.errored = 3;
    r.totals.failed = 2;
    r.totals.passed = 195;
    r.totals.checks = 2000;
    r.totals.checks_failed = 2;
    r.totals.errors["timeout"] = 3;
    r.totals.latency = j.latency;
    r.totals.service = j.service;
    TimelineSecond s0;
    s0.second = 0;
    s0.completed = 100;
    s0.latency.record_us(5000);
    r.timeline.push_back(s0);
    r.thresholds.push_back({"journey.p95<100ms", false, "190.0 ms (200 samples)",
                            "190.0 ms (200 samples) is not < 100.0 ms"});
    r.thresholds.push_back({"errors<5%", true, "1.5% (3 of 200)", ""});
    r.notes.push_back("3 journeys were still running when the run was cut short");
    return r;
}

std::string console_text(const LoadRunResult& r) {
    char* buffer = nullptr;
    std::size_t size = 0;
    std::FILE* out = open_memstream(&buffer, &size);
    print_load_summary(out, r, {});
    std::fclose(out);
    std::string text(buffer, size);
    std::free(buffer);
    return text;
}

TEST(LoadJson, HoldsEverythingAndTheBinsRestoreThePercentiles) {
    const LoadRunResult r = sample();
    const auto root = boost::json::parse(to_json(r));
    EXPECT_EQ(root.at("schema").to_number<int>(), 1);
    EXPECT_EQ(root.at("kind").as_string(), "load");
    EXPECT_TRUE(root.at("interrupted").as_bool());
    EXPECT_EQ(root.at("stop_reason").as_string(), "interrupted (SIGINT)");
    EXPECT_EQ(root.at("totals").at("errors").at("timeout").to_number<int>(), 3);
    EXPECT_EQ(root.at("checks_failed_by_clause").at("NS-LOGIN-22").to_number<int>(), 2);
    EXPECT_FALSE(root.at("thresholds_passed").as_bool());
    EXPECT_EQ(root.at("timeline").as_array().size(), 1u);
    const auto& step = root.at("journeys").at(0).at("steps").at(0);
    EXPECT_EQ(step.at("statuses").at("200").to_number<int>(), 197);
    EXPECT_EQ(step.at("errors").at("timeout").to_number<int>(), 3);

    // Rebuild the journey histogram from its bins: the same percentiles.
    const auto& h = root.at("journeys").at(0).at("latency");
    std::vector<LatencyHistogram::Bin> bins;
    for (const auto& b : h.at("bins").as_array()) {
        bins.push_back({b.at(0).to_number<int>(), b.at(1).to_number<std::uint64_t>()});
    }
    const auto restored = LatencyHistogram::restore(bins, h.at("sum_us").to_number<double>(),
                                                    h.at("min_us").to_number<double>(),
                                                    h.at("max_us").to_number<double>());
    EXPECT_EQ(restored.count(), 200u);
    EXPECT_DOUBLE_EQ(restored.percentile_us(99), r.journeys[0].latency.percentile_us(99));
    EXPECT_DOUBLE_EQ(h.at("p99_us").to_number<double>(), r.journeys[0].latency.percentile_us(99));
}

TEST(LoadConsole, SummaryIsATableWithThresholdsAndNotes) {
    const std::string text = console_text(sample());
    expect_contains_all(text, {"INTERRUPTED: partial result", "p50", "p99.9", "school_login_pool",
                               "  login", "errors by kind  timeout 3",
                               "checks failed by clause  NS-LOGIN-22 2", "FAIL  journey.p95<100ms",
                               "pass  errors<5%", "3 journeys were still running"});
    EXPECT_THAT(text, Not(HasSubstr("\033["))) << "no colour unless asked";
}

TEST(LoadConsole, ProgressLineSaysElapsedRateActiveP95AndErrors) {
    LoadProgress p;
    p.elapsed_s = 12;
    p.planned_s = 60;
    p.started = 2400;
    p.completed = 2391;
    p.rate_per_s = 200;
    p.active = 9;
    p.p95_us = 14200;
    p.errored = 3;
    const std::string line = format_progress(p);
    expect_contains_all(line,
                        {"12.0s/60.0s", "200.0/s", "active 9", "p95 14.2ms", "errors 3 (0.13%)"});
}

TEST(LoadConsole, LatencyCellsKeepThreeSignificantDigits) {
    EXPECT_EQ(format_latency(612), "612µs");
    EXPECT_EQ(format_latency(1234), "1.23ms");
    EXPECT_EQ(format_latency(14200), "14.2ms");
    EXPECT_EQ(format_latency(1530000), "1.53s");
    EXPECT_EQ(format_latency(15300000), "15.30s");
}

} // namespace
} // namespace logintest::reports
