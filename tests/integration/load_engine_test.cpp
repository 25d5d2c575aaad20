// The load engine end to end against the in-process mock: closed and open models run the
// shipped load journeys with leased pool accounts and no failure; statistics add up per step
// and journey; a stop request ends the run early with an "interrupted" partial result; a
// target that is down is data (errors by kind), not a crash; the mock's `stall` fault
// (MOCK-FAULT-2) shows in open-model percentiles and hides in the closed model's.
#include "load_target.hpp"

#include "harness/load/threshold.hpp"
#include "reports/load_json.hpp"

#include <boost/json/parse.hpp>

#include <thread>

namespace logintest::integration {
namespace {

using harness::model::ErrorKind;
using harness::model::LoadConfig;
using harness::model::LoadModel;
using harness::model::LoadRunResult;

LoadConfig closed(int vus, double seconds, int threads = 2) {
    LoadConfig c;
    c.model = LoadModel::closed;
    c.vus = vus;
    c.duration_s = seconds;
    c.threads = threads;
    c.grace_s = 5;
    return c;
}

LoadConfig open_at(double rate, double seconds, int threads = 2) {
    LoadConfig c;
    c.model = LoadModel::open;
    c.start_rate = rate;
    c.stages = {{seconds, rate}};
    c.threads = threads;
    c.max_vus = 1000;
    c.late_after_ms = 50;
    c.grace_s = 5;
    return c;
}

std::string failures(const LoadRunResult& r) {
    std::string text;
    for (const auto& j : r.journeys) {
        for (const auto& [kind, n] : j.errors) {
            text += j.name + " error " + std::string(kind) + " x" + std::to_string(n) + "\n";
        }
        for (const auto& f : j.failed_checks) {
            text += j.name + "/" + f.step + ": " + f.description + " x" + std::to_string(f.count) +
                    ": " + f.example + "\n";
        }
    }
    return text;
}

TEST(LoadEngine, ClosedModelRunsTheStandardMixWithLeasedPoolAccounts) {
    const LoadTarget target(20);
    const std::vector journeys{LoadTarget::journey("load/school_login_pool.xml"),
                               LoadTarget::journey("load/wrong_password_pool.xml")};
    const LoadRunResult r = target.run(closed(6, 1.0), journeys);
    EXPECT_GT(r.totals.completed, 10u);
    EXPECT_EQ(r.totals.errored, 0u) << failures(r);
    EXPECT_EQ(r.totals.checks_failed, 0u) << failures(r);
    EXPECT_EQ(r.totals.passed, r.totals.completed);
    EXPECT_FALSE(r.interrupted);
    EXPECT_LE(r.totals.max_active, 6u);
    ASSERT_EQ(r.journeys.size(), 2u);
    std::uint64_t requests = 0;
    for (const auto& j : r.journeys) {
        EXPECT_EQ(j.latency.count(), j.completed);
        for (const auto& s : j.steps) {
            EXPECT_EQ(s.runs, j.completed) << j.name << "/" << s.name;
            EXPECT_EQ(s.latency.count(), s.runs);
            requests += s.requests;
        }
    }
    EXPECT_EQ(requests, r.totals.requests);
    // The per-second timeline accounts for every journey.
    std::uint64_t completed = 0;
    for (const auto& s : r.timeline) {
        completed += s.completed;
    }
    EXPECT_EQ(completed, r.totals.completed);
}

TEST(LoadEngine, OpenModelStartsOnScheduleAndGatesOnThresholds) {
    const LoadTarget target(50);
    const std::vector journeys{LoadTarget::journey("load/logindata_only.xml")};
    const LoadRunResult r = target.run(open_at(100, 1.0), journeys);
    EXPECT_EQ(r.totals.scheduled, 100u);
    EXPECT_EQ(r.totals.started, 100u);
    EXPECT_EQ(r.totals.completed, 100u);
    EXPECT_EQ(r.totals.errored, 0u) << failures(r);
    EXPECT_EQ(r.totals.dropped, 0u);
    EXPECT_EQ(r.totals.latency.count(), 100u);
    EXPECT_EQ(r.totals.service.count(), 100u);
    EXPECT_GE(r.totals.latency.percentile_us(99), r.totals.service.percentile_us(99) * 0.99);

    const auto pass = harness::load::parse_threshold("journey.p99<2s");
    const auto fail = harness::load::parse_threshold("journey.p50<1us");
    ASSERT_TRUE(pass.threshold && fail.threshold);
    EXPECT_TRUE(harness::load::evaluate_threshold(*pass.threshold, r).passed);
    EXPECT_FALSE(harness::load::evaluate_threshold(*fail.threshold, r).passed);

    // The JSON result holds the histograms' bins and says it was not interrupted.
    const auto json = boost::json::parse(reports::to_json(r));
    EXPECT_EQ(json.at("kind").as_string(), "load");
    EXPECT_EQ(json.at("interrupted").as_bool(), false);
    EXPECT_EQ(json.at("totals").at("completed").to_number<std::uint64_t>(), 100u);
    EXPECT_FALSE(json.at("totals").at("latency").at("bins").as_array().empty());
}

TEST(LoadEngine, StopRequestEndsTheRunWithAnInterruptedPartialResult) {
    const LoadTarget target(20);
    const std::vector journeys{LoadTarget::journey("load/school_login_pool.xml")};
    LoadConfig c = closed(3, 30.0);
    c.think_min_s = c.think_max_s = 0.05;
    const auto began = std::chrono::steady_clock::now();
    const LoadRunResult r = target.run(c, journeys, [](harness::load::LoadEngine& engine) {
        std::this_thread::sleep_for(std::chrono::milliseconds(400));
        engine.request_stop("interrupted (SIGINT)");
    });
    const double took =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
    EXPECT_LT(took, 3.0) << "a 30 s run stopped after 0.4 s";
    EXPECT_TRUE(r.interrupted);
    EXPECT_EQ(r.stop_reason, "interrupted (SIGINT)");
    EXPECT_GT(r.totals.completed, 0u);
    EXPECT_EQ(r.totals.unfinished, 0u) << "journeys in flight finished within the grace";
    EXPECT_EQ(r.totals.errored, 0u) << failures(r);
}

TEST(LoadEngine, ATargetThatIsDownIsCountedByErrorKind) {
    const LoadTarget target(5);
    const std::vector journeys{LoadTarget::journey("load/logindata_only.xml")};
    // Port 1 on loopback: nothing listens there.
    const LoadRunResult r =
        target.run(open_at(50, 0.4), journeys, {}, "http://127.0.0.1:1", "http://127.0.0.2:1");
    EXPECT_EQ(r.totals.completed, 20u);
    EXPECT_EQ(r.totals.errored, 20u);
    EXPECT_EQ(r.totals.errors[ErrorKind::refused], 20u);
    EXPECT_EQ(r.journeys.at(0).steps.at(0).errors[ErrorKind::refused], 20u);
    EXPECT_EQ(r.totals.requests, 0u);
}

TEST(LoadEngine, FixtureAccountServesOneJourneyAtATime) {
    const LoadTarget target(0);
    // The load journey with a wrong password first, for the fixture user ИвановИ: three users
    // cannot all hold him at once, or their wrong passwords and salts would interfere.
    const std::vector journeys{LoadTarget::journey_text(
        LoadTarget::text_of("load/wrong_password_pool.xml"), R"(<account as="pupil" pool="load"/>)",
        R"(<account as="pupil" login="ИвановИ" scid="2436"/>)")};
    LoadConfig c = closed(3, 0.6);
    const LoadRunResult r = target.run(c, journeys);
    EXPECT_GT(r.totals.passed, 0u) << failures(r);
    EXPECT_GT(r.totals.errors[ErrorKind::no_account], 0u);
    EXPECT_EQ(r.totals.errored, r.totals.errors[ErrorKind::no_account])
        << "no lockout or stale salt from two users sharing the account\n"
        << failures(r);
    EXPECT_LE(r.totals.max_active, 2u) << "at most one journey per worker holds him";
}

mocks::common::FaultConfig stall(double start_s, double duration_s) {
    mocks::common::FaultConfig faults;
    mocks::common::FaultRule rule;
    rule.id = "s";
    rule.method = "*";
    rule.path = "/webapi/logindata";
    rule.kind = mocks::common::FaultKind::stall;
    rule.start_s = start_s;
    rule.duration_s = duration_s;
    faults.rules.push_back(rule);
    return faults;
}

TEST(LoadEngine, MockStallShowsInOpenModelPercentilesAndHidesInClosedModel) {
    const std::vector journeys{LoadTarget::journey("load/logindata_only.xml")};
    // Open: 200/s for 2 s, the stall holds 0.5 s..1.0 s: a quarter of the arrivals wait, up
    // to 0.5 s; p90 ~ (0.9 - 0.75) / 0.25 * 0.5 s = 0.3 s.
    LoadRunResult open;
    {
        const LoadTarget target(5, stall(0.5, 0.5));
        open = target.run(open_at(200, 2.0), journeys);
    }
    // Closed: one user without think time sends thousands of requests; one waits in the stall.
    LoadRunResult closed_run;
    {
        const LoadTarget target(5, stall(0.5, 0.5));
        closed_run = target.run(closed(1, 2.0, 1), journeys);
    }
    EXPECT_EQ(open.totals.errored, 0u) << failures(open);
    EXPECT_GT(open.totals.latency.percentile_us(90), 200'000) << "p90 includes the stall";
    EXPECT_GT(open.totals.latency.max_us(), 400'000);
    EXPECT_EQ(closed_run.totals.errored, 0u) << failures(closed_run);
    EXPECT_LT(closed_run.totals.latency.percentile_us(99), 250'000) << "p99 hides the stall";
    EXPECT_GT(closed_run.totals.latency.max_us(), 300'000) << "only the maximum shows it";
}

TEST(LoadEngine, JourneysStillRunningAfterTheGraceAreAbandonedAndCounted) {
    const std::vector journeys{LoadTarget::journey("load/logindata_only.xml")};
    const LoadTarget target(5, stall(0.0, 30.0)); // every answer held for 30 s
    LoadConfig c = open_at(20, 0.5);
    c.grace_s = 0.3;
    const auto began = std::chrono::steady_clock::now();
    const LoadRunResult r = target.run(c, journeys);
    const double took =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
    EXPECT_LT(took, 3.0);
    EXPECT_EQ(r.totals.started, 10u);
    EXPECT_EQ(r.totals.completed, 0u);
    EXPECT_EQ(r.totals.unfinished, 10u);
    EXPECT_NE(r.stop_reason.find("10 journeys in flight abandoned"), std::string::npos)
        << r.stop_reason;
    EXPECT_FALSE(r.notes.empty());
}

TEST(LoadEngine, UsersResumeTheirTlsSessionsOnNewConnections) {
    const LoadTarget target(10, {}, /*tls=*/true);
    const std::vector journeys{LoadTarget::journey("load/logindata_only.xml")};
    LoadConfig c = closed(2, 0.5, 1);
    c.think_min_s = c.think_max_s = 0.02;
    c.new_connections = true; // a new connection, hence a handshake, every journey
    const LoadRunResult r = target.run(c, journeys);
    EXPECT_EQ(r.totals.errored, 0u) << failures(r);
    EXPECT_GE(r.totals.tls_handshakes, r.totals.completed);
    // Only each user's first handshake is a full one.
    EXPECT_EQ(r.totals.tls_resumed, r.totals.tls_handshakes - 2);
}

} // namespace
} // namespace logintest::integration
