// Plays a journey step by step (see journey_runner.hpp). Per step: build the request from
// its templates, fetch it, take the extracts, evaluate the checks, record everything.
#include "harness/engine/journey_runner.hpp"

#include "harness/checks/evaluate.hpp"
#include "harness/engine/secret_scrubber.hpp"
#include "harness/http/cookie_jar.hpp"
#include "harness/http/url.hpp"
#include "harness/redaction/redaction.hpp"
#include "harness/scenario/pattern.hpp"
#include "harness/scenario/template.hpp"

#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <fmt/format.h>

#include <chrono>
#include <functional>
#include <map>
#include <random>
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
    // Variables a failed extract or a skipped step left undefined, with why, as the end of
    // "needs ${x}, which ...": "step 'login' could not extract".
    std::map<std::string, std::string> unavailable;
    // The extra virtual browsers of `session="name"` steps, created on first use.
    std::map<std::string, std::unique_ptr<http::Session>> sessions;
    // The option picked for each <choose> of the journey, for this run.
    std::vector<std::size_t> picks;
};

constexpr const char* needs_the_mock = "needs the mock";

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
    for (const auto& [var, why] : state.unavailable) {
        if (error.find("'" + var + "'") != std::string::npos) {
            return {fmt::format("needs ${{{}}}, which {}", var, why), true};
        }
    }
    return {error, false};
}

// Whether every <if>/<option> guard holds now: a condition against the variable's value (an
// undefined variable equals nothing, so only not-equals holds), a choice against the pick.
bool guards_hold(const std::vector<model::Guard>& guards, const JourneyState& state) {
    for (const model::Guard& guard : guards) {
        if (guard.kind == model::Guard::Kind::choice) {
            if (guard.choice >= state.picks.size() || state.picks[guard.choice] != guard.option) {
                return false;
            }
            continue;
        }
        const auto found = state.vars.find(guard.var);
        std::string expected;
        if (expand_into(guard.value, state, expected)) {
            return false; // the value needs a variable that is not there
        }
        bool holds = false;
        if (found != state.vars.end()) {
            const std::string& value = found->second;
            switch (guard.kind) {
            case model::Guard::Kind::equals:
                holds = value == expected;
                break;
            case model::Guard::Kind::not_equals:
                holds = value != expected;
                break;
            case model::Guard::Kind::matches:
                if (std::string error; auto re = scenario::Pattern::compile(expected, error)) {
                    holds = re->search(value).found;
                } else {
                    holds = false;
                }
                break;
            case model::Guard::Kind::choice:
                break;
            }
        } else {
            holds = guard.kind == model::Guard::Kind::not_equals;
        }
        if (!holds) {
            return false;
        }
    }
    return true;
}

// The option picked for each <choose>, by weight, from a PRNG seeded per run.
std::vector<std::size_t> pick_options(const model::Journey& journey,
                                      std::optional<std::uint64_t> seed) {
    std::vector<std::size_t> picks;
    if (journey.choices.empty()) {
        return picks;
    }
    std::mt19937_64 rng(seed ? *seed ^ std::hash<std::string>{}(journey.name)
                             : std::random_device{}());
    for (const model::Choice& choice : journey.choices) {
        std::discrete_distribution<std::size_t> weights(choice.weights.begin(),
                                                        choice.weights.end());
        picks.push_back(weights(rng));
    }
    return picks;
}

// "option2/name" for a step inside the <option>s picked, so the result shows the pick.
std::string recorded_name(const model::Step& step, const model::Journey& journey) {
    std::string prefix;
    for (const model::Guard& guard : step.guards) {
        if (guard.kind == model::Guard::Kind::choice) {
            prefix += journey.choices[guard.choice].labels[guard.option] + "/";
        }
    }
    return prefix + step.name;
}

// Runs the <set>s written before a step (and the parameters of an <include>), in order; a set
// whose <if>/<option> guards do not hold is passed over. Against a real deployment a
// mock-only set leaves its variable unavailable instead.
std::optional<BuildError> apply_sets(const model::Step& step, bool mock, JourneyState& state) {
    for (const auto& set : step.sets) {
        if (!guards_hold(set.guards, state)) {
            continue;
        }
        if (set.mock_only && !mock) {
            state.vars.erase(set.var);
            state.unavailable[set.var] =
                fmt::format("<set var=\"{}\"> sets only against the mock", set.var);
            continue;
        }
        std::string value;
        if (auto error = expand_into(set.value, state, value)) {
            BuildError e = explain(*error, state);
            e.message = fmt::format("<set var=\"{}\">: {}", set.var, e.message);
            return e;
        }
        if (redaction::is_secret_name(set.var)) {
            state.scrubber.add(value);
        }
        state.unavailable.erase(set.var);
        state.vars[set.var] = std::move(value);
    }
    return std::nullopt;
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
        hop.url = redaction::redact_url(exchange.request.url);
        hop.status = exchange.response.status;
        if (auto location = exchange.response.header("Location")) {
            hop.location = redaction::redact_url(*location);
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
    if (extract.secret || redaction::is_secret_name(extract.var)) {
        return true;
    }
    const auto slash = extract.expr.rfind('/');
    const std::string last =
        slash == std::string::npos ? extract.expr : extract.expr.substr(slash + 1);
    return redaction::is_secret_name(last);
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
                 const http::CookieJar& jar, double elapsed_ms, bool mock, JourneyState& state,
                 model::StepResult* record, StepObserver* observer) {
    StepCounts counts;
    const checks::StepView view{fetch, jar, elapsed_ms, &state.vars};
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
        std::string of;
        checks::ExtractResult value;
        if (extract.of) {
            if (auto error = expand_into(*extract.of, state, of)) {
                value.error = "cannot expand of: " + explain(*error, state).message;
            }
        }
        if (value.error.empty()) {
            value = checks::extract(extract, view, extract.of ? &of : nullptr);
        }
        if (!value.ok()) {
            state.vars.erase(extract.var);
            state.unavailable[extract.var] = fmt::format("step '{}' could not extract", step.name);
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
        if (extract.source == model::ExtractSource::form) {
            // One variable per control: `as.<name>`, `as.action`, `as.method`.
            for (auto& [name, field] : value.fields) {
                const std::string var = extract.var + "." + name;
                if (extract.secret || redaction::is_secret_name(var) ||
                    redaction::is_secret_name(name)) {
                    state.scrubber.add(field);
                }
                state.unavailable.erase(var);
                state.vars[var] = std::move(field);
            }
            continue;
        }
        if (is_secret_extract(extract)) {
            state.scrubber.add(value.value);
        }
        state.unavailable.erase(extract.var);
        state.vars[extract.var] = std::move(value.value);
    }
    std::string expected;
    std::string of;
    for (std::size_t i = 0; i < step.checks.size(); ++i) {
        const model::Check& check = step.checks[i];
        if (check.mock_only && !mock) {
            if (record != nullptr) {
                model::CheckResult r;
                r.verdict = Verdict::skip;
                r.description = check.description.empty()
                                    ? checks::describe(check, check.expected.text)
                                    : check.description;
                r.message = needs_the_mock;
                r.clauses = check.clauses;
                r.check_id = check.check_id;
                r.where = check.where;
                record->checks.push_back(std::move(r));
            }
            continue;
        }
        ++counts.checks;
        const Verdict bad =
            check.severity == model::Severity::warning ? Verdict::warn : Verdict::fail;
        auto error = expand_into(check.expected, state, expected);
        if (!error && check.of) {
            error = expand_into(*check.of, state, of);
        }
        if (error) {
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
            model::CheckResult r =
                checks::evaluate(check, expected, view, check.of ? &of : nullptr);
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
            verdict = checks::verdict_of(check, expected, view, check.of ? &of : nullptr);
        }
        if (verdict != Verdict::pass) {
            failed(i, verdict, LazyDetail(build));
        }
    }
    return counts;
}

// The host of a base URL. The same two bases come back for every journey of a run, so the
// last answers are kept per thread (a load run starts thousands of journeys a second).
std::optional<std::string> host_of(const std::string& base) {
    struct Known {
        std::string base;
        std::optional<std::string> host;
    };
    thread_local Known known[2];
    thread_local int next = 0;
    for (const Known& k : known) {
        if (!k.base.empty() && k.base == base) {
            return k.host;
        }
    }
    Known& slot = known[next];
    next = 1 - next;
    slot.base = base;
    slot.host.reset();
    if (auto parts = http::parse_url(base)) {
        slot.host = parts->host;
    }
    return slot.host;
}

// Binds the journey's accounts (leased ones when given) and <var>s; an error text when one
// cannot be bound.
std::string set_up(const model::Journey& journey, const RunContext& context,
                   std::span<const Account* const> leased, const std::vector<std::string>* row,
                   JourneyState& state) {
    state.vars["asurso"] = context.asurso_base;
    state.vars["esia"] = context.esia_base;
    if (auto host = host_of(context.asurso_base)) {
        state.vars["asurso.host"] = *host;
    }
    if (auto host = host_of(context.esia_base)) {
        state.vars["esia.host"] = *host;
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
    // The leased CSV row of the <feeder>: `as.<column>`.
    if (journey.feeder) {
        const model::Feeder& feeder = *journey.feeder;
        if (row == nullptr || row->size() != feeder.columns.size()) {
            return fmt::format("{}:{}: no row of {} was leased for this run", feeder.where.file,
                               feeder.where.line, feeder.file);
        }
        for (std::size_t i = 0; i < feeder.columns.size(); ++i) {
            state.vars[feeder.as + "." + feeder.columns[i]] = (*row)[i];
        }
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

// A step that is not run: its checks SKIP with `reason`, its extracts become unavailable.
void skip_step(const model::Step& step, std::size_t index, const std::string& reason,
               const std::string& why_unavailable, JourneyState& state, JourneySummary& summary,
               StepObserver* observer, model::JourneyResult* record) {
    for (const auto& extract : step.extracts) {
        state.vars.erase(extract.var);
        state.unavailable[extract.var] = why_unavailable;
    }
    StepEvent event;
    event.step = index;
    event.outcome = model::Outcome::not_run;
    event.verdict = Verdict::skip;
    summary.verdict = model::worst(summary.verdict, Verdict::skip);
    if (observer != nullptr) {
        observer->on_step(event);
    }
    if (record != nullptr) {
        model::StepResult result;
        result.name = step.name;
        result.where = step.where;
        result.verdict = Verdict::skip;
        result.outcome = model::Outcome::not_run;
        result.error = reason;
        skip_checks(step, reason, result);
        record->verdict = model::worst(record->verdict, Verdict::skip);
        record->steps.push_back(std::move(result));
    }
}

// The session a step runs in: the virtual user's own, or a named extra one (created here).
http::Session& session_for(const model::Step& step, http::Session& main,
                           const boost::asio::any_io_executor& executor, const RunContext& context,
                           JourneyState& state) {
    if (step.session == model::main_session) {
        return main;
    }
    auto& extra = state.sessions[step.session];
    if (!extra) {
        extra = std::make_unique<http::Session>(executor, context.client);
    }
    return *extra;
}

// Plays the journey on `session`. With `record` it fills the full JourneyResult; the observer,
// when given, sees every step either way. A non-empty `blocked` runs no step (each is "not
// run" with that reason).
boost::asio::awaitable<JourneySummary>
play(const model::Journey& journey, const RunContext& context, http::Session& session,
     std::span<const Account* const> leased, const std::vector<std::string>* row,
     StepObserver* observer, model::JourneyResult* record, const std::string& blocked = {}) {
    JourneySummary summary;
    const auto journey_start = Clock::now();
    JourneyState state;
    const auto executor = co_await boost::asio::this_coro::executor;
    state.picks = pick_options(journey, context.seed);
    // Once set, the remaining steps are not run.
    std::string stop_reason =
        blocked.empty() ? set_up(journey, context, leased, row, state) : blocked;
    summary.setup_error = !stop_reason.empty() && blocked.empty();

    for (std::size_t index = 0; index < journey.steps.size(); ++index) {
        const model::Step& step = journey.steps[index];
        // A step of an <if>/<option> not taken: its sets run (each by its own guards), the
        // step itself is neither sent nor recorded.
        if (!step.guards.empty() && stop_reason.empty() && !guards_hold(step.guards, state)) {
            if (auto set_error = apply_sets(step, context.mock, state)) {
                stop_reason = set_error->message;
            }
            continue;
        }
        model::StepResult step_result;
        model::StepResult* step_record = record != nullptr ? &step_result : nullptr;
        step_result.name = step.guards.empty() ? step.name : recorded_name(step, journey);
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

        std::variant<http::Request, BuildError> built = BuildError{};
        if (auto set_error = apply_sets(step, context.mock, state)) {
            built = std::move(*set_error);
        } else if (step.mock_only && !context.mock) {
            skip_step(step, index, needs_the_mock,
                      fmt::format("step '{}' sets only against the mock", step.name), state,
                      summary, observer, record);
            continue;
        } else {
            built = build_request(step, state);
        }
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

        http::Session& browser = session_for(step, session, executor, context, state);
        // cookies="none": the step runs with an empty jar, thrown away after it.
        http::CookieJar kept;
        if (!step.send_cookies) {
            kept = std::move(browser.cookies());
            browser.cookies().clear();
        }
        const auto step_start = Clock::now();
        const http::FetchResult fetch = co_await browser.fetch(
            std::move(std::get<http::Request>(built)), step.follow == model::Follow::all);
        const double elapsed_ms = ms_since(step_start);
        http::CookieJar step_jar;
        if (!step.send_cookies) {
            step_jar = std::move(browser.cookies());
            browser.cookies() = std::move(kept);
        }
        const http::CookieJar& jar = step.send_cookies ? browser.cookies() : step_jar;
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
            const StepCounts counts = judge(step, index, fetch, jar, elapsed_ms, context.mock,
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

// MOCK-CP-3: `POST /mock/reset` on both hosts, so that no journey depends on the ones before
// it. On failure `step` is filled as a step `mock-reset` without a usable answer.
boost::asio::awaitable<bool> reset_mock(const RunContext& context, model::StepResult& step) {
    http::Session session(co_await boost::asio::this_coro::executor, context.client);
    step.name = "mock-reset";
    for (const std::string* base : {&context.asurso_base, &context.esia_base}) {
        http::Request request;
        request.method = "POST";
        request.url = *base + "/mock/reset";
        request.headers.push_back({"Content-Type", "application/json"});
        request.body = "{}";
        const auto start = Clock::now();
        const http::FetchResult fetch = co_await session.fetch(std::move(request), false);
        step.elapsed_ms += ms_since(start);
        auto hops = record_hops(fetch);
        step.hops.insert(step.hops.end(), hops.begin(), hops.end());
        if (!fetch.ok()) {
            step.outcome = fetch.outcome;
            step.error =
                fmt::format("POST {}/mock/reset: {}", *base,
                            fetch.error.empty() ? model::to_string(fetch.outcome) : fetch.error);
        } else if (fetch.final_response().status != 200) {
            step.outcome = model::Outcome::protocol_error;
            step.status = fetch.final_response().status;
            step.error = fmt::format("POST {}/mock/reset answered {}, expected 200 (MOCK-CP-3): "
                                     "is the target a mock with its control plane on?",
                                     *base, step.status);
        } else {
            step.status = 200;
            continue;
        }
        step.verdict = Verdict::fail;
        co_return false;
    }
    co_return true;
}

} // namespace

std::vector<std::string> predefined_variables() {
    return {"asurso", "esia", "asurso.host", "esia.host"};
}

boost::asio::awaitable<model::JourneyResult> run_journey(const model::Journey& journey,
                                                         const RunContext& context,
                                                         std::span<const Account* const> leased,
                                                         const std::vector<std::string>* row) {
    model::JourneyResult result;
    result.name = journey.name;
    result.spec = journey.spec;
    result.file = journey.file;
    std::string blocked;
    if (context.mock) {
        model::StepResult reset;
        if (!co_await reset_mock(context, reset)) {
            blocked = "the mock could not be reset: " + reset.error;
            result.verdict = Verdict::fail;
            result.steps.push_back(std::move(reset));
        }
    }
    http::Session session(co_await boost::asio::this_coro::executor, context.client);
    // Without a leased row, a single run takes the feeder's first row.
    if (row == nullptr && journey.feeder && !journey.feeder->rows.empty()) {
        row = &journey.feeder->rows.front();
    }
    co_await play(journey, context, session, leased, row, nullptr, &result, blocked);
    if (!blocked.empty()) {
        result.verdict = Verdict::fail;
    }
    co_return result;
}

boost::asio::awaitable<JourneySummary>
play_journey(const model::Journey& journey, const RunContext& context, const PlayOptions& options) {
    if (options.session != nullptr) {
        co_return co_await play(journey, context, *options.session, options.accounts, options.row,
                                options.observer, nullptr);
    }
    http::Session session(co_await boost::asio::this_coro::executor, context.client);
    co_return co_await play(journey, context, session, options.accounts, options.row,
                            options.observer, nullptr);
}

} // namespace logintest::harness::engine
