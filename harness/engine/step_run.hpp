// The context objects of the runner. JourneyRun is one journey run: its variables, its
// summary, the observer every step is reported to, the virtual browsers, and the reason the
// remaining steps are not run once one ended the journey. StepRun is one step of it, from its
// <set>s to its verdict: the request is prepared, fetched, judged (step_judge.hpp), and the
// step is reported as a StepEvent that carries the StepRun as its StepRecord, so the texts
// are built only for an observer that asks (the JourneyRecorder of `check`). Both live on
// the playing coroutine's frame; nothing here is shared between threads.
#pragma once

#include "harness/checks/evaluate.hpp"
#include "harness/engine/journey_runner.hpp"
#include "harness/engine/journey_state.hpp"
#include "harness/engine/step_record.hpp"

#include <boost/asio/any_io_executor.hpp>

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace logintest::harness::engine {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start);

class StepRun;

class JourneyRun {
public:
    JourneyRun(const model::Journey& journey, const RunContext& context, http::Session& session,
               StepObserver& observer, boost::asio::any_io_executor executor);

    // Picks the <choose> options and binds the variables; a non-empty `blocked` runs no step
    // (each is "not run" with that reason) and binds nothing.
    void start(std::span<const Account* const> leased, const std::vector<std::string>* row,
               const std::string& blocked);
    // A step of an <if>/<option> not taken: its sets run (each by its own guards), the step
    // itself is neither sent nor reported. True when the step is passed over so.
    bool passes_over(const model::Step& step);
    // The session a step runs in: the virtual user's own, or a named extra one (made here).
    http::Session& session_for(const model::Step& step);
    // Counts the step into the summary, ends the journey after a step without an answer or
    // request, and reports the step to the observer.
    void finish(StepRun& step);
    // The summary once the last step is done.
    JourneySummary end();

    const model::Journey& journey;
    const RunContext& context;
    StepObserver& observer;
    JourneyState state;
    JourneySummary summary;
    std::string stop_reason; // once set, the remaining steps are not run

private:
    http::Session& session_;
    boost::asio::any_io_executor executor_;
    Clock::time_point start_ = Clock::now();
};

class StepRun final : public StepRecord {
public:
    // How the step ended.
    enum class Kind { not_run, needs_mock, build_error, no_answer, judged };

    StepRun(JourneyRun& journey, std::size_t index);

    // The <set>s and the request; nullopt when the step ends before a request (not run, needs
    // the mock, or could not be built).
    std::optional<http::Request> prepare();
    // Around the fetch on `browser`: cookies="none" runs with an empty jar, thrown away after;
    // after the fetch the step is judged, or ends without an answer.
    void begin_fetch(http::Session& browser);
    void end_fetch(http::Session& browser);

    // What the checks see of the fetched step: made once, for the judging and the record.
    const checks::StepView& view() const { return *view_; }
    // A check or extract did not pass: counted, and reported with its texts built on demand.
    void failed(std::size_t index, model::Verdict verdict, const FailureDetail& detail);

    model::StepResult result(std::vector<model::CheckResult> failed_extracts) const override;

    JourneyRun& journey;
    const model::Step& step;
    const std::size_t index;
    Kind kind = Kind::not_run;
    StepEvent event;
    std::string error; // why the request could not be built
    bool build_skipped = false;
    http::FetchResult fetch;

private:
    void build_failed(BuildError error);
    void add_fetch(model::StepResult& result) const;

    Clock::time_point start_;
    double elapsed_ms_ = 0;
    http::CookieJar kept_;                 // the session's jar during a cookies="none" step
    http::CookieJar step_jar_;             // the empty jar such a step ran with
    std::optional<checks::StepView> view_; // once fetched
};

} // namespace logintest::harness::engine
