// Plays a journey step by step (see journey_runner.hpp). Per step: build the request from
// its templates, fetch it, take the extracts, evaluate the checks, record everything.
#include "harness/engine/journey_runner.hpp"

#include "harness/checks/evaluate.hpp"
#include "harness/engine/secret_scrubber.hpp"
#include "harness/http/cookie_jar.hpp"
#include "harness/http/url.hpp"
#include "harness/model/redaction.hpp"
#include "harness/scenario/template.hpp"

#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <fmt/format.h>

#include <chrono>
#include <map>
#include <span>
#include <variant>

namespace logintest::harness::engine {
namespace {

using model::Verdict;
using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Everything one journey run carries from step to step.
struct JourneyState {
    scenario::Variables vars;
    SecretScrubber scrubber;
    // Variables a failed extract left undefined, with the step that should have set them.
    std::map<std::string, std::string> unavailable;
};

// A step that cannot be built: names the first template problem.
struct BuildError {
    std::string message;
    bool skipped = false; // it needs a value an earlier failure left undefined
};

std::optional<std::string> expand_into(const model::Template& tpl, const JourneyState& state,
                                       std::string& out) {
    auto expanded = scenario::expand(tpl, state.vars);
    if (!expanded.ok()) {
        return expanded.error;
    }
    out = std::move(expanded.text);
    return std::nullopt;
}

BuildError explain(const std::string& error, const JourneyState& state) {
    for (const auto& [var, step] : state.unavailable) {
        if (error.find("'" + var + "'") != std::string::npos) {
            return {fmt::format("needs ${{{}}}, which step '{}' could not extract", var, step),
                    true};
        }
    }
    return {error, false};
}

std::variant<http::Request, BuildError> build_request(const model::Step& step,
                                                      const JourneyState& state) {
    http::Request request;
    request.method = step.method;
    std::string text;
    if (auto error = expand_into(step.url, state, request.url)) {
        return explain(*error, state);
    }
    std::vector<std::pair<std::string, std::string>> pairs;
    for (const auto& q : step.query) {
        if (auto error = expand_into(q.value, state, text)) {
            return explain(*error, state);
        }
        pairs.emplace_back(q.name, text);
    }
    if (!pairs.empty()) {
        request.url = http::append_query(request.url, pairs);
    }
    bool has_content_type = false;
    for (const auto& h : step.headers) {
        if (auto error = expand_into(h.value, state, text)) {
            return explain(*error, state);
        }
        has_content_type = has_content_type || h.name == "Content-Type";
        request.headers.push_back({h.name, text});
    }
    if (!step.form.empty()) {
        pairs.clear();
        for (const auto& f : step.form) {
            if (auto error = expand_into(f.value, state, text)) {
                return explain(*error, state);
            }
            pairs.emplace_back(f.name, text);
        }
        request.body = http::form_encode(pairs);
        if (!has_content_type) {
            request.headers.push_back({"Content-Type", "application/x-www-form-urlencoded"});
        }
    } else if (step.body) {
        if (auto error = expand_into(*step.body, state, request.body)) {
            return explain(*error, state);
        }
    }
    return request;
}

std::vector<model::Hop> record_hops(const http::FetchResult& fetch) {
    std::vector<model::Hop> hops;
    for (const auto& exchange : fetch.exchanges) {
        model::Hop hop;
        hop.method = exchange.request.method;
        hop.url = model::redact_url(exchange.request.url);
        hop.status = exchange.response.status;
        if (auto location = exchange.response.header("Location")) {
            hop.location = model::redact_url(*location);
        }
        for (auto set_cookie : exchange.response.headers_named("Set-Cookie")) {
            if (auto cookie = http::parse_set_cookie(set_cookie)) {
                hop.cookies_set.push_back(cookie->name);
            }
        }
        hop.elapsed_ms = exchange.elapsed_ms;
        hops.push_back(std::move(hop));
    }
    return hops;
}

bool is_secret_extract(const model::Extract& extract) {
    if (extract.secret || model::is_secret_name(extract.var)) {
        return true;
    }
    const auto slash = extract.expr.rfind('/');
    const std::string last =
        slash == std::string::npos ? extract.expr : extract.expr.substr(slash + 1);
    return model::is_secret_name(last);
}

// The step's checks reported as SKIP with one reason (no answer to check).
void skip_checks(const model::Step& step, const std::string& reason, model::StepResult& out) {
    for (const auto& check : step.checks) {
        model::CheckResult r;
        r.verdict = Verdict::skip;
        r.description = check.description.empty() ? checks::describe(check, check.expected.text)
                                                  : check.description;
        r.message = reason;
        r.clauses = check.clauses;
        r.check_id = check.check_id;
        r.where = check.where;
        out.checks.push_back(std::move(r));
    }
}

void scrub(model::StepResult& result, const SecretScrubber& scrubber) {
    result.error = scrubber.scrub(std::move(result.error));
    for (auto& hop : result.hops) {
        hop.url = scrubber.scrub(std::move(hop.url));
        hop.location = scrubber.scrub(std::move(hop.location));
    }
    for (auto& c : result.checks) {
        c.description = scrubber.scrub(std::move(c.description));
        c.actual = scrubber.scrub(std::move(c.actual));
        c.message = scrubber.scrub(std::move(c.message));
    }
}

// A failed check's text, built only when an observer asks for it.
template <class Build> class LazyDetail final : public FailureDetail {
public:
    explicit LazyDetail(Build build) : build_(std::move(build)) {}
    model::CheckResult describe() const override { return build_(); }

private:
    Build build_;
};

void scrub(model::CheckResult& c, const SecretScrubber& scrubber) {
    c.description = scrubber.scrub(std::move(c.description));
    c.actual = scrubber.scrub(std::move(c.actual));
    c.message = scrubber.scrub(std::move(c.message));
}

// How many checks (extracts included) a step evaluated and how many did not pass.
struct StepCounts {
    std::uint32_t checks = 0;
    std::uint32_t failed = 0;
    Verdict verdict = Verdict::pass;
};

// Runs extracts and checks on a step's answer. With `record` every result is kept with its
// texts (`check`); without, only verdicts are computed, and the texts of a failure are built
// only if the observer asks (`load`).
StepCounts judge(const model::Step& step, std::size_t step_index, const http::FetchResult& fetch,
                 const http::CookieJar& jar, double elapsed_ms, JourneyState& state,
                 model::StepResult* record, StepObserver* observer) {
    StepCounts counts;
    const checks::StepView view{fetch, jar, elapsed_ms};
    auto failed = [&](std::size_t index, Verdict verdict, const FailureDetail& detail) {
        ++counts.failed;
        counts.verdict = model::worst(counts.verdict, verdict);
        if (observer != nullptr) {
            observer->on_check_failed(step_index, index, verdict == Verdict::warn, detail);
        }
    };
    for (std::size_t i = 0; i < step.extracts.size(); ++i) {
        const model::Extract& extract = step.extracts[i];
        ++counts.checks;
        auto value = checks::extract(extract, view);
        if (!value.ok()) {
            state.vars.erase(extract.var);
            state.unavailable[extract.var] = step.name;
            auto build = [&] {
                model::CheckResult r;
                r.verdict = Verdict::fail;
                r.description = fmt::format("extract ${{{}}}", extract.var);
                r.message = value.error;
                r.where = extract.where;
                if (record == nullptr) {
                    scrub(r, state.scrubber);
                }
                return r;
            };
            if (record != nullptr) {
                record->checks.push_back(build());
            }
            failed(step.checks.size() + i, Verdict::fail, LazyDetail(build));
            continue;
        }
        if (is_secret_extract(extract)) {
            state.scrubber.add(value.value);
        }
        state.unavailable.erase(extract.var);
        state.vars[extract.var] = std::move(value.value);
    }
    std::string expected;
    for (std::size_t i = 0; i < step.checks.size(); ++i) {
        const model::Check& check = step.checks[i];
        ++counts.checks;
        const Verdict bad =
            check.severity == model::Severity::warning ? Verdict::warn : Verdict::fail;
        if (auto error = expand_into(check.expected, state, expected)) {
            auto build = [&] {
                model::CheckResult r;
                r.verdict = bad;
                r.description = checks::describe(check, check.expected.text);
                r.message = "cannot expand the expected value: " + explain(*error, state).message;
                r.clauses = check.clauses;
                r.check_id = check.check_id;
                r.where = check.where;
                if (record == nullptr) {
                    scrub(r, state.scrubber);
                }
                return r;
            };
            if (record != nullptr) {
                record->checks.push_back(build());
            }
            failed(i, bad, LazyDetail(build));
            continue;
        }
        auto build = [&] {
            model::CheckResult r = checks::evaluate(check, expected, view);
            if (record == nullptr) {
                scrub(r, state.scrubber);
            }
            return r;
        };
        Verdict verdict = Verdict::pass;
        if (record != nullptr) {
            record->checks.push_back(build());
            verdict = record->checks.back().verdict;
        } else {
            verdict = checks::verdict_of(check, expected, view);
        }
        if (verdict != Verdict::pass) {
            failed(i, verdict, LazyDetail(build));
        }
    }
    return counts;
}

// Binds the journey's accounts (leased ones when given) and <var>s; an error text when one
// cannot be bound.
std::string set_up(const model::Journey& journey, const RunContext& context,
                   std::span<const Account* const> leased, JourneyState& state) {
    state.vars["asurso"] = context.asurso_base;
    state.vars["esia"] = context.esia_base;
    if (auto parts = http::parse_url(context.asurso_base)) {
        state.vars["asurso.host"] = parts->host;
    }
    if (auto parts = http::parse_url(context.esia_base)) {
        state.vars["esia.host"] = parts->host;
    }
    std::vector<std::string> secrets;
    std::string error;
    if (!leased.empty() && leased.size() == journey.accounts.size()) {
        for (std::size_t i = 0; i < leased.size(); ++i) {
            bind_account(journey.accounts[i], *leased[i], state.vars, secrets);
        }
    } else {
        error = bind_accounts(journey, context.accounts, state.vars, secrets);
    }
    for (const auto& s : secrets) {
        state.scrubber.add(s);
    }
    if (!error.empty()) {
        return error;
    }
    // <var> values in document order: a var may use the ones before it.
    for (const auto& name : journey.variable_order) {
        std::string value;
        if (auto expand_error = expand_into(journey.variables.at(name), state, value)) {
            return fmt::format("<var name=\"{}\">: {}", name, *expand_error);
        }
        state.vars[name] = std::move(value);
    }
    return {};
}

// Plays the journey on `session`. With `record` it fills the full JourneyResult; the observer,
// when given, sees every step either way.
boost::asio::awaitable<JourneySummary> play(const model::Journey& journey,
                                            const RunContext& context, http::Session& session,
                                            std::span<const Account* const> leased,
                                            StepObserver* observer, model::JourneyResult* record) {
    JourneySummary summary;
    const auto journey_start = Clock::now();
    JourneyState state;
    // Once set, the remaining steps are not run.
    std::string stop_reason = set_up(journey, context, leased, state);
    summary.setup_error = !stop_reason.empty();

    for (std::size_t index = 0; index < journey.steps.size(); ++index) {
        const model::Step& step = journey.steps[index];
        model::StepResult step_result;
        model::StepResult* step_record = record != nullptr ? &step_result : nullptr;
        step_result.name = step.name;
        step_result.where = step.where;
        StepEvent event;
        event.step = index;

        if (!stop_reason.empty()) {
            event.outcome = model::Outcome::not_run;
            event.verdict = Verdict::skip;
            if (observer != nullptr) {
                observer->on_step(event);
            }
            if (record != nullptr) {
                step_result.verdict = Verdict::skip;
                step_result.outcome = model::Outcome::not_run;
                step_result.error = stop_reason;
                skip_checks(step, "not run: " + stop_reason, step_result);
                record->steps.push_back(std::move(step_result));
            }
            continue;
        }

        auto built = build_request(step, state);
        if (auto* error = std::get_if<BuildError>(&built)) {
            event.outcome = model::Outcome::request_error;
            event.verdict = error->skipped ? Verdict::skip : Verdict::fail;
            if (summary.error == model::Outcome::ok) {
                summary.error = model::Outcome::request_error;
            }
            summary.verdict = model::worst(summary.verdict, event.verdict);
            if (observer != nullptr) {
                observer->on_step(event);
            }
            if (record != nullptr) {
                step_result.outcome = model::Outcome::request_error;
                step_result.verdict = event.verdict;
                step_result.error = error->message;
                skip_checks(step, "the request could not be built: " + error->message, step_result);
                scrub(step_result, state.scrubber);
                record->verdict = model::worst(record->verdict, step_result.verdict);
                record->steps.push_back(std::move(step_result));
            }
            stop_reason = fmt::format("step '{}' could not be built", step.name);
            continue;
        }

        const auto step_start = Clock::now();
        const http::FetchResult fetch = co_await session.fetch(
            std::move(std::get<http::Request>(built)), step.follow == model::Follow::all);
        const double elapsed_ms = ms_since(step_start);
        event.outcome = fetch.outcome;
        event.error_value = fetch.error_value;
        event.elapsed_ms = elapsed_ms;
        event.requests = static_cast<std::uint32_t>(fetch.exchanges.size());
        if (!fetch.exchanges.empty()) {
            event.status = fetch.final_response().status;
        }
        summary.requests += event.requests;

        if (!fetch.ok()) {
            // The target gave no usable answer: data, not a crash. Nothing to check.
            event.verdict = Verdict::fail;
            if (summary.error == model::Outcome::ok) {
                summary.error = fetch.outcome;
                summary.error_value = fetch.error_value;
            }
            if (record != nullptr) {
                step_result.error = fetch.error;
                skip_checks(step, fmt::format("no answer ({})", model::to_string(fetch.outcome)),
                            step_result);
            }
            stop_reason = fmt::format("step '{}' got no answer ({})", step.name,
                                      model::to_string(fetch.outcome));
        } else {
            const StepCounts counts = judge(step, index, fetch, session.cookies(), elapsed_ms,
                                            state, step_record, observer);
            event.checks = counts.checks;
            event.checks_failed = counts.failed;
            event.verdict = counts.verdict;
            summary.checks += counts.checks;
            summary.checks_failed += counts.failed;
        }
        summary.verdict = model::worst(summary.verdict, event.verdict);
        if (observer != nullptr) {
            observer->on_step(event);
        }
        if (record != nullptr) {
            step_result.elapsed_ms = elapsed_ms;
            step_result.outcome = fetch.outcome;
            step_result.hops = record_hops(fetch);
            step_result.status = event.status;
            step_result.verdict = event.verdict;
            scrub(step_result, state.scrubber);
            record->verdict = model::worst(record->verdict, step_result.verdict);
            record->steps.push_back(std::move(step_result));
        }
    }
    if (summary.setup_error) {
        summary.verdict = Verdict::fail;
    }
    summary.elapsed_ms = ms_since(journey_start);
    if (record != nullptr) {
        if (summary.setup_error) {
            record->verdict = Verdict::fail;
        }
        record->elapsed_ms = summary.elapsed_ms;
    }
    co_return summary;
}

} // namespace

std::vector<std::string> predefined_variables() {
    return {"asurso", "esia", "asurso.host", "esia.host"};
}

boost::asio::awaitable<model::JourneyResult> run_journey(const model::Journey& journey,
                                                         const RunContext& context) {
    model::JourneyResult result;
    result.name = journey.name;
    result.spec = journey.spec;
    result.file = journey.file;
    http::Session session(co_await boost::asio::this_coro::executor, context.client);
    co_await play(journey, context, session, {}, nullptr, &result);
    co_return result;
}

boost::asio::awaitable<JourneySummary>
play_journey(const model::Journey& journey, const RunContext& context, const PlayOptions& options) {
    if (options.session != nullptr) {
        co_return co_await play(journey, context, *options.session, options.accounts,
                                options.observer, nullptr);
    }
    http::Session session(co_await boost::asio::this_coro::executor, context.client);
    co_return co_await play(journey, context, session, options.accounts, options.observer, nullptr);
}

} // namespace logintest::harness::engine
