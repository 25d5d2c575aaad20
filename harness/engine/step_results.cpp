// The recorded texts of a step (see step_results.hpp).
#include "harness/engine/step_results.hpp"

#include "harness/checks/evaluate.hpp"
#include "harness/http/cookie_jar.hpp"
#include "harness/redaction/redaction.hpp"

#include <fmt/format.h>

namespace logintest::harness::engine {

model::CheckResult check_result(const model::Check& check, model::Verdict verdict,
                                std::string message, Described described) {
    model::CheckResult r;
    r.verdict = verdict;
    r.description = described == Described::generated || check.description.empty()
                        ? checks::describe(check, check.expected.text)
                        : check.description;
    r.message = std::move(message);
    r.clauses = check.clauses;
    r.check_id = check.check_id;
    r.where = check.where;
    return r;
}

model::CheckResult extract_failure(const model::Extract& extract, std::string message) {
    model::CheckResult r;
    r.verdict = model::Verdict::fail;
    r.description = fmt::format("extract ${{{}}}", extract.var);
    r.message = std::move(message);
    r.where = extract.where;
    return r;
}

void skip_checks(const model::Step& step, const std::string& reason,
                 std::vector<model::CheckResult>& out) {
    for (const auto& check : step.checks) {
        out.push_back(check_result(check, model::Verdict::skip, reason));
    }
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

void scrub(model::CheckResult& result, const SecretScrubber& scrubber) {
    result.description = scrubber.scrub(std::move(result.description));
    result.actual = scrubber.scrub(std::move(result.actual));
    result.message = scrubber.scrub(std::move(result.message));
}

void scrub(model::StepResult& result, const SecretScrubber& scrubber) {
    result.error = scrubber.scrub(std::move(result.error));
    for (auto& hop : result.hops) {
        hop.url = scrubber.scrub(std::move(hop.url));
        hop.location = scrubber.scrub(std::move(hop.location));
        for (auto& name : hop.cookies_set) {
            name = scrubber.scrub(std::move(name));
        }
    }
    for (auto& c : result.checks) {
        scrub(c, scrubber);
    }
}

} // namespace logintest::harness::engine
