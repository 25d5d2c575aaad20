// LoadEngine (see load_engine.hpp): worker threads, progress, stop, merge, notes.
#include "harness/load/load_engine.hpp"

#include "harness/load/arrival_schedule.hpp"
#include "harness/load/clock.hpp"
#include "harness/load/fd_limit.hpp"
#include "harness/load/journey_mix.hpp"
#include "harness/load/scenario_user.hpp"
#include "harness/load/worker.hpp"
#include "harness/load/worker_stats.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include <fmt/format.h>

#include <chrono>
#include <ctime>
#include <fstream>
#include <optional>
#include <thread>

namespace logintest::harness::load {

namespace asio = boost::asio;
using SteadyTime = std::chrono::steady_clock;

namespace {

std::string utc_now_rfc3339() {
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

// "32768 60999" from /proc, for the ports note.
std::string local_port_range() {
    std::ifstream in("/proc/sys/net/ipv4/ip_local_port_range");
    int low = 0;
    int high = 0;
    if (in >> low >> high) {
        return fmt::format("{}-{}, {} ports", low, high, high - low + 1);
    }
    return "unknown";
}

double share(std::uint64_t part, std::uint64_t whole) {
    return whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
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
    std::atomic<bool> finished{false};
};

LoadEngine::LoadEngine(EngineSetup setup) : setup_(std::move(setup)) {}

LoadEngine::~LoadEngine() = default;

void LoadEngine::request_stop(const std::string& reason) {
    {
        std::lock_guard lock(reason_mutex_);
        if (stop_reason_.empty()) {
            stop_reason_ = reason;
        }
    }
    ++stop_requests_;
}

model::LoadRunResult LoadEngine::run(const ProgressCallback& progress) {
    const model::LoadConfig& config = setup_.config;
    const int threads = std::max(1, config.threads);
    const ArrivalSchedule schedule(config.start_rate, config.stages);
    std::vector<double> weights;
    for (const auto& m : config.mix) {
        weights.push_back(m.weight);
    }
    const JourneyMix mix(weights);
    ScenarioUsers users(setup_.journeys, *setup_.context, *setup_.leases, config.new_connections);

    model::LoadRunResult result;
    result.config = config;
    result.started_at = utc_now_rfc3339();
    // A little ahead, so that every worker is running when the schedule begins.
    const auto run_start = SteadyTime::now() + std::chrono::milliseconds(20);
    const double planned_s =
        config.model == model::LoadModel::open ? schedule.duration_s() : config.duration_s;

    std::vector<std::unique_ptr<Runtime>> runtimes;
    for (int w = 0; w < threads; ++w) {
        auto rt = std::make_unique<Runtime>();
        rt->stats = std::make_unique<WorkerStats>(setup_.journeys, run_start);
        rt->clock = std::make_unique<SteadyClock>();
        WorkerSetup ws;
        ws.index = w;
        ws.workers = threads;
        ws.config = &setup_.config;
        ws.schedule = &schedule;
        ws.mix = &mix;
        ws.run_start = run_start;
        ws.clock = rt->clock.get();
        ws.users = &users;
        ws.stats = rt->stats.get();
        rt->worker = std::make_unique<Worker>(ws);
        rt->io = std::make_unique<asio::io_context>(1);
        runtimes.push_back(std::move(rt));
    }
    for (auto& rt : runtimes) {
        Runtime* r = rt.get();
        r->worker->start(r->io->get_executor());
        r->thread = std::thread([r] {
            r->io->run();
            r->finished = true;
        });
    }

    // Watch: progress once a second, stop requests, grace.
    int stops_seen = 0;
    bool abandoned = false;
    std::optional<SteadyTime::time_point> stopped_at;
    auto next_progress = run_start + std::chrono::seconds(1);
    const auto grace = std::chrono::duration_cast<SteadyTime::duration>(
        std::chrono::duration<double>(config.grace_s));
    const auto planned_end = run_start + std::chrono::duration_cast<SteadyTime::duration>(
                                             std::chrono::duration<double>(planned_s));
    for (;;) {
        bool all_done = true;
        for (auto& rt : runtimes) {
            all_done = all_done && rt->finished;
        }
        if (all_done) {
            break;
        }
        const int stops = stop_requests_.load();
        const auto now = SteadyTime::now();
        if (stops > stops_seen) {
            if (stops_seen == 0) {
                stopped_at = now;
                for (auto& rt : runtimes) {
                    Worker* worker = rt->worker.get();
                    asio::post(*rt->io, [worker] { worker->stop(); });
                }
            }
            stops_seen = stops;
        }
        const bool past_grace = (planned_s > 0 && now > planned_end + grace) ||
                                (stopped_at && now > *stopped_at + grace);
        if (!abandoned && (stops_seen >= 2 || past_grace)) {
            abandoned = true;
            for (auto& rt : runtimes) {
                rt->io->stop();
            }
        }
        if (progress && now >= next_progress) {
            model::LoadProgress p;
            p.elapsed_s = std::chrono::duration<double>(now - run_start).count();
            p.planned_s = planned_s;
            p.stopping = stops_seen > 0 || (planned_s > 0 && now >= planned_end);
            std::int64_t last = -1;
            std::vector<WorkerSnapshot> snapshots;
            for (auto& rt : runtimes) {
                snapshots.push_back(rt->worker->snapshot());
                last = std::max(last, snapshots.back().last_second);
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
            progress(p);
            while (next_progress <= now) {
                next_progress += std::chrono::seconds(1);
            }
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    for (auto& rt : runtimes) {
        rt->thread.join();
        rt->worker->drop_idle_users(); // their sockets belong to the io_context
    }
    const auto end = SteadyTime::now();
    for (auto& rt : runtimes) {
        if (auto failure = rt->worker->failure()) {
            std::rethrow_exception(failure); // a bug of ours: main reports it (exit 4)
        }
    }

    // Merge.
    for (auto& rt : runtimes) {
        if (abandoned) {
            rt->stats->unfinished(rt->worker->in_flight());
        }
        rt->stats->to_model(result.totals, result.journeys, result.timeline);
    }
    for (std::size_t i = 0; i < result.journeys.size() && i < config.mix.size(); ++i) {
        result.journeys[i].weight = config.mix[i].weight;
    }
    result.finished_at = utc_now_rfc3339();
    result.elapsed_s = std::chrono::duration<double>(end - run_start).count();
    {
        std::lock_guard lock(reason_mutex_);
        result.interrupted = !stop_reason_.empty();
        result.stop_reason = result.interrupted ? stop_reason_ : "";
    }
    if (result.stop_reason.empty()) {
        result.stop_reason = config.model == model::LoadModel::open            ? "schedule complete"
                             : config.iterations > 0 && config.duration_s <= 0 ? "iterations done"
                                                                               : "duration reached";
    }
    if (abandoned) {
        result.stop_reason +=
            fmt::format("; {} journeys in flight abandoned", result.totals.unfinished);
    }

    // Notes: whatever limited the run, in words that say what to change.
    const model::LoadTotals& t = result.totals;
    auto note = [&](std::string text) { result.notes.push_back(std::move(text)); };
    if (t.late > 0) {
        note(fmt::format(
            "{} starts ({:.2g}%) began more than {:g} ms after their schedule (start delay p99 "
            "{:.1f} ms): the generator was short of CPU or of free users (--max-vus); their "
            "latency counts from the schedule all the same",
            t.late, share(t.late, t.started), config.late_after_ms,
            t.start_delay.percentile_us(99) / 1000));
    }
    if (t.dropped > 0) {
        note(fmt::format("{} arrivals ({:.2g}%) were dropped: no user was free within {:g} ms of "
                         "their schedule; raise --max-vus (now {}) or lower the rate",
                         t.dropped, share(t.dropped, t.scheduled), config.drop_after_ms,
                         config.max_vus));
    }
    if (const auto it = t.errors.find("fd_limit"); it != t.errors.end()) {
        const FdLimit limit = current_fd_limit();
        note(fmt::format("{} journeys failed for want of file descriptors (EMFILE): the open-file "
                         "limit is {} (hard {}); raise it (ulimit -n, LimitNOFILE=) or lower "
                         "the number of users",
                         it->second, limit.soft, limit.hard));
    }
    if (const auto it = t.errors.find("ports_exhausted"); it != t.errors.end()) {
        note(fmt::format("{} journeys found no free local port (EADDRNOTAVAIL): the ephemeral "
                         "range net.ipv4.ip_local_port_range is {}, and closed connections wait "
                         "in TIME_WAIT; keep connections (drop --new-connections), widen the "
                         "range, or spread the target over more addresses",
                         it->second, local_port_range()));
    }
    if (const auto it = t.errors.find("no_account"); it != t.errors.end()) {
        note(fmt::format("{} starts found no free account: each concurrent journey needs its own "
                         "(pool 'load' holds {}, 'bind' {}; a fixture login serves one journey "
                         "at a time); raise --pool-size / --pool-unbound (with the mock's "
                         "fixture.load_pool_size / load_pool_unbound) or lower the concurrency",
                         it->second, setup_.leases->pool_size("load"),
                         setup_.leases->pool_size("bind")));
    }
    if (t.unfinished > 0) {
        note(fmt::format("{} journeys were still running when the run was cut short; they are "
                         "in no statistic",
                         t.unfinished));
    }
    return result;
}

} // namespace logintest::harness::load
