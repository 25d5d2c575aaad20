// Merging load results (see load_result.hpp).
#include "harness/model/load_result.hpp"

#include <algorithm>

namespace logintest::harness::model {

const char* to_string(LoadModel model) {
    switch (model) {
    case LoadModel::open:
        return "open";
    case LoadModel::closed:
        return "closed";
    }
    return "?";
}

void merge(ErrorCounts& into, const ErrorCounts& from) {
    for (const auto& [kind, n] : from) {
        into[kind] += n;
    }
}

void merge(StepLoadStats& into, const StepLoadStats& from) {
    if (into.name.empty()) {
        into.name = from.name;
    }
    into.runs += from.runs;
    into.not_run += from.not_run;
    into.failed += from.failed;
    into.requests += from.requests;
    merge(into.errors, from.errors);
    for (const auto& [status, n] : from.statuses) {
        into.statuses[status] += n;
    }
    into.checks += from.checks;
    into.checks_failed += from.checks_failed;
    into.latency += from.latency;
}

void merge(JourneyLoadStats& into, const JourneyLoadStats& from) {
    if (into.name.empty()) {
        into.name = from.name;
        into.file = from.file;
        into.weight = from.weight;
    }
    into.started += from.started;
    into.completed += from.completed;
    into.passed += from.passed;
    into.failed += from.failed;
    into.errored += from.errored;
    merge(into.errors, from.errors);
    into.checks += from.checks;
    into.checks_failed += from.checks_failed;
    into.latency += from.latency;
    into.service += from.service;
    if (into.steps.size() < from.steps.size()) {
        into.steps.resize(from.steps.size());
    }
    for (std::size_t i = 0; i < from.steps.size(); ++i) {
        merge(into.steps[i], from.steps[i]);
    }
    for (const FailedCheck& f : from.failed_checks) {
        auto same = std::find_if(into.failed_checks.begin(), into.failed_checks.end(),
                                 [&](const FailedCheck& c) {
                                     return c.step == f.step && c.description == f.description &&
                                            c.where.line == f.where.line;
                                 });
        if (same == into.failed_checks.end()) {
            into.failed_checks.push_back(f);
        } else {
            same->count += f.count;
            if (same->example.empty()) {
                same->example = f.example;
            }
        }
    }
}

void merge(LoadTotals& into, const LoadTotals& from) {
    into.scheduled += from.scheduled;
    into.started += from.started;
    into.completed += from.completed;
    into.passed += from.passed;
    into.failed += from.failed;
    into.errored += from.errored;
    into.late += from.late;
    into.dropped += from.dropped;
    into.unfinished += from.unfinished;
    into.requests += from.requests;
    into.checks += from.checks;
    into.checks_failed += from.checks_failed;
    into.max_active += from.max_active;
    into.tls_handshakes += from.tls_handshakes;
    into.tls_resumed += from.tls_resumed;
    merge(into.errors, from.errors);
    into.latency += from.latency;
    into.service += from.service;
    into.start_delay += from.start_delay;
}

void merge(std::vector<TimelineSecond>& into, const std::vector<TimelineSecond>& from) {
    for (const TimelineSecond& s : from) {
        if (s.second < 0) {
            continue;
        }
        const auto at = static_cast<std::size_t>(s.second);
        while (into.size() <= at) {
            TimelineSecond empty;
            empty.second = static_cast<std::int64_t>(into.size());
            into.push_back(std::move(empty));
        }
        TimelineSecond& t = into[at];
        t.scheduled += s.scheduled;
        t.started += s.started;
        t.completed += s.completed;
        t.errors += s.errors;
        t.checks_failed += s.checks_failed;
        t.late += s.late;
        t.dropped += s.dropped;
        t.active += s.active;
        t.latency += s.latency;
    }
}

double error_rate(const LoadTotals& totals) {
    return totals.completed == 0
               ? 0.0
               : static_cast<double>(totals.errored) / static_cast<double>(totals.completed);
}

double check_failure_rate(const LoadTotals& totals) {
    return totals.checks == 0
               ? 0.0
               : static_cast<double>(totals.checks_failed) / static_cast<double>(totals.checks);
}

} // namespace logintest::harness::model
