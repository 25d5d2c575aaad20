// Subject lookup in URLs (see subject.hpp): the Location of the first answer that has one (or
// of hop N), resolved against its request URL, with its host, path or a query parameter; and
// a query parameter of the final URL.
#include "harness/checks/subject.hpp"

#include "harness/http/url.hpp"
#include "harness/redaction/redaction.hpp"

namespace logintest::harness::checks {
namespace {

using model::CheckSubject;

// A resolved Location, or why there is none.
struct Location {
    std::string url;
    std::string error;
};

Location resolved(const http::Exchange& exchange, std::string_view location) {
    if (auto url = http::resolve_url(exchange.request.url, location)) {
        return {std::move(*url), ""};
    }
    return {"", "the Location " + redaction::redact_url(location) + " is not a URL"};
}

Location first_location(const http::FetchResult& fetch) {
    for (const auto& exchange : fetch.exchanges) {
        if (const auto location = exchange.response.header("Location")) {
            return resolved(exchange, *location);
        }
    }
    const int status = fetch.exchanges.empty() ? 0 : fetch.exchanges.front().response.status;
    return {"", "the answer (status " + std::to_string(status) + ") has no Location header"};
}

Location hop_location(const http::FetchResult& fetch, int hop) {
    const auto n = static_cast<std::size_t>(hop);
    if (n >= fetch.exchanges.size()) {
        return {"", "the step has no hop " + std::to_string(hop) + " (it made " +
                        std::to_string(fetch.exchanges.size()) + ")"};
    }
    const http::Exchange& exchange = fetch.exchanges[n];
    if (const auto location = exchange.response.header("Location")) {
        return resolved(exchange, *location);
    }
    return {"", "hop " + std::to_string(hop) + " (status " +
                    std::to_string(exchange.response.status) + ") has no Location header"};
}

// Query parameter `lookup.path` of `url`; `where` names the URL in the message.
Subject query_subject(const Lookup& lookup, const std::string& url, const std::string& where) {
    Subject s;
    if (auto value = http::query_param(url, lookup.path)) {
        s.own(std::move(*value));
        s.number = parse_number(s.text());
    } else {
        s.missing = where + redaction::redact_url(url) + " has no query parameter " + lookup.path;
    }
    return s;
}

Subject redirect_subject(const Lookup& lookup, const Location& location) {
    Subject s;
    const auto parts = http::parse_url(location.url);
    if (!parts) {
        s.missing = "the Location " + redaction::redact_url(location.url) +
                    " is not an absolute http(s) URL";
        return s;
    }
    s.own(lookup.subject == CheckSubject::redirect_host ? parts->host : parts->path);
    return s;
}

} // namespace

Subject location_subject(const Lookup& lookup, const StepView& step) {
    const http::FetchResult& fetch = step.fetch;
    if (lookup.subject == CheckSubject::final_query) {
        return query_subject(lookup, fetch.final_url, "the final URL ");
    }
    const Location location = lookup.hop ? hop_location(fetch, *lookup.hop) : first_location(fetch);
    if (!location.error.empty()) {
        Subject s;
        s.missing = location.error;
        return s;
    }
    if (lookup.subject == CheckSubject::location_query) {
        return query_subject(lookup, location.url, "the Location ");
    }
    return redirect_subject(lookup, location);
}

} // namespace logintest::harness::checks
