// RunEvents: the load engine's watcher sleeps until something happens instead of polling. A
// stop requested before the wait, or while it waits, ends the wait at once however far its
// deadline; the first stop's reason is kept; the last worker finishing ends it too; a wait
// with nothing new returns at its deadline.
#include "harness/load/run_events.hpp"

#include <gtest/gtest.h>

#include <thread>

namespace logintest::harness::load {
namespace {

const auto far = std::chrono::steady_clock::now() + std::chrono::hours(1);

TEST(RunEvents, StopRequestedBeforeTheWaitEndsItAtOnce) {
    RunEvents events(2);
    events.request_stop("interrupted (SIGINT)");
    const RunEvents::State state = events.wait_until(0, far);
    EXPECT_EQ(state.stops, 1);
    EXPECT_FALSE(state.all_finished);
    EXPECT_EQ(events.stop_reason(), "interrupted (SIGINT)");
}

TEST(RunEvents, StopRequestedWhileWaitingWakesTheWaiter) {
    RunEvents events(1);
    std::thread stopper([&events] { events.request_stop("interrupted (SIGTERM)"); });
    // Without a deadline: only the event can end this wait (the test's timeout guards it).
    const RunEvents::State state = events.wait_until(0, RunEvents::time_point::max());
    stopper.join();
    EXPECT_EQ(state.stops, 1);
    EXPECT_EQ(events.stop_reason(), "interrupted (SIGTERM)");
}

TEST(RunEvents, TheFirstReasonStaysAndASecondStopIsANewEvent) {
    RunEvents events(1);
    events.request_stop("interrupted (SIGINT)");
    events.request_stop("interrupted (SIGTERM)");
    EXPECT_EQ(events.wait_until(1, far).stops, 2);
    EXPECT_EQ(events.stop_reason(), "interrupted (SIGINT)");
}

TEST(RunEvents, TheLastWorkerFinishingEndsTheWait) {
    RunEvents events(2);
    events.worker_finished();
    std::thread last([&events] { events.worker_finished(); });
    const RunEvents::State state = events.wait_until(0, RunEvents::time_point::max());
    last.join();
    EXPECT_TRUE(state.all_finished);
    EXPECT_EQ(state.stops, 0);
    EXPECT_EQ(events.stop_reason(), "");
}

TEST(RunEvents, AWaitWithNothingNewReturnsAtItsDeadline) {
    RunEvents events(1);
    events.request_stop("seen already");
    const RunEvents::State state = events.wait_until(1, std::chrono::steady_clock::now());
    EXPECT_EQ(state.stops, 1);
    EXPECT_FALSE(state.all_finished);
}

} // namespace
} // namespace logintest::harness::load
