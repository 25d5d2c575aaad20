// LoadEngine: one `logintest load` run. It starts one worker per thread, each with its own
// io_context, Clock, WorkerStats, and share of the users or arrivals (workers share nothing
// mutable but the fixture-account flags), reports progress about once a second from the
// calling thread, and when every worker is done merges their statistics into a
// model::LoadRunResult with notes on whatever limited the run (run_notes.hpp).
//
// Stopping: the run ends by itself at the end of its schedule / duration / iterations, and
// journeys in flight then get --grace to finish. request_stop() (thread-safe; from a signal
// handler's thread, also before run()) stops starting journeys and marks the result
// interrupted; a second call, or the grace running out, abandons the journeys in flight
// (counted as unfinished). Stop requests and finished workers are events (RunEvents) the
// calling thread sleeps on between progress lines; nothing polls. Thresholds are evaluated by
// the caller on the result.
#pragma once

#include "harness/engine/account_leases.hpp"
#include "harness/engine/journey_runner.hpp"
#include "harness/load/run_events.hpp"
#include "harness/load/virtual_user.hpp"
#include "harness/model/load_result.hpp"
#include "harness/model/scenario.hpp"

#include <functional>
#include <string>
#include <vector>

namespace logintest::harness::load {

struct EngineSetup {
    model::LoadConfig config;                    // validated; threads >= 1
    std::vector<const model::Journey*> journeys; // in config.mix order
    const engine::RunContext* context = nullptr;
    engine::AccountLeases* leases = nullptr; // created for config.threads workers
    // The test seam: users of its own (then context and leases may be null); null = the
    // production ScenarioUsers playing the journeys over HTTP with `context` and `leases`.
    UserFactory* users = nullptr;
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
    void request_stop(const std::string& reason) { events_.request_stop(reason); }

private:
    struct Runtime;
    struct Run;
    void start_workers(Run& run);
    void watch(Run& run, const ProgressCallback& progress);
    void join_workers(Run& run);
    void merge(Run& run, model::LoadRunResult& result);

    EngineSetup setup_;
    RunEvents events_;
};

} // namespace logintest::harness::load
