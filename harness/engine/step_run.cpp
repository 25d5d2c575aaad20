// One journey run and one step of it (see step_run.hpp).
#include "harness/engine/step_run.hpp"

#include "harness/engine/secret_learning.hpp"
#include "harness/engine/step_judge.hpp"
#include "harness/engine/step_request.hpp"
#include "harness/engine/step_results.hpp"

#include <fmt/format.h>

namespace logintest::harness::engine {

using model::Verdict;

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

JourneyRun::JourneyRun(const model::Journey& journey_, const RunContext& context_,
                       http::Session& session, StepObserver& observer_,
                       boost::asio::any_io_executor executor)
    : journey(journey_), context(context_), observer(observer_), session_(session),
      executor_(std::move(executor)) {}

void JourneyRun::start(std::span<const Account* const> leased, const std::vector<std::string>* row,
                       const std::string& blocked) {
    state.picks = pick_options(journey, context.seed);
    stop_reason = blocked.empty() ? bind_journey(journey, context, leased, row, state) : blocked;
    summary.setup_error = !stop_reason.empty() && blocked.empty();
}

bool JourneyRun::passes_over(const model::Step& step) {
    if (step.guards.empty() || !stop_reason.empty() || guards_hold(step.guards, state)) {
        return false;
    }
    if (auto set_error = apply_sets(step, context.mock, state)) {
        stop_reason = set_error->message;
    }
    return true;
}

http::Session& JourneyRun::session_for(const model::Step& step) {
    if (step.session == model::main_session) {
        return session_;
    }
    auto& extra = state.sessions[step.session];
    if (!extra) {
        extra = std::make_unique<http::Session>(executor_, context.client);
    }
    return *extra;
}

void JourneyRun::finish(StepRun& step) {
    StepEvent& event = step.event;
    event.step = step.index;
    switch (step.kind) {
    case StepRun::Kind::not_run:
    case StepRun::Kind::needs_mock:
        event.outcome = model::Outcome::not_run;
        event.verdict = Verdict::skip;
        break;
    case StepRun::Kind::build_error:
        event.outcome = model::Outcome::request_error;
        event.verdict = step.build_skipped ? Verdict::skip : Verdict::fail;
        if (summary.error == model::Outcome::ok) {
            summary.error = model::Outcome::request_error;
        }
        break;
    case StepRun::Kind::no_answer:
        // The target gave no usable answer: data, not a crash. Nothing to check.
        event.verdict = Verdict::fail;
        if (summary.error == model::Outcome::ok) {
            summary.error = step.fetch.outcome;
            summary.error_value = step.fetch.error_value;
        }
        break;
    case StepRun::Kind::judged:
        summary.checks += event.checks;
        summary.checks_failed += event.checks_failed;
        break;
    }
    summary.requests += event.requests;
    // A step not run because an earlier one ended the journey does not count again.
    if (step.kind != StepRun::Kind::not_run) {
        summary.verdict = model::worst(summary.verdict, event.verdict);
    }
    event.record = &step;
    observer.on_step(event);
    if (step.kind == StepRun::Kind::build_error) {
        stop_reason = fmt::format("step '{}' could not be built", step.step.name);
    } else if (step.kind == StepRun::Kind::no_answer) {
        stop_reason = fmt::format("step '{}' got no answer ({})", step.step.name,
                                  model::to_string(step.fetch.outcome));
    }
}

JourneySummary JourneyRun::end() {
    if (summary.setup_error) {
        summary.verdict = Verdict::fail;
    }
    summary.elapsed_ms = ms_since(start_);
    return summary;
}

StepRun::StepRun(JourneyRun& journey_, std::size_t index_)
    : journey(journey_), step(journey_.journey.steps[index_]), index(index_) {}

std::optional<http::Request> StepRun::prepare() {
    JourneyState& state = journey.state;
    if (!journey.stop_reason.empty()) {
        kind = Kind::not_run;
        return std::nullopt;
    }
    if (auto set_error = apply_sets(step, journey.context.mock, state)) {
        build_failed(std::move(*set_error));
        return std::nullopt;
    }
    if (step.mock_only && !journey.context.mock) {
        // Not run against a deployment: its extracts become unavailable.
        kind = Kind::needs_mock;
        for (const auto& extract : step.extracts) {
            state.vars.erase(extract.var);
            state.unavailable[extract.var] =
                fmt::format("step '{}' sets only against the mock", step.name);
        }
        return std::nullopt;
    }
    auto built = build_request(step, state);
    if (auto* build_error = std::get_if<BuildError>(&built)) {
        build_failed(std::move(*build_error));
        return std::nullopt;
    }
    return std::move(std::get<http::Request>(built));
}

void StepRun::build_failed(BuildError build_error) {
    kind = Kind::build_error;
    error = std::move(build_error.message);
    build_skipped = build_error.skipped;
}

void StepRun::begin_fetch(http::Session& browser) {
    if (!step.send_cookies) {
        kept_ = std::move(browser.cookies());
        browser.cookies().clear();
    }
    start_ = Clock::now();
}

void StepRun::end_fetch(http::Session& browser) {
    elapsed_ms_ = ms_since(start_);
    if (!step.send_cookies) {
        step_jar_ = std::move(browser.cookies());
        browser.cookies() = std::move(kept_);
    }
    // In place: the view owns the step's parsed body (checks::StepParses), made once per step.
    view_.emplace(fetch, step.send_cookies ? browser.cookies() : step_jar_, elapsed_ms_,
                  &journey.state.vars);
    // Before anything is judged or recorded: every secret the fetch carried is masked from now.
    learn_secrets(*view_, journey.state.scrubber);
    event.outcome = fetch.outcome;
    event.error_value = fetch.error_value;
    event.elapsed_ms = elapsed_ms_;
    event.requests = static_cast<std::uint32_t>(fetch.exchanges.size());
    if (!fetch.exchanges.empty()) {
        event.status = fetch.final_response().status;
    }
    kind = fetch.ok() ? Kind::judged : Kind::no_answer;
    if (kind == Kind::judged) {
        judge(*this);
    }
}

void StepRun::failed(std::size_t check_index, Verdict verdict, const FailureDetail& detail) {
    ++event.checks_failed;
    event.verdict = model::worst(event.verdict, verdict);
    journey.observer.on_check_failed(index, check_index, verdict == Verdict::warn, detail);
}

void StepRun::add_fetch(model::StepResult& result) const {
    result.elapsed_ms = elapsed_ms_;
    result.hops = record_hops(fetch);
    result.status = event.status;
}

model::StepResult StepRun::result(std::vector<model::CheckResult> failed_extracts) const {
    model::StepResult r;
    // A step skipped for needing the mock is recorded under its own name.
    r.name = step.guards.empty() || kind == Kind::needs_mock ? step.name
                                                             : recorded_name(step, journey.journey);
    r.where = step.where;
    r.verdict = event.verdict;
    r.outcome = event.outcome;
    r.checks = std::move(failed_extracts);
    switch (kind) {
    case Kind::not_run: // recorded as it is: the reason names no value
        r.error = journey.stop_reason;
        skip_checks(step, "not run: " + journey.stop_reason, r.checks);
        return r;
    case Kind::needs_mock:
        r.error = needs_the_mock;
        skip_checks(step, needs_the_mock, r.checks);
        return r;
    case Kind::build_error:
        r.error = error;
        skip_checks(step, "the request could not be built: " + error, r.checks);
        break;
    case Kind::no_answer:
        r.error = fetch.error;
        skip_checks(step, fmt::format("no answer ({})", model::to_string(fetch.outcome)), r.checks);
        add_fetch(r);
        break;
    case Kind::judged:
        for (const model::Check& check : step.checks) {
            r.checks.push_back(describe_check(*this, check));
        }
        add_fetch(r);
        break;
    }
    scrub(r, journey.state.scrubber);
    return r;
}

} // namespace logintest::harness::engine
