// Merging load results (see load_result.hpp).
#include "harness/model/load_result.hpp"

#include <algorithm>
#include <stdexcept>

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

namespace {

// The names, in ErrorKind order (checked sorted by tests/unit/model/load_result_test.cpp).
constexpr std::array<std::string_view, error_kind_count> error_kind_names = {
    "account_error",  "fd_limit",  "no_account",         "not_run", "ports_exhausted",
    "protocol_error", "refused",   "request_error",      "reset",   "resolve_error",
    "timeout",        "tls_error", "too_many_redirects",
};

} // namespace

const char* to_string(ErrorKind kind) {
    return error_kind_names.at(static_cast<std::size_t>(kind)).data();
}

std::optional<ErrorKind> parse_error_kind(std::string_view name) {
    for (std::size_t i = 0; i < error_kind_count; ++i) {
        if (error_kind_names[i] == name) {
            return static_cast<ErrorKind>(i);
        }
    }
    return std::nullopt;
}

std::optional<ErrorKind> error_kind_of(Outcome outcome) {
    switch (outcome) {
    case Outcome::ok:
        return std::nullopt;
    case Outcome::refused:
        return ErrorKind::refused;
    case Outcome::timeout:
        return ErrorKind::timeout;
    case Outcome::reset:
        return ErrorKind::reset;
    case Outcome::tls_error:
        return ErrorKind::tls_error;
    case Outcome::resolve_error:
        return ErrorKind::resolve_error;
    case Outcome::protocol_error:
        return ErrorKind::protocol_error;
    case Outcome::too_many_redirects:
        return ErrorKind::too_many_redirects;
    case Outcome::request_error:
        return ErrorKind::request_error;
    case Outcome::not_run:
        return ErrorKind::not_run;
    }
    return std::nullopt;
}

std::uint64_t& ErrorCounts::operator[](std::string_view name) {
    const auto kind = parse_error_kind(name);
    if (!kind) {
        throw std::out_of_range("no error kind named '" + std::string(name) + "'");
    }
    return (*this)[*kind];
}

std::uint64_t ErrorCounts::total() const {
    std::uint64_t sum = 0;
    for (const std::uint64_t n : counts_) {
        sum += n;
    }
    return sum;
}

ErrorCounts& ErrorCounts::operator+=(const ErrorCounts& other) {
    for (std::size_t i = 0; i < error_kind_count; ++i) {
        counts_[i] += other.counts_[i];
    }
    return *this;
}

void merge(ErrorCounts& into, const ErrorCounts& from) {
    into += from;
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
