// The load result model: what `logintest load` measured. Written by harness/load (each worker
// fills its own, then they are merged), read by reports/ (console table, JSON), which never
// see anything else; a stored JSON result holds all of it, histograms as their bins, so it
// can be re-rendered or merged with the results of other generators later. Plain data; every
// string in it is already redacted. LoadProgress is the small live snapshot behind the
// progress line.
//
// Latency vocabulary: in the open model a journey's `latency` runs from its *scheduled* start
// to its end (no coordinated omission) and `service` from its actual start; in the closed
// model both run from the actual start. Step latencies are the steps' own times.
#pragma once

#include "harness/model/latency_histogram.hpp"
#include "harness/model/result.hpp"
#include "harness/model/source_location.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace logintest::harness::model {

// Open: journeys start on an arrival schedule whatever the target does. Closed: a fixed
// number of virtual users loop (journey, think time, journey, ...).
enum class LoadModel { open, closed };

// One stage of an arrival schedule: the rate moves linearly from the previous stage's target
// (or LoadConfig::start_rate) to `target_per_s` over `duration_s`; equal rates are a plateau.
struct RateStage {
    double duration_s = 0;
    double target_per_s = 0;
};

struct MixEntry {
    std::string journey; // journey name
    std::string file;    // scenario file
    double weight = 1;
};

// The run's parameters, as used.
struct LoadConfig {
    LoadModel model = LoadModel::open;
    int threads = 1;
    std::uint64_t seed = 1;
    double duration_s = 0; // planned: closed --duration, open the sum of the stages
    double grace_s = 0;    // how long in-flight journeys may finish after the end
    // Closed model.
    int vus = 0;
    double think_min_s = 0; // think time drawn uniformly from [min, max]
    double think_max_s = 0;
    double ramp_up_s = 0;         // VU starts spread evenly over this
    std::uint64_t iterations = 0; // total journeys to run; 0 = until duration
    // Open model.
    double start_rate = 0;
    std::vector<RateStage> stages;
    int max_vus = 0;          // cap on concurrent journeys
    double late_after_ms = 0; // a start later than this after schedule is "late"
    double drop_after_ms = 0; // an arrival that cannot start within this is "dropped"
    // Both.
    bool new_connections = false; // close connections after every journey
    int pool_size = 0;            // load%05d accounts (MOCK-FIX-5)
    int pool_unbound = 0;         // bind%05d accounts
    std::vector<MixEntry> mix;
};

// Why a journey or a step ended without a usable answer: a transport Outcome (timeout, reset,
// refused, ...), or `fd_limit` (EMFILE/ENFILE), `ports_exhausted` (EADDRNOTAVAIL),
// `no_account` (no free account to start with), `account_error` (an account or <var> could not
// be bound). Declared in the order of their names: the reports list kinds in this order (the
// JSON result and the console always listed them alphabetically).
enum class ErrorKind : std::uint8_t {
    account_error,
    fd_limit,
    no_account,
    not_run,
    ports_exhausted,
    protocol_error,
    refused,
    request_error,
    reset,
    resolve_error,
    timeout,
    tls_error,
    too_many_redirects,
};
inline constexpr std::size_t error_kind_count = 13;

// The kind's name in the reports ("tls_error"), and back (nullopt for an unknown name).
const char* to_string(ErrorKind kind);
std::optional<ErrorKind> parse_error_kind(std::string_view name);
// The kind of a transport Outcome (Outcome::ok has none: nullopt).
std::optional<ErrorKind> error_kind_of(Outcome outcome);

// Counts by error kind: one counter per kind in an array, so counting on the load hot path is
// an increment. Iterating yields (name, count) for the kinds with a count, in name order.
class ErrorCounts {
public:
    using Entry = std::pair<std::string_view, std::uint64_t>;
    class Iterator;

    std::uint64_t& operator[](ErrorKind kind) { return counts_[static_cast<std::size_t>(kind)]; }
    std::uint64_t operator[](ErrorKind kind) const {
        return counts_[static_cast<std::size_t>(kind)];
    }
    // By name, for tests and readers of stored results (not the hot path); an unknown name is
    // a bug of the caller: std::out_of_range.
    std::uint64_t& operator[](std::string_view name);

    bool empty() const { return total() == 0; }
    std::uint64_t total() const;
    ErrorCounts& operator+=(const ErrorCounts& other);
    bool operator==(const ErrorCounts&) const = default;

    Iterator begin() const;
    Iterator end() const;

private:
    std::array<std::uint64_t, error_kind_count> counts_{};
};

class ErrorCounts::Iterator {
public:
    using value_type = Entry;
    using difference_type = std::ptrdiff_t;

    Iterator(const ErrorCounts* counts, std::size_t at) : counts_(counts), at_(at) { skip(); }
    Entry operator*() const {
        return {to_string(static_cast<ErrorKind>(at_)), counts_->counts_[at_]};
    }
    Iterator& operator++() {
        ++at_;
        skip();
        return *this;
    }
    bool operator==(const Iterator& other) const { return at_ == other.at_; }

private:
    void skip() {
        while (at_ < error_kind_count && counts_->counts_[at_] == 0) {
            ++at_;
        }
    }
    const ErrorCounts* counts_;
    std::size_t at_;
};

inline ErrorCounts::Iterator ErrorCounts::begin() const {
    return {this, 0};
}
inline ErrorCounts::Iterator ErrorCounts::end() const {
    return {this, error_kind_count};
}

struct StepLoadStats {
    std::string name;
    std::uint64_t runs = 0;     // times the step was played (request sent or could not be built)
    std::uint64_t not_run = 0;  // skipped: an earlier step ended the journey
    std::uint64_t failed = 0;   // verdict FAIL (a check, an extract or an error)
    std::uint64_t requests = 0; // HTTP exchanges, redirect hops included
    ErrorCounts errors;         // steps without a usable answer, by kind
    std::map<int, std::uint64_t> statuses; // final status -> count
    std::uint64_t checks = 0;
    std::uint64_t checks_failed = 0; // FAIL or WARN, extract failures included
    LatencyHistogram latency;        // the step's own time (answers and errors alike)
};

// One check (or extract) that failed at least once, with how often and the first message.
struct FailedCheck {
    std::string step;
    std::string description;
    std::vector<std::string> clauses;
    std::string check_id;
    SourceLocation where;
    bool warning = false; // a SHOULD check (WARN)
    std::uint64_t count = 0;
    std::string example; // the first failure's message, redacted
};

struct JourneyLoadStats {
    std::string name;
    std::string file;
    double weight = 1;
    std::uint64_t started = 0;   // played its first step
    std::uint64_t completed = 0; // ended (errors included) or could not get an account
    std::uint64_t passed = 0;    // no FAIL and no error
    std::uint64_t failed = 0;    // a check FAILed, no error
    std::uint64_t errored = 0;   // ended by an error: no answer, bad request, no free account
    ErrorCounts errors;          // errored journeys by kind
    std::uint64_t checks = 0;
    std::uint64_t checks_failed = 0;
    LatencyHistogram latency; // see the header comment
    LatencyHistogram service;
    std::vector<StepLoadStats> steps; // in journey order
    std::vector<FailedCheck> failed_checks;
};

struct LoadTotals {
    std::uint64_t scheduled = 0; // open model: arrivals due
    std::uint64_t started = 0;
    std::uint64_t completed = 0;
    std::uint64_t passed = 0;
    std::uint64_t failed = 0;
    std::uint64_t errored = 0;
    std::uint64_t late = 0;       // open: started later than late_after_ms after schedule
    std::uint64_t dropped = 0;    // open: could not start within drop_after_ms
    std::uint64_t unfinished = 0; // in flight when the run was cut short
    std::uint64_t requests = 0;
    std::uint64_t checks = 0;
    std::uint64_t checks_failed = 0;
    std::uint64_t max_active = 0;     // most journeys in flight at once (sum of workers' peaks)
    std::uint64_t tls_handshakes = 0; // TLS connections made
    std::uint64_t tls_resumed = 0;    // of which resumed an earlier session
    ErrorCounts errors;
    LatencyHistogram latency;     // every journey
    LatencyHistogram service;     // every journey
    LatencyHistogram start_delay; // open: actual start - scheduled start
};

// One second of the run (second 0 starts with the run).
struct TimelineSecond {
    std::int64_t second = 0;
    std::uint64_t scheduled = 0;
    std::uint64_t started = 0;
    std::uint64_t completed = 0;
    std::uint64_t errors = 0; // journeys ended by an error in this second
    std::uint64_t checks_failed = 0;
    std::uint64_t late = 0;
    std::uint64_t dropped = 0;
    std::uint64_t active = 0; // journeys in flight when the second ended
    LatencyHistogram latency; // journeys completed in this second
};

struct ThresholdVerdict {
    std::string expression; // as given, e.g. `step[login].p99<2s`
    bool passed = true;
    std::string actual;  // e.g. "612.4 ms", "0.03% (3 of 9 812)"
    std::string message; // why it failed or could not be evaluated; empty when passed
};

struct LoadRunResult {
    static constexpr int schema = 1;
    std::string tool_version;
    std::string target; // "embedded mock" or the base URLs
    std::string asurso_base;
    std::string esia_base;
    std::string started_at; // RFC 3339, UTC
    std::string finished_at;
    double elapsed_s = 0;
    bool interrupted = false; // stopped by Ctrl-C or SIGTERM: a partial result
    std::string stop_reason;  // "duration reached", "interrupted (SIGINT)", ...
    LoadConfig config;
    LoadTotals totals;
    std::vector<JourneyLoadStats> journeys; // in mix order
    std::vector<TimelineSecond> timeline;   // consecutive seconds from 0
    std::vector<ThresholdVerdict> thresholds;
    std::vector<std::string> notes; // what the user should know: limits hit, lateness, ...
};

// The live view behind the progress line, taken once a second while a run goes on.
struct LoadProgress {
    double elapsed_s = 0;
    double planned_s = 0; // 0 when unknown (iterations)
    std::uint64_t started = 0;
    std::uint64_t completed = 0;
    std::uint64_t errored = 0;
    std::uint64_t checks_failed = 0;
    std::uint64_t late = 0;
    std::uint64_t dropped = 0;
    std::uint64_t active = 0; // journeys in flight
    std::uint64_t users = 0;  // virtual users alive (in a journey or thinking / idle)
    double rate_per_s = 0;    // journeys completed in the last whole second
    double p95_us = 0;        // journey latency over the last whole second
    bool stopping = false;    // past the end or interrupted, waiting for journeys in flight
};

const char* to_string(LoadModel model);

// Merging results of workers or generators: counts add, histograms merge, steps and failed
// checks match by position and (step, description), timelines by second.
void merge(StepLoadStats& into, const StepLoadStats& from);
void merge(JourneyLoadStats& into, const JourneyLoadStats& from);
void merge(LoadTotals& into, const LoadTotals& from);
void merge(std::vector<TimelineSecond>& into, const std::vector<TimelineSecond>& from);
void merge(ErrorCounts& into, const ErrorCounts& from);

// Fraction helpers the reports and thresholds share (0 when the denominator is 0).
double error_rate(const LoadTotals& totals);
double check_failure_rate(const LoadTotals& totals);

} // namespace logintest::harness::model
