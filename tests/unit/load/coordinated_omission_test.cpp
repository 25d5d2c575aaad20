// Coordinated omission, proved on a virtual clock with a synthetic schedule: a target that
// stalls every answer for one second (2 s..3 s into a 10 s run, like MOCK-FAULT-2 `stall`).
//
// Theory: in the open model at rate r for D seconds, the r * 1 s arrivals due in the stall
// wait until it ends, so their latencies are spread evenly over (0, 1 s]; that is a fraction
// f = 1/D = 10% of all journeys, and the percentile q above 1 - f is (q - (1 - f)) / f
// seconds: p95 = 0.5 s, p99 = 0.9 s, p99.9 = 0.99 s. A closed-model user at the same rate
// sends one request into the stall and waits with it, so the stall is one sample in ~1800:
// p99.9 stays at the 1 ms service time and only the maximum shows it. When the open model's
// users are capped, the arrivals queued behind the stalled one start late, and their latency
// (from the schedule) includes the wait while their service time does not.
#include "fake_target.hpp"
#include "harness/load/arrival_schedule.hpp"
#include "harness/load/journey_mix.hpp"
#include "harness/load/worker.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>

#include <gtest/gtest.h>

#include <cstdio>

namespace logintest::harness::load::testing {
namespace {

using namespace std::chrono_literals;

struct Measured {
    model::LoadTotals totals;
    std::vector<model::JourneyLoadStats> journeys;
    std::vector<model::TimelineSecond> timeline;
    int users_made = 0;
};

Measured run_worker(const model::LoadConfig& config, FakeTarget target, int accounts = 1 << 30,
                    bool stop_at_5s = false) {
    boost::asio::io_context io;
    const Clock::time_point start = Clock::time_point{} + 1h;
    VirtualClock clock(start);
    target.origin = start;
    const model::Journey journey = one_step_journey();
    const std::vector<const model::Journey*> journeys{&journey};
    WorkerStats stats(journeys, start);
    const ArrivalSchedule schedule(config.start_rate, config.stages);
    const JourneyMix mix({1.0});
    FakeUsers users(clock, target, accounts);
    WorkerSetup setup;
    setup.config = &config;
    setup.schedule = &schedule;
    setup.mix = &mix;
    setup.run_start = start;
    setup.clock = &clock;
    setup.users = &users;
    setup.stats = &stats;
    Worker worker(setup);
    worker.start(io.get_executor());
    if (stop_at_5s) {
        // A stop request in the middle (what Ctrl-C does), delivered at t = 5 s.
        boost::asio::co_spawn(
            io,
            [&]() -> boost::asio::awaitable<void> {
                co_await clock.sleep_until(start + 5s, nullptr, false);
                worker.stop();
            },
            boost::asio::detached);
    }
    run_virtual(io, clock);
    EXPECT_TRUE(worker.done());
    Measured m;
    stats.to_model(m.totals, m.journeys, m.timeline);
    m.users_made = users.made();
    return m;
}

model::LoadConfig open_model(double rate, double seconds) {
    model::LoadConfig c;
    c.model = model::LoadModel::open;
    c.stages = {{seconds, rate}};
    c.start_rate = rate;
    c.late_after_ms = 10;
    return c;
}

FakeTarget stalling_target() {
    FakeTarget t;
    t.service = 1ms;
    t.stall_from = 2s;
    t.stall_to = 3s;
    return t;
}

double ms(double us) {
    return us / 1000.0;
}

constexpr double precision = 0.0075; // LatencyHistogram::relative_precision()

// The measured percentiles, printed so that a run shows the numbers beside the theory.
void show(const char* model_name, const model::LatencyHistogram& h) {
    std::printf("    %-7s n %5llu  p50 %7.1f ms  p90 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  "
                "p99.9 %7.1f ms  max %7.1f ms\n",
                model_name, static_cast<unsigned long long>(h.count()), ms(h.percentile_us(50)),
                ms(h.percentile_us(90)), ms(h.percentile_us(95)), ms(h.percentile_us(99)),
                ms(h.percentile_us(99.9)), ms(h.max_us()));
}

TEST(CoordinatedOmission, OpenModelPercentilesIncludeTheStallAsTheoryPredicts) {
    const Measured m = run_worker(open_model(200, 10), stalling_target());
    const model::LatencyHistogram& latency = m.totals.latency;
    show("open", latency);
    EXPECT_EQ(m.totals.scheduled, 2000u);
    EXPECT_EQ(m.totals.completed, 2000u);
    EXPECT_EQ(m.totals.late, 0u) << "nothing held the generator back";
    // 200 of 2000 journeys were due in the stall: 10%.
    EXPECT_NEAR(ms(latency.percentile_us(50)), 1.0, 1.0 * precision);
    EXPECT_NEAR(ms(latency.percentile_us(90)), 1.0, 1.0 * precision);
    EXPECT_NEAR(ms(latency.percentile_us(95)), 500.0, 500.0 * precision);
    EXPECT_NEAR(ms(latency.percentile_us(99)), 900.0, 900.0 * precision);
    EXPECT_NEAR(ms(latency.percentile_us(99.9)), 990.0, 990.0 * precision);
    EXPECT_DOUBLE_EQ(ms(latency.max_us()), 1000.0);
    // The journeys started on time, so here service time is the latency.
    EXPECT_NEAR(ms(m.totals.service.percentile_us(99)), 900.0, 900.0 * precision);
}

TEST(CoordinatedOmission, ClosedModelHidesTheStallInAllButTheMaximum) {
    model::LoadConfig c;
    c.model = model::LoadModel::closed;
    c.vus = 1;
    c.duration_s = 10;
    c.think_min_s = c.think_max_s = 0.004; // 5 ms a cycle: 200 journeys/s, like the open run
    const Measured m = run_worker(c, stalling_target());
    const model::LatencyHistogram& latency = m.totals.latency;
    show("closed", latency);
    EXPECT_GT(m.totals.completed, 1700u);
    EXPECT_NEAR(ms(latency.percentile_us(99)), 1.0, 1.0 * precision);
    EXPECT_NEAR(ms(latency.percentile_us(99.9)), 1.0, 1.0 * precision);
    EXPECT_GT(ms(latency.max_us()), 990.0) << "the stalled request is one sample";
}

TEST(CoordinatedOmission, CappedOpenModelCountsLateStartsAndLatencyFromSchedule) {
    model::LoadConfig c = open_model(200, 10);
    c.max_vus = 1; // one user: arrivals due in the stall wait behind the stalled journey
    const Measured m = run_worker(c, stalling_target());
    show("capped", m.totals.latency);
    show("service", m.totals.service);
    EXPECT_EQ(m.users_made, 1);
    EXPECT_EQ(m.totals.completed, 2000u);
    EXPECT_EQ(m.totals.dropped, 0u) << "no --drop-after: every arrival waits its turn";
    EXPECT_GE(m.totals.late, 199u) << "every arrival due in the stall started late";
    // Latency from the schedule includes the wait; service time does not.
    EXPECT_GT(ms(m.totals.latency.percentile_us(99)), 800.0);
    EXPECT_NEAR(ms(m.totals.service.percentile_us(99)), 1.0, 1.0 * precision);
    EXPECT_NEAR(ms(m.totals.service.percentile_us(99.9)), 1.0, 1.0 * precision);
    EXPECT_NEAR(ms(m.totals.start_delay.max_us()), 995.0, 2.0);
}

TEST(CoordinatedOmission, ArrivalsThatCannotStartWithinDropAfterAreDropped) {
    model::LoadConfig c = open_model(200, 10);
    c.max_vus = 1;
    c.drop_after_ms = 100;
    const Measured m = run_worker(c, stalling_target());
    // Due 2.005..2.895 s: still waiting more than 100 ms after their time when the user frees.
    EXPECT_NEAR(static_cast<double>(m.totals.dropped), 179.0, 2.0);
    EXPECT_EQ(m.totals.completed + m.totals.dropped, 2000u);
    EXPECT_LE(ms(m.totals.start_delay.max_us()), 100.0 * (1 + precision));
}

TEST(OpenModel, StartsFollowTheScheduleNotTheAnswers) {
    FakeTarget slow;
    slow.service = 250ms; // each journey far longer than the gap between arrivals
    const Measured m = run_worker(open_model(100, 5), slow);
    EXPECT_EQ(m.totals.started, 500u);
    EXPECT_EQ(m.totals.late, 0u);
    EXPECT_GE(m.totals.max_active, 25u) << "about rate x service time in flight";
    ASSERT_GE(m.timeline.size(), 5u);
    for (int s = 0; s < 5; ++s) {
        EXPECT_EQ(m.timeline[static_cast<std::size_t>(s)].started, 100u) << "second " << s;
    }
}

TEST(OpenModel, NoFreeAccountIsAnErrorThatSendsNothing) {
    const Measured m = run_worker(open_model(10, 2), stalling_target(), 0);
    EXPECT_EQ(m.totals.started, 0u);
    EXPECT_EQ(m.totals.completed, 20u);
    EXPECT_EQ(m.totals.errored, 20u);
    EXPECT_EQ(m.totals.errors[model::ErrorKind::no_account], 20u);
    EXPECT_EQ(m.totals.requests, 0u);
}

TEST(ClosedModel, StopEndsThinkTimeAtOnceAndLetsJourneysFinish) {
    model::LoadConfig c;
    c.model = model::LoadModel::closed;
    c.vus = 3;
    c.duration_s = 60;
    c.think_min_s = c.think_max_s = 2;
    FakeTarget t;
    t.service = 100ms;
    const Measured m = run_worker(c, t, 1 << 30, /*stop_at_5s=*/true);
    // Each user: journeys at 0, 2.1, 4.2 s; the stop at 5 s ends the third think time.
    EXPECT_EQ(m.totals.completed, 9u);
    EXPECT_LE(m.timeline.size(), 6u) << "the run ended at the stop, not after 60 s";
}

TEST(ClosedModel, IterationsAreSharedOutExactly) {
    model::LoadConfig c;
    c.model = model::LoadModel::closed;
    c.vus = 4;
    c.iterations = 10;
    FakeTarget t;
    const Measured m = run_worker(c, t);
    EXPECT_EQ(m.totals.completed, 10u);
}

TEST(ClosedModel, RampUpSpreadsTheUserStarts) {
    model::LoadConfig c;
    c.model = model::LoadModel::closed;
    c.vus = 10;
    c.duration_s = 3;
    c.ramp_up_s = 2;
    c.think_min_s = c.think_max_s = 10; // one journey each
    FakeTarget t;
    const Measured m = run_worker(c, t);
    EXPECT_EQ(m.totals.started, 10u);
    ASSERT_GE(m.timeline.size(), 2u);
    EXPECT_EQ(m.timeline[0].started, 5u);
    EXPECT_EQ(m.timeline[1].started, 5u);
}

} // namespace
} // namespace logintest::harness::load::testing
