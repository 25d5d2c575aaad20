// Checks and extractors over one step's answer: find the subject (status, JSON value, header,
// cookie, redirect target, ...), then apply the operator. Anything that keeps a check from
// being evaluated is a FAIL (or WARN) with the reason; secrets are masked before they reach
// CheckResult.
#include "harness/checks/evaluate.hpp"

#include "harness/scenario/pattern.hpp"

#include "harness/checks/html_document.hpp"
#include "harness/checks/html_form.hpp"
#include "harness/http/url.hpp"
#include "harness/redaction/redaction.hpp"
#include "harness/scenario/check_names.hpp"

#include <boost/algorithm/string/predicate.hpp>
#include <boost/json.hpp>

#include <charconv>
#include <cmath>
#include <memory>
#include <optional>
#include <unordered_map>

namespace logintest::harness::checks {
namespace {

namespace json = boost::json;
using model::CheckOp;
using model::CheckSubject;
using model::Verdict;

constexpr std::size_t max_shown = 200; // characters of a value shown in a verdict

// What a check looks at, once found.
struct Subject {
    std::optional<std::string> text;       // nullopt: the subject is absent
    std::optional<json::value> json_value; // the JSON value, for the json subject
    std::string missing;                   // why it is absent, e.g. "no value at /at"
    std::string error;                     // why the check cannot be evaluated at all
    std::optional<double> number;          // numeric value for less-than, when it has one
};

std::string_view trim(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = s.find_last_not_of(" \t\r\n");
    return s.substr(first, last - first + 1);
}

std::optional<double> parse_number(std::string_view s) {
    s = trim(s);
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

// At most `max_shown` bytes, cut on a UTF-8 character boundary.
std::string shorten(std::string_view s) {
    if (s.size() <= max_shown) {
        return std::string(s);
    }
    std::size_t cut = max_shown;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) {
        --cut;
    }
    return std::string(s.substr(0, cut)) + "… (" + std::to_string(s.size()) + " bytes)";
}

std::string json_kind(const json::value& v) {
    switch (v.kind()) {
    case json::kind::null:
        return "null";
    case json::kind::bool_:
        return "boolean";
    case json::kind::int64:
    case json::kind::uint64:
    case json::kind::double_:
        return "number";
    case json::kind::string:
        return "string";
    case json::kind::array:
        return "array";
    case json::kind::object:
        return "object";
    }
    return "?";
}

// "an integer", "a number", "a string", "an array", ... for type verdicts.
std::string kind_phrase(const json::value& v) {
    if (v.is_int64() || v.is_uint64()) {
        return "an integer";
    }
    if (v.is_null()) {
        return "null";
    }
    const std::string kind = json_kind(v);
    return (kind == "array" || kind == "object" ? "an " : "a ") + kind;
}

// The text a string operator sees: a JSON string's content, a double in its shortest
// round-trip form (0.5, not Boost's 5E-1), any other value serialized.
std::string json_text(const json::value& v) {
    if (v.is_string()) {
        return std::string(v.get_string());
    }
    if (v.is_double()) {
        char buffer[32];
        const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v.get_double());
        if (ec == std::errc()) {
            return std::string(buffer, end);
        }
    }
    return json::serialize(v);
}

// A JSON value as shown in a verdict: strings quoted, numbers as json_text().
std::string json_shown(const json::value& v) {
    return v.is_double() ? json_text(v) : json::serialize(v);
}

// JSON equality where 1, 1.0 and 1u are the same number.
bool json_equal(const json::value& a, const json::value& b) {
    if (a.is_number() && b.is_number()) {
        if (a.is_double() || b.is_double()) {
            return a.to_number<double>() == b.to_number<double>();
        }
        if (a.is_int64() && b.is_int64()) {
            return a.get_int64() == b.get_int64();
        }
        if (a.is_uint64() && b.is_uint64()) {
            return a.get_uint64() == b.get_uint64();
        }
        const json::value& i = a.is_int64() ? a : b;
        const json::value& u = a.is_int64() ? b : a;
        return i.get_int64() >= 0 && static_cast<std::uint64_t>(i.get_int64()) == u.get_uint64();
    }
    if (a.kind() != b.kind()) {
        return false;
    }
    if (a.is_array()) {
        const auto& x = a.get_array();
        const auto& y = b.get_array();
        if (x.size() != y.size()) {
            return false;
        }
        for (std::size_t i = 0; i < x.size(); ++i) {
            if (!json_equal(x[i], y[i])) {
                return false;
            }
        }
        return true;
    }
    if (a.is_object()) {
        const auto& x = a.get_object();
        const auto& y = b.get_object();
        if (x.size() != y.size()) {
            return false;
        }
        for (const auto& [key, value] : x) {
            const auto* other = y.if_contains(key);
            if (other == nullptr || !json_equal(value, *other)) {
                return false;
            }
        }
        return true;
    }
    return a == b;
}

// Every string or number under a secret key replaced by its mask, recursively.
void redact_json(json::value& v) {
    if (v.is_object()) {
        for (auto& [key, child] : v.get_object()) {
            if (redaction::is_secret_name(key) && !child.is_null() && !child.is_structured()) {
                child = redaction::mask(json_text(child));
            } else {
                redact_json(child);
            }
        }
    } else if (v.is_array()) {
        for (auto& child : v.get_array()) {
            redact_json(child);
        }
    }
}

// A body as it may be shown: JSON with secret members masked; anything else as text.
std::string shown_body(std::string_view body) {
    std::error_code ec;
    json::value v = json::parse(body, ec);
    if (ec) {
        return shorten(body);
    }
    redact_json(v);
    return shorten(json::serialize(v));
}

// The checks of one step run back to back on one thread and mostly read the same body, so
// the last body parsed on this thread is kept with its parse, and compiled regexes are kept
// by pattern: a step with fifteen JSON checks parses its body once.
struct JsonParse {
    std::string body;
    bool valid = false; // the cache holds a parse
    bool ok = false;    // the body is JSON
    json::value value;
};

const JsonParse& parse_json_cached(const std::string& body) {
    thread_local JsonParse last;
    if (!last.valid || last.body != body) {
        std::error_code ec;
        last.value = json::parse(body, ec);
        last.ok = !ec;
        if (ec) {
            last.value = nullptr;
        }
        last.body = body;
        last.valid = true;
    }
    return last;
}

const pugi::xml_document& parse_html_cached(const std::string& body) {
    thread_local std::string last_body;
    thread_local std::unique_ptr<pugi::xml_document> last_doc;
    if (!last_doc || last_body != body) {
        last_doc = std::make_unique<pugi::xml_document>(parse_html(body));
        last_body = body;
    }
    return *last_doc;
}

// The compiled regex, or nullptr with `error` set when the pattern is malformed.
const scenario::Pattern* compile_cached(const std::string& pattern, std::string& error) {
    constexpr std::size_t max_cached = 256;
    thread_local std::unordered_map<std::string, scenario::Pattern> cache;
    if (const auto it = cache.find(pattern); it != cache.end()) {
        return &it->second;
    }
    auto compiled = scenario::Pattern::compile(pattern, error);
    if (!compiled) {
        return nullptr;
    }
    if (cache.size() >= max_cached) {
        cache.clear();
    }
    return &cache.emplace(pattern, std::move(*compiled)).first->second;
}

std::string content_type_of(const http::Response& r) {
    const auto ct = r.header("Content-Type");
    return ct ? std::string(*ct) : std::string("no Content-Type");
}

// The last Set-Cookie of this name across every answer of the step, with its raw header.
struct SetCookie {
    http::Cookie cookie;
    std::string raw;
};

std::optional<SetCookie> last_set_cookie(const http::FetchResult& fetch, std::string_view name) {
    std::optional<SetCookie> found;
    for (const auto& exchange : fetch.exchanges) {
        for (const auto raw : exchange.response.headers_named("Set-Cookie")) {
            auto cookie = http::parse_set_cookie(raw);
            if (cookie && cookie->name == name) {
                found = SetCookie{std::move(*cookie), std::string(raw)};
            }
        }
    }
    return found;
}

// The value of attribute `name` in a raw Set-Cookie header, if it carries it.
std::optional<std::string> raw_cookie_attribute(std::string_view raw, std::string_view name) {
    bool first = true;
    while (!raw.empty()) {
        const auto semi = raw.find(';');
        const std::string_view part = trim(raw.substr(0, semi));
        raw = semi == std::string_view::npos ? std::string_view{} : raw.substr(semi + 1);
        if (first) {
            first = false; // the name=value pair
            continue;
        }
        const auto eq = part.find('=');
        if (boost::algorithm::iequals(trim(part.substr(0, eq)), name)) {
            return eq == std::string_view::npos ? std::string()
                                                : std::string(trim(part.substr(eq + 1)));
        }
    }
    return std::nullopt;
}

// The Location of the first answer that has one, resolved against its request URL.
struct Location {
    std::string url;
    std::string error;
};

Location first_location(const http::FetchResult& fetch) {
    for (const auto& exchange : fetch.exchanges) {
        if (const auto location = exchange.response.header("Location")) {
            if (auto resolved = http::resolve_url(exchange.request.url, *location)) {
                return {*resolved, ""};
            }
            return {"", "the Location " + redaction::redact_url(*location) + " is not a URL"};
        }
    }
    const int status = fetch.exchanges.empty() ? 0 : fetch.exchanges.front().response.status;
    return {"", "the answer (status " + std::to_string(status) + ") has no Location header"};
}

// The Location of hop `hop` (0-based) of the chain, resolved against that hop's request URL.
Location hop_location(const http::FetchResult& fetch, int hop) {
    const auto n = static_cast<std::size_t>(hop);
    if (n >= fetch.exchanges.size()) {
        return {"", "the step has no hop " + std::to_string(hop) + " (it made " +
                        std::to_string(fetch.exchanges.size()) + ")"};
    }
    const http::Exchange& exchange = fetch.exchanges[n];
    if (const auto location = exchange.response.header("Location")) {
        if (auto resolved = http::resolve_url(exchange.request.url, *location)) {
            return {*resolved, ""};
        }
        return {"", "the Location " + redaction::redact_url(*location) + " is not a URL"};
    }
    return {"", "hop " + std::to_string(hop) + " (status " +
                    std::to_string(exchange.response.status) + ") has no Location header"};
}

Location location_of(const model::Check& check, const http::FetchResult& fetch) {
    return check.hop ? hop_location(fetch, *check.hop) : first_location(fetch);
}

// chain.status, chain.hosts, chain.paths: one word per hop, space-separated.
std::string chain_text(model::CheckSubject subject, const http::FetchResult& fetch) {
    std::string out;
    for (const auto& exchange : fetch.exchanges) {
        if (!out.empty()) {
            out += ' ';
        }
        if (subject == model::CheckSubject::chain_status) {
            out += std::to_string(exchange.response.status);
        } else if (const auto parts = http::parse_url(exchange.request.url)) {
            out += subject == model::CheckSubject::chain_hosts ? parts->host : parts->path;
        } else {
            out += "?";
        }
    }
    return out;
}

// The JSON value at the check's pointer of `body` (the final body, or the check's `of` text).
Subject json_subject(const model::Check& check, const std::string& body_text,
                     const http::Response& response, bool of) {
    Subject s;
    const JsonParse& body = parse_json_cached(body_text);
    if (!body.ok) {
        if (of) {
            s.error = body_text.empty() ? "the text of " + check.of->text + " is empty, not JSON"
                                        : "the text of " + check.of->text + " is not JSON";
        } else {
            s.error = body_text.empty()
                          ? "the body is empty, not JSON"
                          : "the body is not JSON (" + content_type_of(response) + ")";
        }
        return s;
    }
    std::error_code ec;
    const json::value* found = body.value.find_pointer(check.path, ec);
    if (found == nullptr) {
        s.missing = "no value at " + (check.path.empty() ? std::string("/") : check.path);
        return s;
    }
    s.text = json_text(*found);
    if (found->is_number()) {
        s.number = found->to_number<double>();
    }
    s.json_value = *found;
    return s;
}

Subject cookie_subject(const model::Check& check, const http::FetchResult& fetch) {
    Subject s;
    const auto set = last_set_cookie(fetch, check.path);
    if (!set) {
        s.missing = "this step's answers did not set it";
        return s;
    }
    const http::Cookie& c = set->cookie;
    const std::string& a = check.attribute;
    if (a.empty()) {
        s.text = c.value;
    } else if (a == "http-only") {
        s.text = c.http_only ? "true" : "false";
    } else if (a == "host-only") {
        s.text = c.host_only ? "true" : "false";
    } else if (a == "secure") {
        s.text = c.secure ? "true" : "false";
    } else if (a == "path") {
        s.text = c.path;
    } else if (a == "domain") {
        s.text = c.domain;
    } else if (a == "same-site") {
        s.text = c.same_site;
    } else if (a == "max-age") {
        s.text = raw_cookie_attribute(set->raw, "Max-Age");
        if (!s.text) {
            s.missing = "the Set-Cookie has no Max-Age";
        } else {
            s.number = parse_number(*s.text);
        }
    } else {
        s.error = "unknown cookie attribute '" + a + "'";
    }
    return s;
}

Subject find_subject(const model::Check& check, const StepView& step, const std::string* of) {
    const http::FetchResult& fetch = step.fetch;
    const http::Response& response = fetch.final_response();
    const std::string& body = of != nullptr ? *of : response.body;
    Subject s;
    switch (check.subject) {
    case CheckSubject::status:
        s.text = std::to_string(response.status);
        s.number = response.status;
        return s;
    case CheckSubject::json:
        return json_subject(check, body, response, of != nullptr);
    case CheckSubject::header: {
        if (check.hop && static_cast<std::size_t>(*check.hop) >= fetch.exchanges.size()) {
            s.missing = "the step has no hop " + std::to_string(*check.hop) + " (it made " +
                        std::to_string(fetch.exchanges.size()) + ")";
            return s;
        }
        const http::Response& answer =
            check.hop ? fetch.exchanges[static_cast<std::size_t>(*check.hop)].response : response;
        if (const auto value = answer.header(check.path)) {
            s.text = std::string(*value);
            s.number = parse_number(*value);
        } else {
            s.missing = check.hop ? "hop " + std::to_string(*check.hop) + " has no " + check.path +
                                        " header"
                                  : "the answer has no " + check.path + " header";
        }
        return s;
    }
    case CheckSubject::chain_status:
    case CheckSubject::chain_hosts:
    case CheckSubject::chain_paths:
        s.text = chain_text(check.subject, fetch);
        return s;
    case CheckSubject::cookie_set:
    case CheckSubject::cookie_absent:
        return cookie_subject(check, fetch);
    case CheckSubject::jar_cookie:
        if (const auto cookie = step.jar.find(check.path, fetch.final_url)) {
            s.text = cookie->value;
        } else {
            s.missing =
                "the jar holds no such cookie for " + redaction::redact_url(fetch.final_url);
        }
        return s;
    case CheckSubject::body:
        s.text = body;
        if (body.empty()) {
            s.missing = of != nullptr ? "the text is empty" : "the body is empty";
        }
        return s;
    case CheckSubject::redirect_host:
    case CheckSubject::redirect_path: {
        const Location location = location_of(check, fetch);
        if (!location.error.empty()) {
            s.missing = location.error;
            return s;
        }
        const auto parts = http::parse_url(location.url);
        if (!parts) {
            s.missing = "the Location " + redaction::redact_url(location.url) +
                        " is not an absolute http(s) URL";
            return s;
        }
        s.text = check.subject == CheckSubject::redirect_host ? parts->host : parts->path;
        return s;
    }
    case CheckSubject::final_url:
        s.text = fetch.final_url;
        return s;
    case CheckSubject::final_path:
        if (const auto parts = http::parse_url(fetch.final_url)) {
            s.text = parts->path;
        } else {
            s.missing = "the final URL is not an absolute http(s) URL";
        }
        return s;
    case CheckSubject::elapsed_ms:
        s.number = step.elapsed_ms;
        s.text = std::to_string(static_cast<long long>(std::llround(step.elapsed_ms)));
        return s;
    case CheckSubject::xpath: {
        XPathValue value = evaluate_xpath(parse_html_cached(body), check.path);
        if (!value.error.empty()) {
            s.error = value.error;
        } else if (!value.text) {
            s.missing = "no node matches";
        } else {
            s.text = std::move(value.text);
            s.number = parse_number(*s.text);
        }
        return s;
    }
    case CheckSubject::variable: {
        if (step.vars == nullptr) {
            s.error = "no variables to read";
            return s;
        }
        const auto it = step.vars->find(check.path);
        if (it == step.vars->end()) {
            s.missing = "the variable is not defined (an earlier step could not set it)";
        } else {
            s.text = it->second;
            s.number = parse_number(it->second);
        }
        return s;
    }
    case CheckSubject::location_query: {
        const Location location = location_of(check, fetch);
        if (!location.error.empty()) {
            s.missing = location.error;
        } else if (auto value = http::query_param(location.url, check.path)) {
            s.text = std::move(*value);
            s.number = parse_number(*s.text);
        } else {
            s.missing = "the Location " + redaction::redact_url(location.url) +
                        " has no query parameter " + check.path;
        }
        return s;
    }
    case CheckSubject::final_query:
        if (auto value = http::query_param(fetch.final_url, check.path)) {
            s.text = std::move(*value);
            s.number = parse_number(*s.text);
        } else {
            s.missing = "the final URL " + redaction::redact_url(fetch.final_url) +
                        " has no query parameter " + check.path;
        }
        return s;
    }
    s.error = "unknown subject";
    return s;
}

// How a subject's value is shown in a verdict.
class Shower {
public:
    explicit Shower(const model::Check& check) : check_(check) {
        secret_ = check.attribute.empty() && scenario::is_secret_subject(check);
    }

    std::string operator()(const Subject& s) const {
        if (!s.text) {
            return "(absent)";
        }
        if (secret_) {
            // null and booleans reveal nothing; anything else is masked
            if (s.json_value && (s.json_value->is_null() || s.json_value->is_bool())) {
                return json::serialize(*s.json_value);
            }
            return s.text->empty() ? "\"\"" : redaction::mask(*s.text);
        }
        switch (check_.subject) {
        case CheckSubject::json:
            if (s.json_value) {
                json::value v = *s.json_value;
                redact_json(v);
                return shorten(json_shown(v));
            }
            break;
        case CheckSubject::body:
            return s.text->empty() ? "\"\"" : shown_body(*s.text);
        case CheckSubject::final_url:
            return shorten(redaction::redact_url(*s.text));
        default:
            break;
        }
        return s.text->empty() ? "\"\"" : shorten(*s.text);
    }

    // An expected value compared by equality is as secret as the subject.
    std::string expected(const std::string& text) const {
        if (text.empty()) {
            return "\"\"";
        }
        return secret_ ? redaction::mask(text) : shorten(text);
    }

private:
    const model::Check& check_;
    bool secret_ = false;
};

std::string label(const model::Check& check) {
    std::string text(scenario::subject_name(check.subject));
    if (check.subject == CheckSubject::cookie_absent) {
        text = "cookie";
    }
    if (check.subject == CheckSubject::json) {
        text += check.path.empty() ? std::string(" (whole body)") : " " + check.path;
    } else if (!check.path.empty()) {
        text += " " + check.path;
    }
    if (!check.attribute.empty()) {
        text += " " + check.attribute;
    }
    return text;
}

// Outcome of one comparison: empty message when it holds.
struct Judgement {
    bool passed = false;
    std::string message;
};

Judgement compare_equals(const model::Check& check, const std::string& expected, const Subject& s,
                         const Shower& show) {
    bool equal = false;
    std::string expected_shown = show.expected(expected);
    if (s.json_value) {
        std::error_code ec;
        const json::value parsed = json::parse(expected, ec);
        if (!ec) {
            equal = json_equal(*s.json_value, parsed);
        } else {
            equal = s.json_value->is_string() && s.json_value->get_string() == expected;
            if (!s.json_value->is_string()) {
                expected_shown = "the string " + expected_shown;
            }
        }
    } else {
        equal = *s.text == expected;
    }
    const bool want_equal = check.op == CheckOp::equals;
    if (equal == want_equal) {
        return {true, ""};
    }
    if (want_equal) {
        return {false, label(check) + " was " + show(s) + ", expected " + expected_shown};
    }
    return {false, label(check) + " was " + show(s) + ", expected anything else"};
}

Judgement judge(const model::Check& check, const std::string& expected, const Subject& s,
                const Shower& show) {
    const std::string subject = label(check);
    // An empty body is there for equals, but absent for exists/absent.
    const bool present = s.text && !(check.subject == CheckSubject::body && s.text->empty());
    switch (check.op) {
    case CheckOp::exists:
        if (present) {
            return {true, ""};
        }
        return {false, subject + " is missing: " + s.missing};
    case CheckOp::absent:
        if (!present) {
            return {true, ""};
        }
        if (check.subject == CheckSubject::cookie_absent) {
            return {false, subject + " was set by this step (value " + show(s) + ")"};
        }
        return {false, subject + " is present: " + show(s)};
    default:
        break;
    }
    if (!s.text) {
        return {false, subject + " is missing: " + s.missing};
    }
    switch (check.op) {
    case CheckOp::equals:
    case CheckOp::not_equals:
        return compare_equals(check, expected, s, show);
    case CheckOp::contains:
        if (s.text->find(expected) != std::string::npos) {
            return {true, ""};
        }
        return {false, subject + " was " + show(s) + ", which does not contain " +
                           show.expected(expected)};
    case CheckOp::matches: {
        std::string error;
        const scenario::Pattern* re = compile_cached(expected, error);
        if (re == nullptr) {
            return {false, error};
        }
        const auto match = re->search(*s.text);
        if (!match.error.empty()) {
            return {false, subject + ": " + match.error};
        }
        if (match.found) {
            return {true, ""};
        }
        return {false, subject + " was " + show(s) + ", which does not match " + expected};
    }
    case CheckOp::type_is: {
        if (!s.json_value) {
            return {false, "type applies to JSON values only"};
        }
        const std::string kind = json_kind(*s.json_value);
        const bool ok = expected == "integer"
                            ? (s.json_value->is_int64() || s.json_value->is_uint64())
                            : kind == expected;
        if (ok) {
            return {true, ""};
        }
        return {false, subject + " is " + kind_phrase(*s.json_value) + " (" + show(s) +
                           "), expected " + expected};
    }
    case CheckOp::less_than: {
        const auto limit = parse_number(expected);
        if (!limit) {
            return {false, "less-than '" + expected + "' is not a number"};
        }
        if (!s.number) {
            return {false, subject + " was " + show(s) + ", not a number"};
        }
        if (*s.number < *limit) {
            return {true, ""};
        }
        return {false, subject + " was " + show(s) + ", expected less than " + expected};
    }
    default:
        break;
    }
    return {false, "unknown operator"};
}

} // namespace

std::string describe(const model::Check& check, const std::string& expected) {
    return scenario::describe_check(check, expected);
}

model::CheckResult evaluate(const model::Check& check, const std::string& expected,
                            const StepView& step, const std::string* of) {
    model::CheckResult result;
    result.description = check.description.empty() ? describe(check, expected) : check.description;
    result.clauses = check.clauses;
    result.check_id = check.check_id;
    result.where = check.where;
    const Verdict bad = check.severity == model::Severity::warning ? Verdict::warn : Verdict::fail;

    if (step.fetch.exchanges.empty() || !step.fetch.ok()) {
        result.verdict = bad;
        result.actual = "(no answer)";
        result.message = "the step got no usable answer (" +
                         std::string(model::to_string(step.fetch.outcome)) +
                         (step.fetch.error.empty() ? "" : ": " + step.fetch.error) + ")";
        return result;
    }
    const Subject subject = find_subject(check, step, of);
    const Shower show(check);
    if (!subject.error.empty()) {
        result.verdict = bad;
        result.actual = "(not evaluated)";
        result.message = label(check) + ": " + subject.error;
        return result;
    }
    result.actual = show(subject);
    const Judgement j = judge(check, expected, subject, show);
    result.verdict = j.passed ? Verdict::pass : bad;
    result.message = j.message;
    return result;
}

model::Verdict verdict_of(const model::Check& check, const std::string& expected,
                          const StepView& step, const std::string* of) {
    const Verdict bad = check.severity == model::Severity::warning ? Verdict::warn : Verdict::fail;
    if (step.fetch.exchanges.empty() || !step.fetch.ok()) {
        return bad;
    }
    const Subject subject = find_subject(check, step, of);
    if (!subject.error.empty()) {
        return bad;
    }
    return judge(check, expected, subject, Shower(check)).passed ? Verdict::pass : bad;
}

ExtractResult extract(const model::Extract& ex, const StepView& step, const std::string* of) {
    const http::FetchResult& fetch = step.fetch;
    if (fetch.exchanges.empty()) {
        return {"", "the step got no answer"};
    }
    const http::Response& response = fetch.final_response();
    const std::string& body_text = of != nullptr ? *of : response.body;
    const std::string what = of != nullptr ? "the text of " + ex.of->text : "the body";
    switch (ex.source) {
    case model::ExtractSource::json: {
        const JsonParse& body = parse_json_cached(body_text);
        if (!body.ok) {
            return {"", of != nullptr ? what + " is not JSON"
                                      : "the body is not JSON (" + content_type_of(response) + ")"};
        }
        std::error_code ec;
        const json::value* found = body.value.find_pointer(ex.expr, ec);
        if (found == nullptr) {
            return {"", "no JSON value at " + (ex.expr.empty() ? std::string("/") : ex.expr)};
        }
        return {json_text(*found), ""};
    }
    case model::ExtractSource::header:
        if (const auto value = response.header(ex.expr)) {
            return {std::string(*value), ""};
        }
        return {"", "the answer has no " + ex.expr + " header"};
    case model::ExtractSource::cookie:
        if (const auto cookie = step.jar.find(ex.expr, fetch.final_url)) {
            return {cookie->value, ""};
        }
        return {"", "the jar holds no cookie " + ex.expr + " for " +
                        redaction::redact_url(fetch.final_url)};
    case model::ExtractSource::regex: {
        std::string error;
        const scenario::Pattern* re = compile_cached(ex.expr, error);
        if (re == nullptr) {
            return {"", error};
        }
        auto match = re->search(body_text);
        if (!match.error.empty()) {
            return {"", what + ": " + match.error};
        }
        if (!match.found) {
            return {"", what + " does not match " + ex.expr};
        }
        return {std::move(match.value), ""};
    }
    case model::ExtractSource::final_query:
        if (auto value = http::query_param(fetch.final_url, ex.expr)) {
            return {std::move(*value), ""};
        }
        return {"", "the final URL " + redaction::redact_url(fetch.final_url) +
                        " has no query parameter " + ex.expr};
    case model::ExtractSource::location_query: {
        const Location location = first_location(fetch);
        if (!location.error.empty()) {
            return {"", location.error};
        }
        if (auto value = http::query_param(location.url, ex.expr)) {
            return {std::move(*value), ""};
        }
        return {"", "the Location " + redaction::redact_url(location.url) +
                        " has no query parameter " + ex.expr};
    }
    case model::ExtractSource::xpath: {
        XPathValue value = evaluate_xpath(parse_html_cached(body_text), ex.expr);
        if (!value.error.empty()) {
            return {"", value.error};
        }
        if (!value.text) {
            return {"", "no node matches " + ex.expr};
        }
        return {std::move(*value.text), ""};
    }
    case model::ExtractSource::form: {
        FormValues form = read_form(parse_html_cached(body_text), ex.expr, fetch.final_url);
        if (!form.ok()) {
            return {"", form.error};
        }
        ExtractResult result;
        result.fields = std::move(form.fields);
        result.fields.emplace_back("action", std::move(form.action));
        result.fields.emplace_back("method", std::move(form.method));
        return result;
    }
    }
    return {"", "unknown extract source"};
}

} // namespace logintest::harness::checks
