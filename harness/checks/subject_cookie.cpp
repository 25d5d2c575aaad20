// Subject lookup among cookies (see subject.hpp): a cookie this step's answers set, with one
// of its attributes as http::Cookie parsed it (model::CookieAttribute), and a cookie as the
// jar holds it after the step for the final URL.
#include "harness/checks/subject.hpp"

#include "harness/redaction/redaction.hpp"

namespace logintest::harness::checks {
namespace {

using model::CookieAttribute;

// The last Set-Cookie of this name across every answer of the step.
std::optional<http::Cookie> last_set_cookie(const http::FetchResult& fetch, std::string_view name) {
    std::optional<http::Cookie> found;
    for (const auto& exchange : fetch.exchanges) {
        for (const auto raw : exchange.response.headers_named("Set-Cookie")) {
            auto cookie = http::parse_set_cookie(raw);
            if (cookie && cookie->name == name) {
                found = std::move(cookie);
            }
        }
    }
    return found;
}

const char* flag(bool value) {
    return value ? "true" : "false";
}

// The cookie's value, or the attribute the check names.
void read_attribute(http::Cookie& c, CookieAttribute attribute, Subject& s) {
    switch (attribute) {
    case CookieAttribute::none:
        return s.own(std::move(c.value));
    case CookieAttribute::http_only:
        return s.refer(flag(c.http_only));
    case CookieAttribute::host_only:
        return s.refer(flag(c.host_only));
    case CookieAttribute::secure:
        return s.refer(flag(c.secure));
    case CookieAttribute::path:
        return s.own(std::move(c.path));
    case CookieAttribute::domain:
        return s.own(std::move(c.domain));
    case CookieAttribute::same_site:
        return s.own(std::move(c.same_site));
    case CookieAttribute::max_age:
        if (!c.max_age) {
            s.missing = "the Set-Cookie has no Max-Age";
            return;
        }
        s.own(std::to_string(*c.max_age));
        s.number = static_cast<double>(*c.max_age);
        return;
    }
    s.error = "unknown cookie attribute";
}

Subject set_cookie_subject(const Lookup& lookup, const http::FetchResult& fetch) {
    Subject s;
    auto cookie = last_set_cookie(fetch, lookup.path);
    if (!cookie) {
        s.missing = "this step's answers did not set it";
        return s;
    }
    read_attribute(*cookie, lookup.attribute, s);
    return s;
}

Subject jar_cookie_subject(const Lookup& lookup, const StepView& step) {
    Subject s;
    const std::string& url = step.fetch.final_url;
    const auto& parts = step.parses.final_url(url);
    const http::Cookie* cookie = parts ? step.jar.find(lookup.path, *parts) : nullptr;
    if (cookie != nullptr) {
        s.refer(cookie->value);
    } else {
        s.missing = "the jar holds no such cookie for " + redaction::redact_url(url);
    }
    return s;
}

} // namespace

Subject cookie_subject(const Lookup& lookup, const StepView& step) {
    if (lookup.subject == model::CheckSubject::jar_cookie) {
        return jar_cookie_subject(lookup, step);
    }
    return set_cookie_subject(lookup, step.fetch);
}

} // namespace logintest::harness::checks
