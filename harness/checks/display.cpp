// Display of subjects and expected values in verdicts (see display.hpp).
#include "harness/checks/display.hpp"

#include "harness/checks/json_values.hpp"
#include "harness/redaction/redaction.hpp"
#include "harness/scenario/check_names.hpp"
#include "harness/scenario/cookie_attributes.hpp"

#include <boost/json.hpp>

namespace logintest::harness::checks {
namespace {

namespace json = boost::json;

constexpr std::size_t max_shown = 200; // characters of a value shown in a verdict

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

} // namespace

std::string label(const model::Check& check) {
    std::string text(scenario::subject_name(check.subject));
    if (check.subject == model::CheckSubject::cookie_absent) {
        text = "cookie";
    }
    if (check.subject == model::CheckSubject::json) {
        text += check.path.empty() ? std::string(" (whole body)") : " " + check.path;
    } else if (!check.path.empty()) {
        text += " " + check.path;
    }
    if (check.cookie_attribute != model::CookieAttribute::none) {
        text += " ";
        text += scenario::cookie_attribute_name(check.cookie_attribute);
    }
    return text;
}

Shower::Shower(const model::Check& check) : check_(check) {
    secret_ = check.cookie_attribute == model::CookieAttribute::none &&
              scenario::is_secret_subject(check);
}

std::string Shower::operator()(const Subject& s) const {
    if (!s.present()) {
        return "(absent)";
    }
    const std::string_view text = s.text();
    if (secret_) {
        // null and booleans reveal nothing; anything else is masked
        if (s.json != nullptr && (s.json->is_null() || s.json->is_bool())) {
            return json::serialize(*s.json);
        }
        return text.empty() ? "\"\"" : redaction::mask(text);
    }
    switch (check_.subject) {
    case model::CheckSubject::json:
        if (s.json != nullptr) {
            json::value v(*s.json, json::storage_ptr());
            redact_json(v);
            return shorten(json_shown(v));
        }
        break;
    case model::CheckSubject::body:
        return text.empty() ? "\"\"" : shown_body(text);
    case model::CheckSubject::final_url:
        return shorten(redaction::redact_url(text));
    default:
        break;
    }
    return text.empty() ? "\"\"" : shorten(redaction::redact_text(text));
}

std::string Shower::expected(std::string_view text) const {
    if (text.empty()) {
        return "\"\"";
    }
    if (secret_) {
        return redaction::mask(text);
    }
    // Shown like the subject it is compared with: JSON members under secret keys masked, and
    // secret query parameters of URLs (compare raw, render masked).
    switch (check_.subject) {
    case model::CheckSubject::json:
    case model::CheckSubject::body:
        return shown_body(text);
    default:
        return shorten(redaction::redact_text(text));
    }
}

} // namespace logintest::harness::checks
