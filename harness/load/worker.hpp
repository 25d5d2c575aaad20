// Worker: the load of one thread. Open model: a scheduler coroutine walks this worker's share
// of the arrival schedule (arrivals k = index, index + workers, ...) and starts each journey
// at its due time whatever earlier journeys do; latency counts from that due time. A start
// that finds every allowed user busy (--max-vus) waits for one, and is dropped only when it
// could not start within --drop-after; a start later than --late-after is counted as late.
// Closed model: this worker's share of the users each loop journey, think time, journey.
// A once-a-second tick closes timeline seconds and publishes a snapshot for the progress line.
//
// Everything but snapshot() runs on the worker's own executor (one io_context per thread, or
// a test's io_context with a virtual clock); snapshot() may be called from any thread. The
// Worker, its Clock, WorkerStats and UserFactory must outlive every coroutine it spawned.
#pragma once

#include "harness/load/arrival_schedule.hpp"
#include "harness/load/clock.hpp"
#include "harness/load/journey_mix.hpp"
#include "harness/load/virtual_user.hpp"
#include "harness/load/worker_stats.hpp"
#include "harness/model/load_result.hpp"

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include <exception>
#include <memory>
#include <mutex>
#include <vector>

namespace logintest::harness::load {

// What the progress line needs from one worker, published once a second.
struct WorkerSnapshot {
    std::uint64_t started = 0;
    std::uint64_t completed = 0;
    std::uint64_t errored = 0;
    std::uint64_t checks_failed = 0;
    std::uint64_t late = 0;
    std::uint64_t dropped = 0;
    std::uint64_t in_flight = 0;
    std::uint64_t users = 0;       // virtual users alive (busy or thinking / idle)
    std::int64_t last_second = -1; // the latest closed timeline second
    std::uint64_t last_second_completed = 0;
    model::LatencyHistogram last_second_latency;
    bool done = false;
};

struct WorkerSetup {
    int index = 0;
    int workers = 1;
    const model::LoadConfig* config = nullptr;
    const ArrivalSchedule* schedule = nullptr; // open model
    const JourneyMix* mix = nullptr;
    Clock::time_point run_start;
    Clock* clock = nullptr;
    UserFactory* users = nullptr;
    WorkerStats* stats = nullptr;
};

class Worker {
public:
    explicit Worker(const WorkerSetup& setup);
    Worker(const Worker&) = delete;
    Worker& operator=(const Worker&) = delete;

    // Spawns the scheduler (open) or the users (closed) and the tick on `executor`.
    void start(const boost::asio::any_io_executor& executor);
    // Stops starting journeys and ends think times at once; journeys in flight go on.
    void stop();
    bool done() const { return live_ == 0; }
    std::uint64_t in_flight() const { return in_flight_; }
    // An exception that escaped a coroutine (a bug of ours), to be rethrown by the engine.
    std::exception_ptr failure() const { return failure_; }

    WorkerSnapshot snapshot() const; // thread-safe

    // Destroys the users idle between journeys (open model). Call once the worker's thread
    // has stopped and before its io_context goes: a user's connections belong to it.
    void drop_idle_users() { idle_users_.clear(); }

private:
    boost::asio::awaitable<void> open_scheduler();
    boost::asio::awaitable<void> open_journey(std::size_t journey, Clock::time_point intended,
                                              Clock::time_point started,
                                              std::unique_ptr<VirtualUser> user);
    boost::asio::awaitable<void> closed_user(int vu);
    boost::asio::awaitable<void> tick();
    void spawn(boost::asio::awaitable<void> work);
    void publish(std::int64_t last_second);
    std::unique_ptr<VirtualUser> take_user();

    WorkerSetup setup_;
    const model::LoadConfig& config_;
    Clock& clock_;
    WorkerStats& stats_;
    boost::asio::any_io_executor executor_;
    std::vector<std::unique_ptr<VirtualUser>> idle_users_; // open model: users between journeys
    std::uint64_t in_flight_ = 0;
    std::uint64_t closed_users_ = 0; // closed model: users between their start and end
    std::uint64_t live_ = 0;         // coroutines still running (tick excluded)
    std::uint64_t iterations_left_ = 0;
    bool limit_iterations_ = false;
    bool stopping_ = false;
    Alarm slot_alarm_; // rings when a journey ends (a user is free)
    Alarm tick_alarm_; // rings when the last coroutine ends
    std::exception_ptr failure_;

    mutable std::mutex snapshot_mutex_;
    WorkerSnapshot snapshot_;
};

} // namespace logintest::harness::load
