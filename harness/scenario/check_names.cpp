// Scenario-XML names of subjects, operators and extract sources; default check descriptions.
#include "harness/scenario/check_names.hpp"
#include "harness/scenario/cookie_attributes.hpp"

#include "harness/redaction/redaction.hpp"

namespace logintest::harness::scenario {

using model::CheckOp;
using model::CheckSubject;
using model::ExtractSource;

std::string_view subject_name(CheckSubject subject) {
    switch (subject) {
    case CheckSubject::status:
        return "status";
    case CheckSubject::json:
        return "json";
    case CheckSubject::header:
        return "header";
    case CheckSubject::cookie_set:
        return "cookie";
    case CheckSubject::cookie_absent:
        return "no-cookie";
    case CheckSubject::body:
        return "body";
    case CheckSubject::redirect_host:
        return "redirect.host";
    case CheckSubject::redirect_path:
        return "redirect.path";
    case CheckSubject::final_url:
        return "final.url";
    case CheckSubject::elapsed_ms:
        return "elapsed-ms";
    case CheckSubject::chain_status:
        return "chain.status";
    case CheckSubject::chain_hosts:
        return "chain.hosts";
    case CheckSubject::chain_paths:
        return "chain.paths";
    case CheckSubject::jar_cookie:
        return "jar.cookie";
    case CheckSubject::final_path:
        return "final.path";
    case CheckSubject::xpath:
        return "xpath";
    case CheckSubject::variable:
        return "var";
    case CheckSubject::location_query:
        return "location.query";
    case CheckSubject::final_query:
        return "final.query";
    }
    return "?";
}

std::string_view op_name(CheckOp op) {
    switch (op) {
    case CheckOp::equals:
        return "equals";
    case CheckOp::not_equals:
        return "not-equals";
    case CheckOp::matches:
        return "matches";
    case CheckOp::contains:
        return "contains";
    case CheckOp::exists:
        return "exists";
    case CheckOp::absent:
        return "absent";
    case CheckOp::type_is:
        return "type";
    case CheckOp::less_than:
        return "less-than";
    }
    return "?";
}

std::string_view extract_source_name(ExtractSource source) {
    switch (source) {
    case ExtractSource::json:
        return "json";
    case ExtractSource::header:
        return "header";
    case ExtractSource::cookie:
        return "cookie";
    case ExtractSource::regex:
        return "regex";
    case ExtractSource::final_query:
        return "final.query";
    case ExtractSource::location_query:
        return "location.query";
    case ExtractSource::xpath:
        return "xpath";
    case ExtractSource::form:
        return "form";
    }
    return "?";
}

bool is_secret_subject(const model::Check& check) {
    switch (check.subject) {
    case CheckSubject::json: {
        const auto slash = check.path.rfind('/');
        const std::string_view last = slash == std::string::npos
                                          ? std::string_view(check.path)
                                          : std::string_view(check.path).substr(slash + 1);
        return !last.empty() && redaction::is_secret_name(last);
    }
    case CheckSubject::header:
    case CheckSubject::cookie_set:
    case CheckSubject::cookie_absent:
    case CheckSubject::jar_cookie:
    case CheckSubject::variable:
    case CheckSubject::location_query:
    case CheckSubject::final_query:
        return redaction::is_secret_name(check.path);
    default:
        return false;
    }
}

std::string describe_check(const model::Check& check, std::string_view expected) {
    std::string text(subject_name(check.subject));
    switch (check.subject) {
    case CheckSubject::json:
        text += check.path.empty() ? std::string(" (whole body)") : " " + check.path;
        break;
    case CheckSubject::header:
    case CheckSubject::cookie_set:
    case CheckSubject::cookie_absent:
    case CheckSubject::jar_cookie:
    case CheckSubject::xpath:
    case CheckSubject::variable:
    case CheckSubject::location_query:
    case CheckSubject::final_query:
        text += " " + check.path;
        break;
    default:
        break;
    }
    if (check.hop) {
        text += " of hop " + std::to_string(*check.hop);
    }
    if (check.of) {
        text += " of " + check.of->text;
    }
    if (check.subject == CheckSubject::cookie_absent) {
        return text;
    }
    if (check.cookie_attribute != model::CookieAttribute::none) {
        text += " ";
        text += cookie_attribute_name(check.cookie_attribute);
    }
    text += " ";
    text += op_name(check.op);
    if (check.op == CheckOp::exists || check.op == CheckOp::absent) {
        return text;
    }
    const bool by_value = check.op == CheckOp::equals || check.op == CheckOp::not_equals ||
                          check.op == CheckOp::contains;
    if (expected.empty()) {
        text += " \"\"";
    } else if (by_value && check.cookie_attribute == model::CookieAttribute::none &&
               is_secret_subject(check) && expected.find("${") == std::string_view::npos) {
        text += " " + redaction::mask(expected);
    } else {
        text += " ";
        text += expected;
    }
    return text;
}

} // namespace logintest::harness::scenario
