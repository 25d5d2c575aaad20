// Golden files of the `load` reports: two fixed LoadRunResults, an open-model run cut short
// (late and dropped starts, TLS, errors by kind, a step that never ran, failed and warning
// checks, thresholds, notes) and a closed-model run of 40 s (timeline rows of two seconds),
// rendered by the console summary (plain, and verbose with colour), the JSON report and the
// progress line, each compared byte for byte with tests/data/golden/reports/load.*.
// Histograms are filled with fixed samples, so every percentile is fixed too. Regenerate with
// LOGINTEST_UPDATE_GOLDEN=1 (golden.hpp).
#include "reports/load_console.hpp"
#include "reports/load_json.hpp"
#include "tests/unit/reports/golden.hpp"

#include <gtest/gtest.h>

namespace logintest::reports {
namespace {

using namespace harness::model;
using testing::capture;
using testing::expect_golden;
using testing::fill_golden_header;

// The one place that knows how error kinds are counted in the model.
void count_error(ErrorCounts& errors, const char* kind, std::uint64_t n) {
    errors[kind] += n;
}

void fill(LatencyHistogram& h, int samples, double step_us) {
    for (int i = 1; i <= samples; ++i) {
        h.record_us(i * step_us);
    }
}

StepLoadStats step(const char* name, std::uint64_t runs, double step_us) {
    StepLoadStats s;
    s.name = name;
    s.runs = runs;
    s.requests = runs;
    s.checks = runs * 3;
    if (runs > 0) {
        s.statuses[200] = runs;
    }
    fill(s.latency, static_cast<int>(runs), step_us);
    return s;
}

JourneyLoadStats pool_login() {
    JourneyLoadStats j;
    j.name = "school_login_pool";
    j.file = "scenarios/load/school_login_pool.xml";
    j.weight = 3;
    j.started = 300;
    j.completed = 296;
    j.passed = 288;
    j.failed = 3;
    j.errored = 5;
    count_error(j.errors, "timeout", 3);
    count_error(j.errors, "no_account", 2);
    j.checks = 2664;
    j.checks_failed = 4;
    fill(j.latency, 296, 1000);
    fill(j.service, 296, 900);
    StepLoadStats login = step("login", 296, 300);
    login.statuses[200] = 290;
    login.statuses[409] = 3;
    count_error(login.errors, "timeout", 3);
    login.failed = 3;
    login.checks_failed = 4;
    j.steps = {step("logindata", 296, 120), login, step("logout", 0, 1)};
    j.steps[2].not_run = 8;
    FailedCheck f;
    f.step = "login";
    f.description = "json /at matches ^[0-9]{25}$";
    f.clauses = {"NS-LOGIN-14", "NS-LOGIN-22"};
    f.check_id = "at-shape";
    f.where = {"scenarios/load/school_login_pool.xml", 31};
    f.count = 3;
    f.example = "json /at was \"***#1a2b\", which does not match ^[0-9]{25}$";
    FailedCheck w;
    w.step = "login";
    w.description = "elapsed-ms less-than 500";
    w.clauses = {"GEN-1"};
    w.where = {"scenarios/load/school_login_pool.xml", 33};
    w.warning = true;
    w.count = 1;
    j.failed_checks = {f, w};
    return j;
}

JourneyLoadStats portal() {
    JourneyLoadStats j;
    j.name = "portal_page_with_a_name_longer_than_the_latency_column";
    j.file = "scenarios/load/portal.xml";
    j.started = 100;
    j.completed = 100;
    j.passed = 100;
    j.checks = 200;
    fill(j.latency, 100, 250);
    fill(j.service, 100, 240);
    j.steps = {step("portal", 100, 240)};
    return j;
}

LoadRunResult open_run() {
    LoadRunResult r;
    fill_golden_header(r);
    r.elapsed_s = 3.25;
    r.interrupted = true;
    r.stop_reason = "interrupted (SIGINT)";
    LoadConfig& c = r.config;
    c.threads = 2;
    c.seed = 42;
    c.duration_s = 130;
    c.grace_s = 5;
    c.start_rate = 50;
    c.stages = {{10, 100}, {120, 100}};
    c.max_vus = 500;
    c.late_after_ms = 50;
    c.drop_after_ms = 1000;
    c.pool_size = 400;
    c.mix = {
        {"school_login_pool", "scenarios/load/school_login_pool.xml", 3},
        {"portal_page_with_a_name_longer_than_the_latency_column", "scenarios/load/portal.xml", 1}};
    r.journeys = {pool_login(), portal()};
    LoadTotals& t = r.totals;
    t.scheduled = 410;
    t.started = 400;
    t.completed = 396;
    t.passed = 388;
    t.failed = 3;
    t.errored = 5;
    t.late = 7;
    t.dropped = 10;
    t.unfinished = 4;
    t.requests = 988;
    t.checks = 2864;
    t.checks_failed = 4;
    t.max_active = 23;
    t.tls_handshakes = 40;
    t.tls_resumed = 36;
    count_error(t.errors, "timeout", 3);
    count_error(t.errors, "no_account", 2);
    for (const auto& j : r.journeys) {
        t.latency += j.latency;
        t.service += j.service;
    }
    fill(t.start_delay, 400, 20);
    for (int s = 0; s < 4; ++s) {
        TimelineSecond second;
        second.second = s;
        second.scheduled = 100 + static_cast<std::uint64_t>(s);
        second.started = 100;
        second.completed = s == 3 ? 96 : 100;
        second.errors = s == 2 ? 5 : 0;
        second.late = s == 1 ? 7 : 0;
        second.dropped = s == 1 ? 10 : 0;
        second.active = 20 + static_cast<std::uint64_t>(s);
        fill(second.latency, 50, 1000.0 * (s + 1));
        r.timeline.push_back(second);
    }
    r.thresholds = {{"journey.p95<100ms", false, "281.0 ms (396 samples)",
                     "281.0 ms (396 samples) is not < 100.0 ms"},
                    {"errors<5%", true, "1.26% (5 of 396)", ""}};
    r.notes = {"4 journeys were still running when the run was cut short",
               "10 arrivals were dropped: raise --max-vus or lower the rate"};
    return r;
}

LoadRunResult closed_run() {
    LoadRunResult r;
    r.tool_version = "0.1.0";
    r.target = "https://asurso.example (target file)";
    r.started_at = "2026-01-02T04:00:00Z";
    r.finished_at = "2026-01-02T04:00:40Z";
    r.elapsed_s = 40;
    r.stop_reason = "duration reached";
    LoadConfig& c = r.config;
    c.model = LoadModel::closed;
    c.vus = 20;
    c.think_min_s = 0.5;
    c.think_max_s = 1.5;
    c.ramp_up_s = 5;
    c.iterations = 1000;
    c.duration_s = 40;
    c.mix = {
        {"portal_page_with_a_name_longer_than_the_latency_column", "scenarios/load/portal.xml", 1}};
    r.journeys = {portal()};
    r.totals.started = 100;
    r.totals.completed = 100;
    r.totals.passed = 100;
    r.totals.requests = 100;
    r.totals.checks = 200;
    r.totals.max_active = 20;
    r.totals.latency = r.journeys[0].latency;
    r.totals.service = r.journeys[0].service;
    for (int s = 0; s < 40; ++s) {
        TimelineSecond second;
        second.second = s;
        second.started = s % 2 == 0 ? 3 : 2;
        second.completed = s % 2 == 0 ? 2 : 3;
        second.active = 20;
        fill(second.latency, static_cast<int>(second.completed), 200.0 + s);
        r.timeline.push_back(second);
    }
    return r;
}

std::string summary(const LoadRunResult& run, const LoadConsoleOptions& options) {
    return capture([&](std::FILE* out) { print_load_summary(out, run, options); });
}

TEST(LoadReportGolden, OpenRunConsoleSummary) {
    expect_golden("load.open.console.txt", summary(open_run(), {}));
}

TEST(LoadReportGolden, OpenRunConsoleSummaryVerboseInColour) {
    expect_golden("load.open.console-verbose-color.txt",
                  summary(open_run(), {.color = true, .verbose = true}));
}

TEST(LoadReportGolden, OpenRunJson) {
    expect_golden("load.open.json", to_json(open_run()));
}

TEST(LoadReportGolden, ClosedRunConsoleSummary) {
    expect_golden("load.closed.console.txt", summary(closed_run(), {}));
}

TEST(LoadReportGolden, ClosedRunJson) {
    expect_golden("load.closed.json", to_json(closed_run()));
}

TEST(LoadReportGolden, ProgressLines) {
    LoadProgress running;
    running.elapsed_s = 12;
    running.planned_s = 130;
    running.users = 40;
    running.active = 9;
    running.started = 2400;
    running.completed = 2391;
    running.rate_per_s = 200;
    running.p95_us = 14200;
    running.errored = 3;
    running.checks_failed = 2;
    running.late = 5;
    LoadProgress starting;
    LoadProgress finishing = running;
    finishing.planned_s = 0;
    finishing.elapsed_s = 131.5;
    finishing.stopping = true;
    finishing.dropped = 1;
    expect_golden("load.progress.txt", format_progress(starting) + "\n" + format_progress(running) +
                                           "\n" + format_progress(finishing) + "\n");
}

} // namespace
} // namespace logintest::reports
