// Stopping a load run is an event, not a poll: a stop requested before run() or by a journey
// while the run goes on ends an hour-long run at once with an "interrupted" partial result,
// and a second stop abandons the journeys still in flight (counted as unfinished). The engine
// runs its real worker threads here with users of the test seam (EngineSetup::users) that
// answer at once or never; no test sleeps.
#include "harness/load/load_engine.hpp"

#include "fake_target.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <gtest/gtest.h>

#include <functional>

namespace logintest::harness::load {
namespace {

namespace asio = boost::asio;

// A user whose journey calls `on_play` and then answers at once, or never (`hang`).
class HookUser final : public VirtualUser {
public:
    HookUser(const std::function<void()>& on_play, bool hang) : on_play_(on_play), hang_(hang) {}
    bool prepare(std::size_t, std::string&) override { return true; }
    asio::awaitable<engine::JourneySummary> play(std::size_t journey, WorkerStats& stats) override {
        if (on_play_) {
            on_play_();
        }
        if (hang_) {
            asio::steady_timer never(co_await asio::this_coro::executor,
                                     asio::steady_timer::time_point::max());
            co_await never.async_wait(asio::as_tuple(asio::use_awaitable));
        }
        engine::StepEvent e;
        e.status = 200;
        e.requests = 1;
        stats.step(journey, e);
        engine::JourneySummary summary;
        summary.requests = 1;
        co_return summary;
    }
    void finish(bool) override {}

private:
    const std::function<void()>& on_play_;
    bool hang_;
};

class HookUsers final : public UserFactory {
public:
    explicit HookUsers(bool hang = false) : hang_(hang) {}
    std::unique_ptr<VirtualUser> make_user(int, const asio::any_io_executor&) override {
        return std::make_unique<HookUser>(on_play, hang_);
    }
    std::function<void()> on_play;

private:
    bool hang_;
};

// An hour of closed-model load (users think for an hour between journeys) with `users`.
struct HourLongRun {
    explicit HourLongRun(HookUsers& users, int vus = 2, int threads = 2) {
        model::LoadConfig c;
        c.model = model::LoadModel::closed;
        c.vus = vus;
        c.threads = threads;
        c.duration_s = 3600;
        c.think_min_s = c.think_max_s = 3600;
        c.grace_s = 3600;
        c.mix = {{journey.name, journey.file, 1}};
        EngineSetup setup;
        setup.config = c;
        setup.journeys = {&journey};
        setup.users = &users;
        engine = std::make_unique<LoadEngine>(std::move(setup));
    }
    model::Journey journey = testing::one_step_journey();
    std::unique_ptr<LoadEngine> engine;
};

TEST(LoadEngineStop, StopRequestedBeforeTheRunEndsItAtOnce) {
    HookUsers users;
    HourLongRun run(users);
    run.engine->request_stop("interrupted (SIGINT)");
    const model::LoadRunResult r = run.engine->run({});
    EXPECT_TRUE(r.interrupted);
    EXPECT_EQ(r.stop_reason, "interrupted (SIGINT)");
    EXPECT_LT(r.elapsed_s, 60.0) << "an hour-long run";
    EXPECT_LE(r.totals.completed, 2u);
    EXPECT_EQ(r.totals.unfinished, 0u);
}

TEST(LoadEngineStop, StopRequestedWhileRunningEndsTheRunAtOnce) {
    HookUsers users;
    HourLongRun run(users, 1, 1);
    // The first journey asks to stop from the worker's thread while the engine waits.
    users.on_play = [&run] { run.engine->request_stop("interrupted (SIGTERM)"); };
    const model::LoadRunResult r = run.engine->run({});
    EXPECT_TRUE(r.interrupted);
    EXPECT_EQ(r.stop_reason, "interrupted (SIGTERM)");
    EXPECT_LT(r.elapsed_s, 60.0);
    EXPECT_EQ(r.totals.completed, 1u) << "the journey in flight finished; none started after";
    EXPECT_EQ(r.totals.passed, 1u);
}

TEST(LoadEngineStop, SecondStopAbandonsTheJourneysInFlight) {
    HookUsers users(/*hang=*/true);
    HourLongRun run(users, 1, 1);
    users.on_play = [&run] {
        run.engine->request_stop("interrupted (SIGINT)");
        run.engine->request_stop("interrupted (SIGINT)");
    };
    const model::LoadRunResult r = run.engine->run({});
    EXPECT_TRUE(r.interrupted);
    EXPECT_EQ(r.totals.completed, 0u);
    EXPECT_EQ(r.totals.unfinished, 1u);
    EXPECT_EQ(r.stop_reason, "interrupted (SIGINT); 1 journeys in flight abandoned");
    ASSERT_FALSE(r.notes.empty());
    EXPECT_EQ(r.notes.back(), "1 journeys were still running when the run was cut short; they "
                              "are in no statistic");
}

} // namespace
} // namespace logintest::harness::load
