// WorkerStats (see worker_stats.hpp).
#include "harness/load/worker_stats.hpp"

#include <cerrno>

namespace logintest::harness::load {

namespace {

double us_between(Clock::time_point from, Clock::time_point to) {
    return std::chrono::duration<double, std::micro>(to - from).count();
}

} // namespace

model::ErrorKind error_kind(model::Outcome outcome, int error_value) {
    if (error_value == EMFILE || error_value == ENFILE) {
        return model::ErrorKind::fd_limit;
    }
    if (error_value == EADDRNOTAVAIL) {
        return model::ErrorKind::ports_exhausted;
    }
    // Outcome::ok has no kind; callers count only outcomes that are not ok.
    return model::error_kind_of(outcome).value_or(model::ErrorKind::not_run);
}

WorkerStats::WorkerStats(const std::vector<const model::Journey*>& journeys, time_point run_start)
    : run_start_(run_start), journeys_model_(journeys) {
    for (const model::Journey* j : journeys) {
        model::JourneyLoadStats stats;
        stats.name = j->name;
        stats.file = j->file;
        std::vector<std::vector<CheckCounter>> steps;
        for (const model::Step& s : j->steps) {
            model::StepLoadStats step;
            step.name = s.name;
            stats.steps.push_back(std::move(step));
            steps.emplace_back(s.checks.size() + s.extracts.size());
        }
        journeys_.push_back(std::move(stats));
        check_failures_.push_back(std::move(steps));
    }
}

std::int64_t WorkerStats::second_of(time_point t) const {
    if (t <= run_start_) {
        return 0;
    }
    return std::chrono::duration_cast<std::chrono::seconds>(t - run_start_).count();
}

model::TimelineSecond& WorkerStats::slot(time_point t) {
    const auto s = static_cast<std::size_t>(second_of(t));
    while (timeline_.size() <= s) {
        model::TimelineSecond empty;
        empty.second = static_cast<std::int64_t>(timeline_.size());
        timeline_.push_back(std::move(empty));
    }
    return timeline_[s];
}

const model::TimelineSecond* WorkerStats::second(std::int64_t s) const {
    if (s < 0 || static_cast<std::size_t>(s) >= timeline_.size()) {
        return nullptr;
    }
    return &timeline_[static_cast<std::size_t>(s)];
}

void WorkerStats::scheduled(time_point intended) {
    ++totals_.scheduled;
    ++slot(intended).scheduled;
}

void WorkerStats::dropped(time_point /*intended*/, time_point now) {
    ++totals_.dropped;
    ++slot(now).dropped;
}

void WorkerStats::started(std::size_t journey, time_point intended, time_point now, bool late) {
    ++journeys_[journey].started;
    ++totals_.started;
    model::TimelineSecond& s = slot(now);
    ++s.started;
    if (late) {
        ++totals_.late;
        ++s.late;
    }
    totals_.start_delay.record_us(now > intended ? us_between(intended, now) : 0.0);
}

void WorkerStats::no_account(std::size_t journey, time_point now) {
    model::JourneyLoadStats& j = journeys_[journey];
    ++j.completed;
    ++j.errored;
    ++j.errors[model::ErrorKind::no_account];
    ++totals_.completed;
    ++totals_.errored;
    ++totals_.errors[model::ErrorKind::no_account];
    model::TimelineSecond& s = slot(now);
    ++s.completed;
    ++s.errors;
}

void WorkerStats::step(std::size_t journey, const engine::StepEvent& event) {
    model::StepLoadStats& s = journeys_[journey].steps[event.step];
    if (event.outcome == model::Outcome::not_run) {
        ++s.not_run;
        return;
    }
    ++s.runs;
    s.requests += event.requests;
    s.checks += event.checks;
    s.checks_failed += event.checks_failed;
    totals_.requests += event.requests;
    if (event.verdict == model::Verdict::fail) {
        ++s.failed;
    }
    if (event.outcome != model::Outcome::ok) {
        ++s.errors[error_kind(event.outcome, event.error_value)];
    }
    if (event.status != 0) {
        ++s.statuses[event.status];
    }
    if (event.outcome != model::Outcome::request_error) {
        s.latency.record_us(event.elapsed_ms * 1000.0);
    }
}

void WorkerStats::check_failed(std::size_t journey, std::size_t step, std::size_t index,
                               bool warning, const engine::FailureDetail& detail) {
    auto& counters = check_failures_[journey][step];
    if (index >= counters.size()) {
        counters.resize(index + 1);
    }
    CheckCounter& c = counters[index];
    if (c.count++ == 0) {
        const model::CheckResult r = detail.describe();
        c.detail.step = journeys_[journey].steps[step].name;
        c.detail.description = r.description;
        c.detail.clauses = r.clauses;
        c.detail.check_id = r.check_id;
        c.detail.where = r.where;
        c.detail.warning = warning;
        c.detail.example = r.message;
    }
}

void WorkerStats::finished(std::size_t journey, time_point intended, time_point started,
                           time_point now, const engine::JourneySummary& summary) {
    model::JourneyLoadStats& j = journeys_[journey];
    const double latency_us = us_between(intended, now);
    const double service_us = us_between(started, now);
    ++j.completed;
    ++totals_.completed;
    j.latency.record_us(latency_us);
    j.service.record_us(service_us);
    totals_.latency.record_us(latency_us);
    totals_.service.record_us(service_us);
    j.checks += summary.checks;
    j.checks_failed += summary.checks_failed;
    totals_.checks += summary.checks;
    totals_.checks_failed += summary.checks_failed;
    model::TimelineSecond& s = slot(now);
    ++s.completed;
    s.checks_failed += summary.checks_failed;
    s.latency.record_us(latency_us);
    // A step that could not be built after a check failed (an extract found nothing, say after
    // a 503) is that failure's consequence: the journey failed a check, not ended by an error.
    const bool consequence =
        summary.error == model::Outcome::request_error && summary.checks_failed > 0;
    if (summary.setup_error || (summary.error != model::Outcome::ok && !consequence)) {
        const model::ErrorKind kind = summary.setup_error
                                          ? model::ErrorKind::account_error
                                          : error_kind(summary.error, summary.error_value);
        ++j.errored;
        ++j.errors[kind];
        ++totals_.errored;
        ++totals_.errors[kind];
        ++s.errors;
    } else if (summary.verdict == model::Verdict::fail) {
        ++j.failed;
        ++totals_.failed;
    } else {
        ++j.passed;
        ++totals_.passed;
    }
}

void WorkerStats::active(std::uint64_t in_flight) {
    if (in_flight > totals_.max_active) {
        totals_.max_active = in_flight;
    }
}

void WorkerStats::end_of_second(std::int64_t second, std::uint64_t in_flight) {
    if (second < 0) {
        return;
    }
    const auto s = static_cast<std::size_t>(second);
    while (timeline_.size() <= s) {
        model::TimelineSecond empty;
        empty.second = static_cast<std::int64_t>(timeline_.size());
        timeline_.push_back(std::move(empty));
    }
    timeline_[s].active = in_flight;
}

void WorkerStats::to_model(model::LoadTotals& totals,
                           std::vector<model::JourneyLoadStats>& journeys,
                           std::vector<model::TimelineSecond>& timeline) const {
    model::merge(totals, totals_);
    if (journeys.size() < journeys_.size()) {
        journeys.resize(journeys_.size());
    }
    for (std::size_t j = 0; j < journeys_.size(); ++j) {
        model::JourneyLoadStats mine = journeys_[j];
        for (const auto& step : check_failures_[j]) {
            for (const CheckCounter& c : step) {
                if (c.count == 0) {
                    continue;
                }
                model::FailedCheck f = c.detail;
                f.count = c.count;
                mine.failed_checks.push_back(std::move(f));
            }
        }
        model::merge(journeys[j], mine);
    }
    model::merge(timeline, timeline_);
}

} // namespace logintest::harness::load
