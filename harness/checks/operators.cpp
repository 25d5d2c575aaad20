// Check operators (see operators.hpp). Failure texts are built only on failure, with the
// subject's label and its value as display.hpp shows it.
#include "harness/checks/operators.hpp"

#include "harness/checks/display.hpp"
#include "harness/checks/json_values.hpp"
#include "harness/scenario/pattern.hpp"
#include "support/config/config_schema.hpp"

#include <boost/json.hpp>

namespace logintest::harness::checks {
namespace {

namespace json = boost::json;
using model::CheckOp;
using model::CheckSubject;

const Judgement pass{true, ""};

// "<label> was <value><tail>": the usual failure text.
Judgement was(const model::Check& check, const Subject& s, const std::string& tail) {
    return {false, label(check) + " was " + Shower(check)(s) + tail};
}

// exists / absent. An empty body is there for equals, but absent for exists/absent.
Judgement judge_presence(const model::Check& check, const Subject& s) {
    const bool present = s.present() && !(check.subject == CheckSubject::body && s.text().empty());
    if (check.op == CheckOp::exists) {
        return present ? pass : Judgement{false, label(check) + " is missing: " + s.missing};
    }
    if (!present) {
        return pass;
    }
    if (check.subject == CheckSubject::cookie_absent) {
        return {false, label(check) + " was set by this step (value " + Shower(check)(s) + ")"};
    }
    return {false, label(check) + " is present: " + Shower(check)(s)};
}

// equals / not-equals: JSON values as JSON when the expected text parses as JSON.
Judgement judge_equals(const model::Check& check, const std::string& expected, const Subject& s) {
    bool equal = false;
    bool as_string = false; // a JSON non-string compared with a text that is not JSON
    if (s.json != nullptr) {
        unsigned char buffer[512]; // small expected values parse without the heap
        json::monotonic_resource memory(buffer, sizeof buffer);
        std::error_code ec;
        const json::value parsed = json::parse(expected, ec, &memory);
        if (!ec) {
            equal = json_equal(*s.json, parsed);
        } else {
            equal = s.json->is_string() && s.json->get_string() == expected;
            as_string = !s.json->is_string();
        }
    } else {
        equal = s.text() == expected;
    }
    const bool want_equal = check.op == CheckOp::equals;
    if (equal == want_equal) {
        return pass;
    }
    if (!want_equal) {
        return was(check, s, ", expected anything else");
    }
    const std::string shown = Shower(check).expected(expected);
    return was(check, s, ", expected " + (as_string ? "the string " + shown : shown));
}

Judgement judge_matches(const model::Check& check, const std::string& expected, const Subject& s) {
    std::optional<scenario::Pattern> compiled; // a templated regex: compiled after expansion
    const scenario::Pattern* re = check.pattern.get();
    if (re == nullptr) {
        std::string error;
        compiled = scenario::Pattern::compile(expected, error);
        if (!compiled) {
            return {false, error};
        }
        re = &*compiled;
    }
    const auto found = re->test(s.text());
    if (!found.error.empty()) {
        return {false, label(check) + ": " + found.error};
    }
    return found.found ? pass : was(check, s, ", which does not match " + expected);
}

Judgement judge_type(const model::Check& check, const std::string& expected, const Subject& s) {
    if (s.json == nullptr) {
        return {false, "type applies to JSON values only"};
    }
    const bool ok = expected == "integer" ? (s.json->is_int64() || s.json->is_uint64())
                                          : support::json_type_name(*s.json) == expected;
    if (ok) {
        return pass;
    }
    return {false, label(check) + " is " + std::string(support::json_kind(*s.json)) + " (" +
                       Shower(check)(s) + "), expected " + expected};
}

Judgement judge_less_than(const model::Check& check, const std::string& expected,
                          const Subject& s) {
    const auto limit = parse_number(expected);
    if (!limit) {
        return {false, "less-than '" + expected + "' is not a number"};
    }
    if (!s.number) {
        return was(check, s, ", not a number");
    }
    return *s.number < *limit ? pass : was(check, s, ", expected less than " + expected);
}

} // namespace

Judgement judge(const model::Check& check, const std::string& expected, const Subject& s) {
    if (check.op == CheckOp::exists || check.op == CheckOp::absent) {
        return judge_presence(check, s);
    }
    if (!s.present()) {
        return {false, label(check) + " is missing: " + s.missing};
    }
    switch (check.op) {
    case CheckOp::equals:
    case CheckOp::not_equals:
        return judge_equals(check, expected, s);
    case CheckOp::contains:
        if (s.text().find(expected) != std::string_view::npos) {
            return pass;
        }
        return was(check, s, ", which does not contain " + Shower(check).expected(expected));
    case CheckOp::matches:
        return judge_matches(check, expected, s);
    case CheckOp::type_is:
        return judge_type(check, expected, s);
    case CheckOp::less_than:
        return judge_less_than(check, expected, s);
    default:
        break;
    }
    return {false, "unknown operator"};
}

} // namespace logintest::harness::checks
