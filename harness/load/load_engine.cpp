// LoadEngine (see load_engine.hpp): set-up of the worker threads, the watch (progress, stop,
// grace) on the calling thread, and the merge of the workers' statistics.
#include "harness/load/load_engine.hpp"

#include "harness/engine/utc_time.hpp"
#include "harness/load/arrival_schedule.hpp"
#include "harness/load/clock.hpp"
#include "harness/load/journey_mix.hpp"
#include "harness/load/run_notes.hpp"
#include "harness/load/scenario_user.hpp"
#include "harness/load/worker.hpp"
#include "harness/load/worker_stats.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <optional>
#include <thread>

namespace logintest::harness::load {

namespace asio = boost::asio;
using SteadyTime = std::chrono::steady_clock;

namespace {

SteadyTime::duration seconds(double s) {
    return std::chrono::duration_cast<SteadyTime::duration>(std::chrono::duration<double>(s));
}

std::vector<double> mix_weights(const model::LoadConfig& config) {
    std::vector<double> weights;
    for (const auto& m : config.mix) {
        weights.push_back(m.weight);
    }
    return weights;
}

// The live view behind the progress line, from the workers' latest snapshots.
model::LoadProgress progress_of(const std::vector<WorkerSnapshot>& snapshots) {
    model::LoadProgress p;
    std::int64_t last = -1;
    for (const auto& s : snapshots) {
        last = std::max(last, s.last_second);
    }
    model::LatencyHistogram recent;
    for (const auto& s : snapshots) {
        p.started += s.started;
        p.completed += s.completed;
        p.errored += s.errored;
        p.checks_failed += s.checks_failed;
        p.late += s.late;
        p.dropped += s.dropped;
        p.active += s.in_flight;
        p.users += s.users;
        if (s.last_second == last) {
            p.rate_per_s += static_cast<double>(s.last_second_completed);
            recent += s.last_second_latency;
        }
    }
    p.p95_us = recent.percentile_us(95);
    return p;
}

} // namespace

// Everything of one worker, in destruction order: the io_context (and with it every
// coroutine frame still suspended) goes first, while the worker, clock and stats it refers
// to still exist.
struct LoadEngine::Runtime {
    std::unique_ptr<WorkerStats> stats;
    std::unique_ptr<SteadyClock> clock;
    std::unique_ptr<Worker> worker;
    std::unique_ptr<asio::io_context> io;
    std::thread thread;
};

// One run: what the workers share (schedule, mix, users) and where the run stands.
struct LoadEngine::Run {
    explicit Run(const EngineSetup& setup)
        : schedule(setup.config.start_rate, setup.config.stages), mix(mix_weights(setup.config)) {
        if (setup.users == nullptr) {
            own_users = std::make_unique<ScenarioUsers>(
                setup.journeys, *setup.context, *setup.leases, setup.config.new_connections);
        }
        users = setup.users != nullptr ? setup.users : own_users.get();
        planned_s = setup.config.model == model::LoadModel::open ? schedule.duration_s()
                                                                 : setup.config.duration_s;
    }

    const ArrivalSchedule schedule;
    const JourneyMix mix;
    std::unique_ptr<UserFactory> own_users;
    UserFactory* users = nullptr;
    double planned_s = 0;
    // A little ahead, so that every worker is running when the schedule begins.
    const SteadyTime::time_point start = SteadyTime::now() + std::chrono::milliseconds(20);
    SteadyTime::time_point end;
    std::vector<std::unique_ptr<Runtime>> runtimes;
    bool abandoned = false;
};

LoadEngine::LoadEngine(EngineSetup setup)
    : setup_(std::move(setup)), events_(std::max(1, setup_.config.threads)) {}

LoadEngine::~LoadEngine() = default;

model::LoadRunResult LoadEngine::run(const ProgressCallback& progress) {
    model::LoadRunResult result;
    result.config = setup_.config;
    result.started_at = engine::rfc3339_utc(std::chrono::system_clock::now());
    Run run(setup_);
    start_workers(run);
    watch(run, progress);
    join_workers(run);
    merge(run, result);
    add_run_notes(result, {setup_.leases != nullptr ? setup_.leases->pool_size("load") : 0,
                           setup_.leases != nullptr ? setup_.leases->pool_size("bind") : 0});
    return result;
}

void LoadEngine::start_workers(Run& run) {
    const int threads = std::max(1, setup_.config.threads);
    for (int w = 0; w < threads; ++w) {
        auto rt = std::make_unique<Runtime>();
        rt->stats = std::make_unique<WorkerStats>(setup_.journeys, run.start);
        rt->clock = std::make_unique<SteadyClock>();
        WorkerSetup ws;
        ws.index = w;
        ws.workers = threads;
        ws.config = &setup_.config;
        ws.schedule = &run.schedule;
        ws.mix = &run.mix;
        ws.run_start = run.start;
        ws.clock = rt->clock.get();
        ws.users = run.users;
        ws.stats = rt->stats.get();
        rt->worker = std::make_unique<Worker>(ws);
        rt->io = std::make_unique<asio::io_context>(1);
        run.runtimes.push_back(std::move(rt));
    }
    for (auto& rt : run.runtimes) {
        Runtime* r = rt.get();
        r->worker->start(r->io->get_executor());
        r->thread = std::thread([this, r] {
            r->io->run();
            events_.worker_finished();
        });
    }
}

// Sleeps until an event (a stop request, the last worker finishing) or the next deadline (a
// progress line, the end of the grace); a first stop stops the workers, a second one or the
// grace running out abandons their journeys in flight.
void LoadEngine::watch(Run& run, const ProgressCallback& progress) {
    int stops_seen = 0;
    std::optional<SteadyTime::time_point> stopped_at;
    auto next_progress = run.start + std::chrono::seconds(1);
    const auto grace = seconds(setup_.config.grace_s);
    const auto planned_end = run.start + seconds(run.planned_s);
    for (;;) {
        auto deadline = progress ? next_progress : SteadyTime::time_point::max();
        if (!run.abandoned && run.planned_s > 0) {
            deadline = std::min(deadline, planned_end + grace);
        }
        if (!run.abandoned && stopped_at) {
            deadline = std::min(deadline, *stopped_at + grace);
        }
        const RunEvents::State state = events_.wait_until(stops_seen, deadline);
        if (state.all_finished) {
            return;
        }
        const auto now = SteadyTime::now();
        if (state.stops > stops_seen) {
            if (stops_seen == 0) {
                stopped_at = now;
                for (auto& rt : run.runtimes) {
                    asio::post(*rt->io, [worker = rt->worker.get()] { worker->stop(); });
                }
            }
            stops_seen = state.stops;
        }
        const bool past_grace = (run.planned_s > 0 && now > planned_end + grace) ||
                                (stopped_at && now > *stopped_at + grace);
        if (!run.abandoned && (stops_seen >= 2 || past_grace)) {
            run.abandoned = true;
            for (auto& rt : run.runtimes) {
                rt->io->stop();
            }
        }
        if (progress && now >= next_progress) {
            std::vector<WorkerSnapshot> snapshots;
            for (auto& rt : run.runtimes) {
                snapshots.push_back(rt->worker->snapshot());
            }
            model::LoadProgress p = progress_of(snapshots);
            p.elapsed_s = std::chrono::duration<double>(now - run.start).count();
            p.planned_s = run.planned_s;
            p.stopping = stops_seen > 0 || (run.planned_s > 0 && now >= planned_end);
            progress(p);
            while (next_progress <= now) {
                next_progress += std::chrono::seconds(1);
            }
        }
    }
}

void LoadEngine::join_workers(Run& run) {
    for (auto& rt : run.runtimes) {
        rt->thread.join();
        rt->worker->drop_idle_users(); // their sockets belong to the io_context
    }
    run.end = SteadyTime::now();
    for (auto& rt : run.runtimes) {
        if (auto failure = rt->worker->failure()) {
            std::rethrow_exception(failure); // a bug of ours: main reports it (exit 4)
        }
    }
}

void LoadEngine::merge(Run& run, model::LoadRunResult& result) {
    const model::LoadConfig& config = setup_.config;
    for (auto& rt : run.runtimes) {
        if (run.abandoned) {
            rt->stats->unfinished(rt->worker->in_flight());
        }
        rt->stats->to_model(result.totals, result.journeys, result.timeline);
    }
    for (std::size_t i = 0; i < result.journeys.size() && i < config.mix.size(); ++i) {
        result.journeys[i].weight = config.mix[i].weight;
    }
    result.finished_at = engine::rfc3339_utc(std::chrono::system_clock::now());
    result.elapsed_s = std::chrono::duration<double>(run.end - run.start).count();
    result.stop_reason = events_.stop_reason();
    result.interrupted = !result.stop_reason.empty();
    if (result.stop_reason.empty()) {
        result.stop_reason = config.model == model::LoadModel::open            ? "schedule complete"
                             : config.iterations > 0 && config.duration_s <= 0 ? "iterations done"
                                                                               : "duration reached";
    }
    if (run.abandoned) {
        result.stop_reason +=
            fmt::format("; {} journeys in flight abandoned", result.totals.unfinished);
    }
}

} // namespace logintest::harness::load
