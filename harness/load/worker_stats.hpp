// WorkerStats: everything one worker measures, recorded as events happen and turned into the
// result model at the end (to_model), where the workers' parts are merged. Recording is the
// hot path: counters, histogram bins and a timeline slot, no strings (a failed check's text
// is built once, for its first failure). Error kinds: an Outcome name, or `fd_limit`
// (EMFILE/ENFILE), `ports_exhausted` (EADDRNOTAVAIL), `no_account`, `account_error`.
//
// Owned by one worker and touched only on its thread; the engine reads it after the worker's
// thread has finished (or through snapshots the worker publishes).
#pragma once

#include "harness/engine/journey_runner.hpp"
#include "harness/load/clock.hpp"
#include "harness/model/load_result.hpp"
#include "harness/model/scenario.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace logintest::harness::load {

// The error kind of a step or journey without a usable answer: fd_limit (EMFILE/ENFILE),
// ports_exhausted (EADDRNOTAVAIL), else the outcome's kind. `outcome` is not ok.
model::ErrorKind error_kind(model::Outcome outcome, int error_value);

class WorkerStats {
public:
    using time_point = Clock::time_point;

    WorkerStats(const std::vector<const model::Journey*>& journeys, time_point run_start);

    // Open model: an arrival fell due / was given up.
    void scheduled(time_point intended);
    void dropped(time_point intended, time_point now);
    // A journey began (after its accounts were leased); `late` per --late-after.
    void started(std::size_t journey, time_point intended, time_point now, bool late);
    // A start found no free account: an errored journey that sent nothing.
    void no_account(std::size_t journey, time_point now);
    // Per step, from the journey runner.
    void step(std::size_t journey, const engine::StepEvent& event);
    void check_failed(std::size_t journey, std::size_t step, std::size_t index, bool warning,
                      const engine::FailureDetail& detail);
    void finished(std::size_t journey, time_point intended, time_point started, time_point now,
                  const engine::JourneySummary& summary);
    // Journeys in flight, after every change (for the peak) and at the end of each second.
    void active(std::uint64_t in_flight);
    void end_of_second(std::int64_t second, std::uint64_t in_flight);
    void unfinished(std::uint64_t in_flight) { totals_.unfinished = in_flight; }
    // TLS handshakes a user made during a journey, and how many resumed a session.
    void tls(std::uint64_t handshakes, std::uint64_t resumed) {
        totals_.tls_handshakes += handshakes;
        totals_.tls_resumed += resumed;
    }

    std::int64_t second_of(time_point t) const;
    const model::LoadTotals& totals() const { return totals_; }
    // Journey latency of a finished second, or null when the timeline has no such second.
    const model::TimelineSecond* second(std::int64_t s) const;

    // The recorded statistics in the result model (to be merged with other workers').
    void to_model(model::LoadTotals& totals, std::vector<model::JourneyLoadStats>& journeys,
                  std::vector<model::TimelineSecond>& timeline) const;

private:
    struct CheckCounter {
        std::uint64_t count = 0;
        model::FailedCheck detail; // filled at the first failure
    };
    model::TimelineSecond& slot(time_point t);

    time_point run_start_;
    const std::vector<const model::Journey*>& journeys_model_;
    model::LoadTotals totals_;
    std::vector<model::JourneyLoadStats> journeys_;
    std::vector<std::vector<std::vector<CheckCounter>>> check_failures_; // [journey][step][i]
    std::vector<model::TimelineSecond> timeline_;
};

// Forwards one journey's step events to the worker's statistics.
class StatsObserver final : public engine::StepObserver {
public:
    StatsObserver(WorkerStats& stats, std::size_t journey) : stats_(stats), journey_(journey) {}
    void on_check_failed(std::size_t step, std::size_t index, bool warning,
                         const engine::FailureDetail& detail) override {
        stats_.check_failed(journey_, step, index, warning, detail);
    }
    void on_step(const engine::StepEvent& event) override { stats_.step(journey_, event); }

private:
    WorkerStats& stats_;
    std::size_t journey_;
};

} // namespace logintest::harness::load
