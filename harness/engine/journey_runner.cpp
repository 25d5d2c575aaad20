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

// Runs extracts and checks on a step's answer.
void judge(const model::Step& step, const http::FetchResult& fetch, const http::CookieJar& jar,
           JourneyState& state, model::StepResult& result) {
    const checks::StepView view{fetch, jar, result.elapsed_ms};
    for (const auto& extract : step.extracts) {
        const auto value = checks::extract(extract, view);
        if (!value.ok()) {
            state.vars.erase(extract.var);
            state.unavailable[extract.var] = step.name;
            model::CheckResult r;
            r.verdict = Verdict::fail;
            r.description = fmt::format("extract ${{{}}}", extract.var);
            r.message = value.error;
            r.where = extract.where;
            result.checks.push_back(std::move(r));
            continue;
        }
        if (is_secret_extract(extract)) {
            state.scrubber.add(value.value);
        }
        state.unavailable.erase(extract.var);
        state.vars[extract.var] = value.value;
    }
    for (const auto& check : step.checks) {
        std::string expected;
        if (auto error = expand_into(check.expected, state, expected)) {
            model::CheckResult r;
            r.verdict = check.severity == model::Severity::warning ? Verdict::warn : Verdict::fail;
            r.description = checks::describe(check, check.expected.text);
            r.message = "cannot expand the expected value: " + explain(*error, state).message;
            r.clauses = check.clauses;
            r.check_id = check.check_id;
            r.where = check.where;
            result.checks.push_back(std::move(r));
            continue;
        }
        result.checks.push_back(checks::evaluate(check, expected, view));
    }
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
    const auto journey_start = Clock::now();

    JourneyState state;
    state.vars["asurso"] = context.asurso_base;
    state.vars["esia"] = context.esia_base;
    if (auto parts = http::parse_url(context.asurso_base)) {
        state.vars["asurso.host"] = parts->host;
    }
    if (auto parts = http::parse_url(context.esia_base)) {
        state.vars["esia.host"] = parts->host;
    }
    std::string stop_reason_from_vars;
    std::vector<std::string> secrets;
    const std::string account_error = bind_accounts(journey, context.accounts, state.vars, secrets);
    for (const auto& s : secrets) {
        state.scrubber.add(s);
    }
    // <var> values in document order: a var may use the ones before it.
    for (const auto& name : journey.variable_order) {
        std::string value;
        if (auto error = expand_into(journey.variables.at(name), state, value)) {
            stop_reason_from_vars = fmt::format("<var name=\"{}\">: {}", name, *error);
            break;
        }
        state.vars[name] = value;
    }

    http::Session session(co_await boost::asio::this_coro::executor, context.client);
    // Once set, the remaining steps are not run.
    std::string stop_reason = !account_error.empty() ? account_error : stop_reason_from_vars;

    for (const auto& step : journey.steps) {
        model::StepResult step_result;
        step_result.name = step.name;
        step_result.where = step.where;

        if (!stop_reason.empty()) {
            step_result.verdict = Verdict::skip;
            step_result.outcome = model::Outcome::not_run;
            step_result.error = stop_reason;
            skip_checks(step, "not run: " + stop_reason, step_result);
            result.steps.push_back(std::move(step_result));
            continue;
        }

        auto built = build_request(step, state);
        if (auto* error = std::get_if<BuildError>(&built)) {
            step_result.outcome = model::Outcome::request_error;
            step_result.verdict = error->skipped ? Verdict::skip : Verdict::fail;
            step_result.error = error->message;
            skip_checks(step, "the request could not be built: " + error->message, step_result);
            stop_reason = fmt::format("step '{}' could not be built", step.name);
            scrub(step_result, state.scrubber);
            result.steps.push_back(std::move(step_result));
            continue;
        }

        const auto step_start = Clock::now();
        const http::FetchResult fetch = co_await session.fetch(
            std::move(std::get<http::Request>(built)), step.follow == model::Follow::all);
        step_result.elapsed_ms = ms_since(step_start);
        step_result.outcome = fetch.outcome;
        step_result.hops = record_hops(fetch);
        if (!fetch.exchanges.empty()) {
            step_result.status = fetch.final_response().status;
        }

        if (!fetch.ok()) {
            // The target gave no usable answer: data, not a crash. Nothing to check.
            step_result.verdict = Verdict::fail;
            step_result.error = fetch.error;
            skip_checks(step, fmt::format("no answer ({})", model::to_string(fetch.outcome)),
                        step_result);
            stop_reason = fmt::format("step '{}' got no answer ({})", step.name,
                                      model::to_string(fetch.outcome));
        } else {
            judge(step, fetch, session.cookies(), state, step_result);
            for (const auto& c : step_result.checks) {
                step_result.verdict = model::worst(step_result.verdict, c.verdict);
            }
        }
        scrub(step_result, state.scrubber);
        result.verdict = model::worst(result.verdict, step_result.verdict);
        result.steps.push_back(std::move(step_result));
    }
    if (!account_error.empty() || !stop_reason_from_vars.empty()) {
        result.verdict = Verdict::fail;
    }
    result.elapsed_ms = ms_since(journey_start);
    co_return result;
}

} // namespace logintest::harness::engine
