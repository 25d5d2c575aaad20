// Injected faults (MOCK-FAULT-1..4): one host's fault rules and how they act on a request.
// A rule matches by method ('*' = any) and path (exact, or a prefix when it ends in '*'),
// inside its time window [installed + start_s, + duration_s); the first matching rule is
// chosen, one PRNG draw (seeded with `seed`, MOCK-FAULT-3) decides whether it fires, and a
// rule stops matching after `max_count` firings. Kinds: latency (answer after latency_ms),
// status (answer `status` with {"error":"injected_fault"}, handler not run), reset (abortive
// close without an answer), truncate (full Content-Length, `bytes` bytes of body, close),
// stall (held until the window ends, then answered normally). The host front door
// (host_dispatch) calls apply() for every request outside /mock/. Delays run on the
// Scheduler the server provides, never blocking a server thread.
// Thread-safe: rules, PRNG and counts are guarded by one mutex; one FaultSet per host.
#pragma once

#include "mocks/common/handler.hpp"

#include <boost/json/fwd.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace logintest::mocks::common {

enum class FaultKind { latency, status, reset, truncate, stall };

std::string_view fault_kind_name(FaultKind kind);

struct FaultRule {
    std::string id;           // empty = "rule-<n>" (1-based position) once installed
    std::string method = "*"; // uppercase, or "*"
    std::string path = "*";   // exact, or a prefix when it ends in '*'
    FaultKind kind = FaultKind::latency;
    long long latency_ms = 0;           // latency
    int status = 503;                   // status: 400..599 (the spec's examples are 5xx)
    long long bytes = 0;                // truncate: body bytes sent
    bool after_handler = false;         // reset, truncate: run the handler first
    double start_s = 0;                 // window start after installation
    std::optional<double> duration_s;   // window length; null = open (stall: required)
    double probability = 1.0;           // MOCK-FAULT-3
    std::optional<long long> max_count; // null = no limit

    bool matches(std::string_view method, std::string_view path) const;
};

// The JSON of MOCK-FAULT-1: {"seed":7,"rules":[...]}.
struct FaultConfig {
    std::uint64_t seed = 1;
    std::vector<FaultRule> rules;
};

struct FaultConfigParse {
    std::optional<FaultConfig> config; // set when there were no errors
    std::vector<std::string> errors;   // "<path>: ..." each
};

// Reads the fault JSON found at `path` (for messages: "faults", or "" for a PUT body).
[[nodiscard]] FaultConfigParse parse_fault_config(const boost::json::value& value,
                                                  const std::string& path);
[[nodiscard]] FaultConfigParse parse_fault_config_text(std::string_view json_text,
                                                       const std::string& path = "");
// `kind:method:path[:param=value,...]`, e.g. "latency:POST:/aas/oauth2/v3/te:latency_ms=800"
// or "status:*:/webapi/*:status=502,probability=0.5" (the `--fault` short form).
[[nodiscard]] FaultConfigParse parse_fault_short_form(std::string_view spec);

// What to do with one request.
struct FaultDecision {
    FaultKind kind = FaultKind::latency;
    std::chrono::milliseconds delay{0}; // latency, stall
    int status = 503;
    std::size_t bytes = 0;
    bool after_handler = false;
    std::string rule_id;
};

class FaultSet {
public:
    using Clock = std::chrono::steady_clock;
    // Runs `fn` after `delay` without blocking the caller (the server's timers). If the server
    // stops first, `fn` is destroyed without running (its Responder then answers 500).
    using Scheduler =
        std::function<void(std::chrono::milliseconds delay, std::function<void()> fn)>;
    // The next stage for a request (the host's router).
    using Next = std::function<void(Request& req, Responder respond)>;

    FaultSet() = default;
    FaultSet(const FaultSet&) = delete;
    FaultSet& operator=(const FaultSet&) = delete;

    // Set once before the server starts. Without one, delays block the calling thread
    // (only unit tests that call a host directly run without a server).
    void set_scheduler(Scheduler scheduler);

    // MOCK-FAULT-4: the start rules, installed now and again on reset().
    void set_start(FaultConfig config);
    // MOCK-FAULT-1: PUT /mock/faults; installs the rules now (their windows start now),
    // reseeds the PRNG and zeroes the firing counts.
    void set(FaultConfig config);
    // MOCK-CP-3: back to the start rules.
    void reset();

    // GET /mock/faults: {"seed":..,"rules":[{...,"fired":n}]}.
    std::string to_json() const;
    bool empty() const;

    // Chooses the fault for a request (one PRNG draw when a rule matches), or nullopt.
    std::optional<FaultDecision> decide(std::string_view method, std::string_view path,
                                        Clock::time_point now = Clock::now());

    // Runs the request through `next` with the chosen fault applied, if any.
    void apply(Request& req, Responder respond, const Next& next);

private:
    void install(FaultConfig config);
    void run_after(std::chrono::milliseconds delay, std::function<void()> fn) const;

    mutable std::mutex mutex_;
    FaultConfig start_;
    FaultConfig config_;
    std::vector<long long> fired_;
    Clock::time_point installed_ = Clock::now();
    std::mt19937_64 prng_{1};
    std::atomic<bool> active_{false};
    Scheduler scheduler_;
};

// The body of an injected status answer: {"error":"injected_fault"}.
Response injected_fault_response(int status);

} // namespace logintest::mocks::common
