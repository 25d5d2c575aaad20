// Subject lookup (see subject.hpp): the dispatch, and the subjects read straight off the
// answer (status, header, redirect chain, final URL, elapsed time, variables).
#include "harness/checks/subject.hpp"

#include "harness/http/url.hpp"
#include "harness/redaction/redaction.hpp"

#include "support/text/strings.hpp"

#include <charconv>
#include <cmath>

namespace logintest::harness::checks {
namespace {

using model::CheckSubject;

// The header of the final answer, or of hop `lookup.hop`.
Subject header_subject(const Lookup& lookup, const http::FetchResult& fetch) {
    Subject s;
    const auto hops = fetch.exchanges.size();
    if (lookup.hop && static_cast<std::size_t>(*lookup.hop) >= hops) {
        s.missing = "the step has no hop " + std::to_string(*lookup.hop) + " (it made " +
                    std::to_string(hops) + ")";
        return s;
    }
    const http::Response& answer =
        lookup.hop ? fetch.exchanges[static_cast<std::size_t>(*lookup.hop)].response
                   : fetch.final_response();
    if (const auto value = answer.header(lookup.path)) {
        s.refer(*value);
        s.number = parse_number(*value);
    } else {
        s.missing =
            lookup.hop ? "hop " + std::to_string(*lookup.hop) + " has no " + lookup.path + " header"
                       : "the answer has no " + lookup.path + " header";
    }
    return s;
}

// chain.status, chain.hosts, chain.paths: one word per hop, space-separated.
std::string chain_text(CheckSubject subject, const http::FetchResult& fetch) {
    std::string out;
    for (const auto& exchange : fetch.exchanges) {
        if (!out.empty()) {
            out += ' ';
        }
        if (subject == CheckSubject::chain_status) {
            out += std::to_string(exchange.response.status);
        } else if (const auto parts = http::parse_url(exchange.request.url)) {
            out += subject == CheckSubject::chain_hosts ? parts->host : parts->path;
        } else {
            out += "?";
        }
    }
    return out;
}

Subject variable_subject(const Lookup& lookup, const StepView& step) {
    Subject s;
    if (step.vars == nullptr) {
        s.error = "no variables to read";
        return s;
    }
    const auto it = step.vars->find(lookup.path);
    if (it == step.vars->end()) {
        s.missing = "the variable is not defined (an earlier step could not set it)";
    } else {
        s.refer(it->second);
        s.number = parse_number(it->second);
    }
    return s;
}

// The subjects about the final answer as a whole.
Subject answer_subject(const Lookup& lookup, const StepView& step) {
    const http::FetchResult& fetch = step.fetch;
    Subject s;
    switch (lookup.subject) {
    case CheckSubject::status:
        s.own(std::to_string(fetch.final_response().status));
        s.number = fetch.final_response().status;
        break;
    case CheckSubject::final_url:
        s.refer(fetch.final_url);
        break;
    case CheckSubject::final_path:
        if (const auto& parts = step.parses.final_url(fetch.final_url)) {
            s.refer(parts->path);
        } else {
            s.missing = "the final URL is not an absolute http(s) URL";
        }
        break;
    case CheckSubject::elapsed_ms:
        s.number = step.elapsed_ms;
        s.own(std::to_string(static_cast<long long>(std::llround(step.elapsed_ms))));
        break;
    default:
        s.own(chain_text(lookup.subject, fetch));
        break;
    }
    return s;
}

} // namespace

std::optional<double> parse_number(std::string_view s) {
    s = support::trim(s);
    if (s.empty()) {
        return std::nullopt;
    }
    double value = 0;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || ptr != s.data() + s.size()) {
        return std::nullopt;
    }
    return value;
}

Lookup lookup_of(const model::Check& check, const std::string* of) {
    return Lookup{check.subject,          check.path, check.hop,
                  check.cookie_attribute, of,         check.of ? &check.of->text : nullptr};
}

model::CheckSubject subject_of(model::ExtractSource source) {
    switch (source) {
    case model::ExtractSource::json:
        return CheckSubject::json;
    case model::ExtractSource::header:
        return CheckSubject::header;
    case model::ExtractSource::cookie:
        return CheckSubject::jar_cookie;
    case model::ExtractSource::final_query:
        return CheckSubject::final_query;
    case model::ExtractSource::location_query:
        return CheckSubject::location_query;
    case model::ExtractSource::xpath:
        return CheckSubject::xpath;
    case model::ExtractSource::regex:
    case model::ExtractSource::form:
        break;
    }
    return CheckSubject::body;
}

Subject find_subject(const Lookup& lookup, const StepView& step) {
    switch (lookup.subject) {
    case CheckSubject::json:
    case CheckSubject::xpath:
    case CheckSubject::body:
        return body_subject(lookup, step);
    case CheckSubject::cookie_set:
    case CheckSubject::cookie_absent:
    case CheckSubject::jar_cookie:
        return cookie_subject(lookup, step);
    case CheckSubject::redirect_host:
    case CheckSubject::redirect_path:
    case CheckSubject::location_query:
    case CheckSubject::final_query:
        return location_subject(lookup, step);
    case CheckSubject::header:
        return header_subject(lookup, step.fetch);
    case CheckSubject::variable:
        return variable_subject(lookup, step);
    case CheckSubject::status:
    case CheckSubject::final_url:
    case CheckSubject::final_path:
    case CheckSubject::elapsed_ms:
    case CheckSubject::chain_status:
    case CheckSubject::chain_hosts:
    case CheckSubject::chain_paths:
        return answer_subject(lookup, step);
    }
    Subject s;
    s.error = "unknown subject";
    return s;
}

} // namespace logintest::harness::checks
