// Secret values learnt from each fetch (see secret_learning.hpp).
#include "harness/engine/secret_learning.hpp"

#include "harness/http/cookie_jar.hpp"
#include "harness/redaction/redaction.hpp"
#include "support/url/percent.hpp"

#include <boost/algorithm/string/predicate.hpp>
#include <boost/json.hpp>

namespace logintest::harness::engine {
namespace {

namespace json = boost::json;

constexpr std::size_t max_json_body = 1 << 20; // bodies parsed for secrets at most

// A value as sent and as decoded: both may appear in a later text.
void add_value(std::string_view value, SecretScrubber& scrubber) {
    scrubber.add(std::string(value));
    if (auto decoded = support::percent_decode(value, true)) {
        scrubber.add(*decoded);
    }
}

// "a=1&b=2" (a query or a form body) or "a=1; b=2" (a Cookie header): secret-named values,
// or every value with `every`.
void learn_pairs(std::string_view text, char separator, bool every, SecretScrubber& scrubber) {
    while (!text.empty()) {
        const auto end = text.find(separator);
        std::string_view pair = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        while (!pair.empty() && pair.front() == ' ') {
            pair.remove_prefix(1);
        }
        const auto eq = pair.find('=');
        if (eq != std::string_view::npos &&
            (every || redaction::is_secret_name(pair.substr(0, eq)))) {
            add_value(pair.substr(eq + 1), scrubber);
        }
    }
}

void learn_url(std::string_view url, SecretScrubber& scrubber) {
    const auto q = url.find('?');
    if (q == std::string_view::npos) {
        return;
    }
    std::string_view query = url.substr(q + 1);
    query = query.substr(0, query.find('#'));
    learn_pairs(query, '&', false, scrubber);
}

void learn_json(const json::value& v, bool secret, SecretScrubber& scrubber) {
    switch (v.kind()) {
    case json::kind::string:
        if (secret) {
            scrubber.add(std::string(v.get_string()));
        } else {
            learn_url(v.get_string(), scrubber);
        }
        break;
    case json::kind::object:
        for (const auto& member : v.get_object()) {
            learn_json(member.value(), secret || redaction::is_secret_name(member.key()), scrubber);
        }
        break;
    case json::kind::array:
        for (const auto& item : v.get_array()) {
            learn_json(item, secret, scrubber);
        }
        break;
    default:
        break;
    }
}

// A JSON body (parsed by the caller) or a form body.
void learn_body(std::string_view body, const json::value* parsed, SecretScrubber& scrubber) {
    if (parsed != nullptr) {
        learn_json(*parsed, false, scrubber);
        return;
    }
    const auto first = body.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos || body.size() > max_json_body) {
        return;
    }
    if (body[first] == '{' || body[first] == '[') {
        std::error_code ec;
        const json::value v = json::parse(body, ec);
        if (!ec) {
            learn_json(v, false, scrubber);
        }
    } else if (body.find('=') != std::string_view::npos &&
               body.find('<') == std::string_view::npos) {
        learn_pairs(body, '&', false, scrubber); // a form body
    }
}

void learn_request(const http::Request& request, SecretScrubber& scrubber) {
    learn_url(request.url, scrubber);
    learn_body(request.body, nullptr, scrubber);
    for (const auto& h : request.headers) {
        if (boost::algorithm::iequals(h.name, "Cookie")) {
            learn_pairs(h.value, ';', true, scrubber);
        } else if (redaction::is_secret_name(h.name)) { // Authorization: "Bearer <token>"
            scrubber.add(h.value);
            scrubber.add(h.value.substr(h.value.find(' ') + 1));
        }
    }
}

void learn_response(const http::Response& response, const json::value* parsed,
                    SecretScrubber& scrubber) {
    for (auto set_cookie : response.headers_named("Set-Cookie")) {
        if (auto cookie = http::parse_set_cookie(set_cookie)) {
            scrubber.add(cookie->value);
        }
    }
    if (auto location = response.header("Location")) {
        learn_url(*location, scrubber);
    }
    learn_body(response.body, parsed, scrubber);
}

} // namespace

void learn_secrets(const checks::StepView& view, SecretScrubber& scrubber) {
    const auto& exchanges = view.fetch.exchanges;
    for (std::size_t i = 0; i < exchanges.size(); ++i) {
        const http::Exchange& exchange = exchanges[i];
        learn_request(exchange.request, scrubber);
        const json::value* parsed = nullptr;
        if (i + 1 == exchanges.size()) { // the final answer: the step's own parse
            parsed = view.parses.json(exchange.response.body, checks::TextSource::body);
        }
        learn_response(exchange.response, parsed, scrubber);
    }
}

} // namespace logintest::harness::engine
