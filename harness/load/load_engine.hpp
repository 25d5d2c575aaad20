// LoadEngine: one `logintest load` run. It starts one worker per thread, each with its own
// io_context, Clock, WorkerStats, and share of the users or arrivals (workers share nothing
// mutable but the fixture-account flags), reports progress about once a second from the
// calling thread, and when every worker is done merges their statistics into a
// model::LoadRunResult with notes on whatever limited the run (late starts, drops, file
// descriptors, ports, accounts).
//
// Stopping: the run ends by itself at the end of its schedule / duration / iterations, and
// journeys in flight then get --grace to finish. request_stop() (from a signal thread: it is
// thread-safe) stops starting journeys and marks the result interrupted; a second call, or
// the grace running out, abandons the journeys in flight (counted as unfinished).
// Thresholds are evaluated by the caller on the result.
#pragma once

#include "harness/engine/journey_runner.hpp"
#include "harness/load/account_leases.hpp"
#include "harness/model/load_result.hpp"
#include "harness/model/scenario.hpp"

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace logintest::harness::load {

struct EngineSetup {
    model::LoadConfig config;                    // validated; threads >= 1
    std::vector<const model::Journey*> journeys; // in config.mix order
    const engine::RunContext* context = nullptr;
    AccountLeases* leases = nullptr; // created for config.threads workers
};

using ProgressCallback = std::function<void(const model::LoadProgress&)>;

class LoadEngine {
public:
    explicit LoadEngine(EngineSetup setup);
    ~LoadEngine();
    LoadEngine(const LoadEngine&) = delete;
    LoadEngine& operator=(const LoadEngine&) = delete;

    // Runs to the end; calls `progress` (if set) about once a second on this thread. Rethrows
    // an exception that escaped a worker (a bug of ours).
    model::LoadRunResult run(const ProgressCallback& progress);

    // Thread-safe. First call: stop starting journeys, mark the result interrupted with
    // `reason`. Second call: abandon the journeys in flight.
    void request_stop(const std::string& reason);

private:
    struct Runtime;
    EngineSetup setup_;
    std::atomic<int> stop_requests_{0};
    std::mutex reason_mutex_;
    std::string stop_reason_;
};

} // namespace logintest::harness::load
