// WorkerStats: steps and journeys land in the right counters and histograms; transport errors
// are classified by kind, with running out of file descriptors or local ports told apart
// from a target that refuses; a failed check's text is built once, at its first failure.
#include "harness/load/worker_stats.hpp"

#include <gtest/gtest.h>

#include <cerrno>

namespace logintest::harness::load {
namespace {

using namespace std::chrono_literals;

model::Journey journey() {
    model::Journey j;
    j.name = "school_login_pool";
    for (const char* name : {"getdata", "login"}) {
        model::Step s;
        s.name = name;
        s.checks.resize(2);
        j.steps.push_back(s);
    }
    return j;
}

class CountingDetail final : public engine::FailureDetail {
public:
    model::CheckResult describe() const override {
        ++calls;
        model::CheckResult r;
        r.description = "status equals 200";
        r.clauses = {"NS-LOGIN-22"};
        r.message = "status was 409";
        return r;
    }
    mutable int calls = 0;
};

TEST(ErrorKind, FileDescriptorAndPortExhaustionAreTheirOwnKinds) {
    using model::ErrorKind;
    EXPECT_EQ(error_kind(model::Outcome::refused, EMFILE), ErrorKind::fd_limit);
    EXPECT_EQ(error_kind(model::Outcome::refused, ENFILE), ErrorKind::fd_limit);
    EXPECT_EQ(error_kind(model::Outcome::refused, EADDRNOTAVAIL), ErrorKind::ports_exhausted);
    EXPECT_EQ(error_kind(model::Outcome::refused, ECONNREFUSED), ErrorKind::refused);
    EXPECT_EQ(error_kind(model::Outcome::timeout, 0), ErrorKind::timeout);
}

TEST(WorkerStats, RecordsStepsJourneysAndTheTimeline) {
    const model::Journey j = journey();
    const std::vector<const model::Journey*> journeys{&j};
    const Clock::time_point start{};
    WorkerStats stats(journeys, start);

    // Journey 1: due at 1.0 s, started at 1.2 s, both steps fine, ended at 1.5 s.
    stats.scheduled(start + 1s);
    stats.started(0, start + 1s, start + 1200ms, true);
    engine::StepEvent e;
    e.step = 0;
    e.status = 200;
    e.requests = 1;
    e.checks = 2;
    e.elapsed_ms = 100;
    stats.step(0, e);
    e.step = 1;
    e.elapsed_ms = 200;
    stats.step(0, e);
    stats.finished(0, start + 1s, start + 1200ms, start + 1500ms, engine::JourneySummary{});

    // Journey 2: the login step runs out of file descriptors.
    stats.scheduled(start + 2s);
    stats.started(0, start + 2s, start + 2s, false);
    e.step = 0;
    e.elapsed_ms = 50;
    stats.step(0, e);
    engine::StepEvent failed;
    failed.step = 1;
    failed.outcome = model::Outcome::refused;
    failed.error_value = EMFILE;
    failed.verdict = model::Verdict::fail;
    failed.elapsed_ms = 1;
    stats.step(0, failed);
    engine::JourneySummary summary;
    summary.error = model::Outcome::refused;
    summary.error_value = EMFILE;
    summary.verdict = model::Verdict::fail;
    stats.finished(0, start + 2s, start + 2s, start + 2100ms, summary);

    model::LoadTotals totals;
    std::vector<model::JourneyLoadStats> js;
    std::vector<model::TimelineSecond> timeline;
    stats.to_model(totals, js, timeline);
    EXPECT_EQ(totals.scheduled, 2u);
    EXPECT_EQ(totals.started, 2u);
    EXPECT_EQ(totals.late, 1u);
    EXPECT_EQ(totals.completed, 2u);
    EXPECT_EQ(totals.passed, 1u);
    EXPECT_EQ(totals.errored, 1u);
    EXPECT_EQ(totals.errors[model::ErrorKind::fd_limit], 1u);
    EXPECT_EQ(totals.requests, 3u);
    // Latency from the schedule (500 ms), service from the start (300 ms).
    EXPECT_DOUBLE_EQ(js.at(0).latency.max_us(), 500'000);
    EXPECT_DOUBLE_EQ(js.at(0).service.max_us(), 300'000);
    EXPECT_DOUBLE_EQ(totals.start_delay.max_us(), 200'000);
    const model::StepLoadStats& login = js.at(0).steps.at(1);
    EXPECT_EQ(login.runs, 2u);
    EXPECT_EQ(login.failed, 1u);
    EXPECT_EQ(login.errors[model::ErrorKind::fd_limit], 1u);
    EXPECT_EQ(login.statuses.at(200), 1u);
    ASSERT_EQ(timeline.size(), 3u);
    EXPECT_EQ(timeline[1].started, 1u);
    EXPECT_EQ(timeline[1].completed, 1u);
    EXPECT_EQ(timeline[2].errors, 1u);
}

TEST(WorkerStats, FailedCheckTextIsBuiltOnceAndCounted) {
    const model::Journey j = journey();
    const std::vector<const model::Journey*> journeys{&j};
    WorkerStats stats(journeys, Clock::time_point{});
    const CountingDetail detail;
    for (int i = 0; i < 5; ++i) {
        stats.check_failed(0, 1, 0, false, detail);
    }
    EXPECT_EQ(detail.calls, 1);
    model::LoadTotals totals;
    std::vector<model::JourneyLoadStats> js;
    std::vector<model::TimelineSecond> timeline;
    stats.to_model(totals, js, timeline);
    ASSERT_EQ(js.at(0).failed_checks.size(), 1u);
    const model::FailedCheck& f = js[0].failed_checks[0];
    EXPECT_EQ(f.count, 5u);
    EXPECT_EQ(f.step, "login");
    EXPECT_EQ(f.clauses, std::vector<std::string>{"NS-LOGIN-22"});
    EXPECT_EQ(f.example, "status was 409");
}

} // namespace
} // namespace logintest::harness::load

namespace logintest::harness::load {
namespace {

// A 503 on login fails its checks and its extract finds nothing, so the next step cannot be
// built (request_error): the journey failed a check, it did not end by an error. A step that
// cannot be built with no check failed before is an error of its own.
TEST(WorkerStats, AStepNotBuiltAfterAFailedCheckIsThatFailure) {
    const model::Journey j = journey();
    const std::vector<const model::Journey*> journeys{&j};
    const Clock::time_point start{};
    WorkerStats stats(journeys, start);
    engine::JourneySummary after_failure;
    after_failure.verdict = model::Verdict::fail;
    after_failure.error = model::Outcome::request_error;
    after_failure.checks = 4;
    after_failure.checks_failed = 2;
    stats.started(0, start, start, false);
    stats.finished(0, start, start, start + 1ms, after_failure);
    engine::JourneySummary alone = after_failure;
    alone.checks_failed = 0;
    stats.started(0, start, start, false);
    stats.finished(0, start, start, start + 1ms, alone);

    model::LoadTotals totals;
    std::vector<model::JourneyLoadStats> js;
    std::vector<model::TimelineSecond> timeline;
    stats.to_model(totals, js, timeline);
    EXPECT_EQ(totals.completed, 2u);
    EXPECT_EQ(totals.failed, 1u);
    EXPECT_EQ(totals.errored, 1u);
    EXPECT_EQ(totals.errors[model::ErrorKind::request_error], 1u);
}

} // namespace
} // namespace logintest::harness::load
