// RunEvents: what the thread watching a load run waits for, delivered as events instead of
// polled: a stop request (Ctrl-C, SIGTERM, a test; thread-safe, also before the run starts)
// and each worker thread finishing. The watcher sleeps on a condition variable until one of
// them arrives or its next deadline (a progress line, the end of the grace) comes.
//
// One per LoadEngine; request_stop() and worker_finished() may be called from any thread,
// wait_until() from the one watching thread.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>

namespace logintest::harness::load {

class RunEvents {
public:
    using time_point = std::chrono::steady_clock::time_point;

    // What has happened so far.
    struct State {
        int stops = 0;             // stop requests so far
        bool all_finished = false; // every worker thread has finished
    };

    explicit RunEvents(int workers) : workers_(workers) {}

    // A stop request; the first one's reason is the run's stop reason.
    void request_stop(const std::string& reason);
    void worker_finished();

    // Waits until there are more than `seen_stops` stop requests, every worker has finished,
    // or `deadline` (time_point::max(): no deadline) has passed.
    [[nodiscard]] State wait_until(int seen_stops, time_point deadline);

    // The first stop request's reason; empty when nothing asked the run to stop.
    std::string stop_reason() const;

private:
    State state() const { return {stops_, finished_ >= workers_}; }

    const int workers_;
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    int stops_ = 0;
    int finished_ = 0;
    std::string reason_;
};

} // namespace logintest::harness::load
