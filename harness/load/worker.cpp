// Worker (see worker.hpp): the open-model scheduler, the closed-model user loop and the tick.
#include "harness/load/worker.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace logintest::harness::load {

namespace asio = boost::asio;

namespace {

Clock::duration seconds(double s) {
    return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(s));
}

Clock::duration milliseconds(double ms) {
    return std::chrono::duration_cast<Clock::duration>(
        std::chrono::duration<double, std::milli>(ms));
}

// A closed-model user's think time after a journey, uniform in [min, max].
Clock::duration think_time(const model::LoadConfig& config, std::uint64_t& rng) {
    if (config.think_max_s <= config.think_min_s) {
        return seconds(config.think_min_s);
    }
    const double u = static_cast<double>(splitmix64(rng) >> 11) * 0x1.0p-53;
    return seconds(config.think_min_s + u * (config.think_max_s - config.think_min_s));
}

// Starts back to back before the scheduler lets the journeys it started run.
constexpr int burst_before_yield = 64;

} // namespace

Worker::Worker(const WorkerSetup& setup)
    : setup_(setup), config_(*setup.config), clock_(*setup.clock), stats_(*setup.stats) {
    if (config_.model == model::LoadModel::closed && config_.iterations > 0) {
        const auto workers = static_cast<std::uint64_t>(setup_.workers);
        const auto index = static_cast<std::uint64_t>(setup_.index);
        iterations_left_ =
            config_.iterations / workers + (index < config_.iterations % workers ? 1 : 0);
        limit_iterations_ = true;
    }
}

void Worker::spawn(asio::awaitable<void> work) {
    ++live_;
    asio::co_spawn(executor_, std::move(work), [this](const std::exception_ptr& e) {
        if (e && !failure_) {
            failure_ = e;
        }
        if (--live_ == 0) {
            tick_alarm_.ring();
        }
    });
}

void Worker::start(const asio::any_io_executor& executor) {
    executor_ = executor;
    if (config_.model == model::LoadModel::open) {
        spawn(open_scheduler());
    } else {
        for (int vu = setup_.index; vu < config_.vus; vu += setup_.workers) {
            spawn(closed_user(vu));
        }
    }
    asio::co_spawn(executor_, tick(), [this](const std::exception_ptr& e) {
        if (e && !failure_) {
            failure_ = e;
        }
    });
    if (live_ == 0) {
        tick_alarm_.ring(); // nothing to do here (more workers than users)
    }
}

void Worker::stop() {
    stopping_ = true;
    clock_.wake_all();
}

std::unique_ptr<VirtualUser> Worker::take_user() {
    if (!idle_users_.empty()) {
        auto user = std::move(idle_users_.back());
        idle_users_.pop_back();
        return user;
    }
    return setup_.users->make_user(setup_.index, executor_);
}

asio::awaitable<void> Worker::open_scheduler() {
    const ArrivalSchedule& schedule = *setup_.schedule;
    const auto workers = static_cast<std::uint64_t>(setup_.workers);
    const std::uint64_t cap =
        config_.max_vus > 0
            ? static_cast<std::uint64_t>(std::ceil(static_cast<double>(config_.max_vus) /
                                                   static_cast<double>(setup_.workers)))
            : std::numeric_limits<std::uint64_t>::max();
    const Clock::duration late_after = milliseconds(config_.late_after_ms);
    const Clock::duration drop_after = milliseconds(config_.drop_after_ms);
    int burst = 0;
    for (std::uint64_t k = static_cast<std::uint64_t>(setup_.index);; k += workers) {
        const auto due = schedule.time_of(k);
        if (!due) {
            break; // the schedule is over
        }
        const Clock::time_point intended = setup_.run_start + seconds(*due);
        if (clock_.now() < intended) {
            burst = 0;
            if (co_await clock_.sleep_until(intended) == Wake::stop) {
                break;
            }
        } else if (++burst >= burst_before_yield) {
            burst = 0;
            co_await asio::post(executor_, asio::use_awaitable);
        }
        if (stopping_) {
            break;
        }
        stats_.scheduled(intended);
        // A free user within drop_after of the due time, else the arrival is dropped.
        bool dropped = false;
        while (in_flight_ >= cap) {
            const Clock::time_point deadline = intended + drop_after;
            if (config_.drop_after_ms > 0 && clock_.now() >= deadline) {
                dropped = true;
                break;
            }
            const Clock::time_point until =
                config_.drop_after_ms > 0 ? deadline : Clock::time_point::max();
            if (co_await clock_.sleep_until(until, &slot_alarm_) == Wake::stop) {
                co_return;
            }
        }
        const Clock::time_point now = clock_.now();
        if (dropped) {
            stats_.dropped(intended, now);
            continue;
        }
        const std::size_t journey = setup_.mix->pick(arrival_draw(config_.seed, k));
        std::unique_ptr<VirtualUser> user = take_user();
        std::string missing;
        if (!user->prepare(journey, missing)) {
            stats_.no_account(journey, now);
            idle_users_.push_back(std::move(user));
            continue;
        }
        stats_.started(journey, intended, now, now - intended > late_after);
        ++in_flight_;
        stats_.active(in_flight_);
        spawn(open_journey(journey, intended, now, std::move(user)));
    }
}

asio::awaitable<void> Worker::open_journey(std::size_t journey, Clock::time_point intended,
                                           Clock::time_point started,
                                           std::unique_ptr<VirtualUser> user) {
    const engine::JourneySummary summary = co_await user->play(journey, stats_);
    stats_.finished(journey, intended, started, clock_.now(), summary);
    user->finish(true);
    idle_users_.push_back(std::move(user));
    --in_flight_;
    slot_alarm_.ring();
}

asio::awaitable<void> Worker::closed_user(int vu) {
    std::uint64_t rng = config_.seed ^ (0x9e3779b97f4a7c15ULL * static_cast<std::uint64_t>(vu + 1));
    const bool has_end = config_.duration_s > 0;
    const Clock::time_point end = setup_.run_start + seconds(config_.duration_s);
    if (config_.ramp_up_s > 0 && config_.vus > 0) {
        const Clock::time_point first =
            setup_.run_start + seconds(config_.ramp_up_s * vu / config_.vus);
        if (co_await clock_.sleep_until(first) == Wake::stop) {
            co_return;
        }
    }
    std::unique_ptr<VirtualUser> user = setup_.users->make_user(setup_.index, executor_);
    ++closed_users_;
    struct Leaving {
        std::uint64_t& users;
        ~Leaving() { --users; }
    } leaving{closed_users_};
    // A user that found no free account waits at least this long before trying again.
    const Clock::duration no_account_backoff = std::chrono::milliseconds(10);
    while (!stopping_) {
        const Clock::time_point now = clock_.now();
        if ((has_end && now >= end) || (limit_iterations_ && iterations_left_ == 0)) {
            break;
        }
        const std::size_t journey = setup_.mix->pick(splitmix64(rng));
        std::string missing;
        Clock::time_point finished = now;
        if (!user->prepare(journey, missing)) {
            stats_.no_account(journey, now);
            finished = now + no_account_backoff;
        } else {
            if (limit_iterations_) {
                --iterations_left_;
            }
            stats_.started(journey, now, now, false);
            ++in_flight_;
            stats_.active(in_flight_);
            const engine::JourneySummary summary = co_await user->play(journey, stats_);
            finished = clock_.now();
            stats_.finished(journey, now, now, finished, summary);
            user->finish(config_.think_max_s > 0);
            --in_flight_;
        }
        if (limit_iterations_ && iterations_left_ == 0) {
            break; // no think time after the last journey
        }
        Clock::time_point wake = finished + think_time(config_, rng);
        if (has_end) {
            wake = std::min(wake, end);
        }
        if (wake > clock_.now() && co_await clock_.sleep_until(wake) == Wake::stop) {
            break;
        }
    }
}

asio::awaitable<void> Worker::tick() {
    std::int64_t second = 0;
    for (;;) {
        const Wake wake = co_await clock_.sleep_until(
            setup_.run_start + std::chrono::seconds(second + 1), &tick_alarm_, false);
        if (wake == Wake::time) {
            stats_.end_of_second(second, in_flight_);
            publish(second);
            ++second;
        }
        if (live_ == 0) {
            stats_.unfinished(in_flight_);
            publish(second - 1);
            co_return;
        }
    }
}

void Worker::publish(std::int64_t last_second) {
    const model::LoadTotals& t = stats_.totals();
    WorkerSnapshot s;
    s.started = t.started;
    s.completed = t.completed;
    s.errored = t.errored;
    s.checks_failed = t.checks_failed;
    s.late = t.late;
    s.dropped = t.dropped;
    s.in_flight = in_flight_;
    s.users =
        config_.model == model::LoadModel::closed ? closed_users_ : in_flight_ + idle_users_.size();
    s.last_second = last_second;
    if (const model::TimelineSecond* closed = stats_.second(last_second)) {
        s.last_second_completed = closed->completed;
        s.last_second_latency = closed->latency;
    }
    s.done = live_ == 0;
    std::lock_guard lock(snapshot_mutex_);
    snapshot_ = std::move(s);
}

WorkerSnapshot Worker::snapshot() const {
    std::lock_guard lock(snapshot_mutex_);
    return snapshot_;
}

} // namespace logintest::harness::load
