// The journey runner: plays one model::Journey for one virtual user, step by step, on the
// calling coroutine's executor. What the target does (refused connections, timeouts, failed
// checks) is data; the runner never throws for it. A transport error or a step that cannot be
// built ends the journey: the remaining steps are "not run". Secrets (account passwords,
// values of secret variables) are scrubbed from every recorded text. Per step: the <set>s
// before it, then the request in its session (`main` or a named extra virtual browser made on
// first use; `cookies="none"` runs it with an empty, discarded jar), then extracts and checks.
// Against a target that is not a mock, mock-only sets, steps and checks are SKIP.
//
// One path serves two callers. Both play the journey and report each step to a StepObserver:
// `load` (play_journey) keeps the virtual user's Session across journeys, binds leased
// accounts, and counts the events (no result strings are built on that path, only a
// JourneySummary; a failed check's text is built only when the observer asks for it);
// `check` (run_journey) plays with a JourneyRecorder (journey_recorder.hpp), the observer
// that asks every step for its texts (StepRecord) and builds the model::JourneyResult.
// Files: journey_state (variables, guards, sets), step_request (the request of a step),
// step_judge (extracts and checks), step_run (one journey run and one step of it, the
// StepRecord), step_results (the recorded texts), journey_recorder, mock_reset, and this
// header's entry points (journey_runner.cpp).
#pragma once

#include "harness/engine/accounts.hpp"
#include "harness/http/client.hpp"
#include "harness/model/result.hpp"
#include "harness/model/scenario.hpp"

#include <boost/asio/awaitable.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace logintest::harness::engine {

// The host of a base URL (`asurso.host`, `esia.host`), parsed when the RunContext is made:
// once per run, not per journey (a load run starts thousands of journeys a second).
class BaseHost {
public:
    explicit BaseHost(const std::string& base);
    // The host of `base`: the one parsed at construction when `base` is still the base it was
    // made from, else parsed now (a context whose base was changed after it was made).
    std::optional<std::string> host_of(const std::string& base) const;

private:
    std::string base_;
    std::optional<std::string> host_;
};

// What every journey of a run shares: where the target is and whom to log in as. Read-only
// while journeys run (shared by the load engine's worker threads).
struct RunContext {
    std::string asurso_base; // public base URLs, no trailing slash
    std::string esia_base;
    const Accounts& accounts;
    const http::ClientContext& client;
    // The target is a mock (the embedded one, or a target file with "mock": true): steps,
    // sets and checks marked mock-only run, and run_journey resets both hosts (POST
    // /mock/reset, MOCK-CP-3) before each journey. False for a real deployment: mock-only
    // parts are SKIP ("needs the mock") and nothing is reset. play_journey never resets.
    bool mock = true;
    // Seed of the `<choose>` picks (`--seed`); unset = a random seed per journey run.
    std::optional<std::uint64_t> seed;
    // Parsed from the bases above when the context is made (members are initialised in order).
    BaseHost asurso_host{asurso_base};
    BaseHost esia_host{esia_base};
};

// Names the engine defines before the first step (for the loader's undefined-variable check).
std::vector<std::string> predefined_variables();

// `check`: one journey with a fresh virtual user, fully recorded. Against a mock, both hosts
// are reset first; a failed reset is recorded as a step `mock-reset` without an answer (an
// infrastructure error) and the journey's steps are not run.
// `leased`: accounts leased for journey.accounts, in order; empty = bind by login (pool and
// kind uses then get their first account). `row`: the leased row of the journey's <feeder>;
// null = its first row (a single run).
boost::asio::awaitable<model::JourneyResult>
run_journey(const model::Journey& journey, const RunContext& context,
            std::span<const Account* const> leased = {},
            const std::vector<std::string>* row = nullptr);

class StepRecord;

// One played step as the load engine sees it.
struct StepEvent {
    std::size_t step = 0; // index into journey.steps
    model::Outcome outcome = model::Outcome::ok;
    int error_value = 0;             // errno-like value of a transport error, else 0
    int status = 0;                  // final status, 0 without an answer
    double elapsed_ms = 0;           // the step's own time
    std::uint32_t requests = 0;      // exchanges, redirect hops included
    std::uint32_t checks = 0;        // checks and extracts evaluated
    std::uint32_t checks_failed = 0; // of which FAIL or WARN
    model::Verdict verdict = model::Verdict::pass;
    // The step's texts, built only when asked (step_record.hpp); valid during on_step only.
    const StepRecord* record = nullptr;
};

// Why a check or an extract of a step failed, built on demand (the slow path).
class FailureDetail {
public:
    virtual ~FailureDetail() = default;
    virtual model::CheckResult describe() const = 0; // redacted
};

class StepObserver {
public:
    virtual ~StepObserver() = default;
    // A check (index < step.checks.size()) or an extract (index = checks.size() + extract
    // index) FAILed or WARNed; call detail.describe() only when the text is wanted.
    virtual void on_check_failed(std::size_t step, std::size_t index, bool warning,
                                 const FailureDetail& detail) = 0;
    // The step ended (also for steps not run: outcome not_run, verdict skip).
    virtual void on_step(const StepEvent& event) = 0;
};

// How the load engine plays a journey.
struct PlayOptions {
    http::Session* session = nullptr; // the virtual user's session (kept across journeys)
    // Accounts leased for journey.accounts, in order; empty = bind by login (pool uses then
    // get the pool's first account).
    std::span<const Account* const> accounts;
    // The leased row of the journey's <feeder> (engine/feeder_rows.hpp); a journey with a
    // feeder and no row is a setup error.
    const std::vector<std::string>* row = nullptr;
    StepObserver* observer = nullptr;
};

// The outcome of one played journey, without texts.
struct JourneySummary {
    model::Verdict verdict = model::Verdict::pass;
    model::Outcome error = model::Outcome::ok; // first step without a usable answer
    int error_value = 0;                       // its errno-like value
    bool setup_error = false; // an account or <var> could not be bound: nothing was sent
    std::uint32_t requests = 0;
    std::uint32_t checks = 0;
    std::uint32_t checks_failed = 0;
    double elapsed_ms = 0;
};

boost::asio::awaitable<JourneySummary>
play_journey(const model::Journey& journey, const RunContext& context, const PlayOptions& options);

} // namespace logintest::harness::engine
