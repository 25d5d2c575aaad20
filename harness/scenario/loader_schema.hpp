// The attribute schema of scenario XML: which subjects, operators, extract sources, methods
// and JSON types exist and how they are spelled, plus the pure validators the loader uses on
// attribute values (names, JSON pointers, regexes, XPath, numbers). No state.
#pragma once

#include "harness/model/scenario.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace logintest::harness::scenario::schema {

using Names = std::vector<std::string_view>;

struct SubjectSpec {
    std::string_view xml;
    model::CheckSubject subject;
    bool names_something; // the attribute value is a path or a name, never the expected value
    bool takes_of;        // `of="template"` may replace the final body
};

inline constexpr std::array<SubjectSpec, 19> subject_specs = {{
    {"status", model::CheckSubject::status, false, false},
    {"json", model::CheckSubject::json, true, true},
    {"header", model::CheckSubject::header, true, false},
    {"cookie", model::CheckSubject::cookie_set, true, false},
    {"no-cookie", model::CheckSubject::cookie_absent, true, false},
    {"jar.cookie", model::CheckSubject::jar_cookie, true, false},
    {"xpath", model::CheckSubject::xpath, true, true},
    {"var", model::CheckSubject::variable, true, false},
    {"location.query", model::CheckSubject::location_query, true, false},
    {"final.query", model::CheckSubject::final_query, true, false},
    {"body", model::CheckSubject::body, false, true},
    {"redirect.host", model::CheckSubject::redirect_host, false, false},
    {"redirect.path", model::CheckSubject::redirect_path, false, false},
    {"final.url", model::CheckSubject::final_url, false, false},
    {"final.path", model::CheckSubject::final_path, false, false},
    {"elapsed-ms", model::CheckSubject::elapsed_ms, false, false},
    {"chain.status", model::CheckSubject::chain_status, false, false},
    {"chain.hosts", model::CheckSubject::chain_hosts, false, false},
    {"chain.paths", model::CheckSubject::chain_paths, false, false},
}};

struct OpSpec {
    std::string_view xml;
    model::CheckOp op;
};

inline constexpr std::array<OpSpec, 8> op_specs = {{
    {"equals", model::CheckOp::equals},
    {"not-equals", model::CheckOp::not_equals},
    {"matches", model::CheckOp::matches},
    {"contains", model::CheckOp::contains},
    {"exists", model::CheckOp::exists},
    {"absent", model::CheckOp::absent},
    {"type", model::CheckOp::type_is},
    {"less-than", model::CheckOp::less_than},
}};

inline constexpr std::array<std::string_view, 7> cookie_attributes = {
    "http-only", "host-only", "secure", "path", "domain", "same-site", "max-age"};
inline constexpr std::array<std::string_view, 3> boolean_cookie_attributes = {
    "http-only", "host-only", "secure"};
inline constexpr std::array<std::string_view, 7> expect_meta = {
    "clause", "check", "severity", "description", "of", "mock-only", "hop"};

struct ExtractSpec {
    std::string_view xml;
    model::ExtractSource source;
};

inline constexpr std::array<ExtractSpec, 8> extract_specs = {{
    {"json", model::ExtractSource::json},
    {"header", model::ExtractSource::header},
    {"cookie", model::ExtractSource::cookie},
    {"regex", model::ExtractSource::regex},
    {"final.query", model::ExtractSource::final_query},
    {"location.query", model::ExtractSource::location_query},
    {"xpath", model::ExtractSource::xpath},
    {"form", model::ExtractSource::form},
}};

inline constexpr std::array<std::string_view, 7> methods = {"GET",    "POST", "PUT",    "PATCH",
                                                            "DELETE", "HEAD", "OPTIONS"};
inline constexpr std::array<std::string_view, 7> json_types = {
    "string", "number", "integer", "boolean", "null", "object", "array"};
inline constexpr std::array<std::string_view, 4> account_fields = {"login", "password", "scid",
                                                                   "user_id"};
// A pool account (MOCK-FIX-5) also brings the ESIA account paired with the user.
inline constexpr std::array<std::string_view, 3> pool_account_fields = {"esia_login",
                                                                        "esia_password", "oid"};
// `repeat="N"` bounds.
inline constexpr int max_repeat = 1000;

template <std::size_t N>
bool one_of(std::string_view value, const std::array<std::string_view, N>& list) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

template <typename Range> std::string join(const Range& items, std::string_view sep = ", ") {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) {
            out += sep;
        }
        out += item;
    }
    return out;
}

std::string quoted(std::string_view s);
// Letters, digits and `_` (plus `.` and `-` when `dots_and_dashes`), not starting with a digit.
bool is_identifier(std::string_view s, bool dots_and_dashes);
// Step, journey and include names: letters, digits, `_`, `-`, `.`.
bool is_step_name(std::string_view s);
// Empty when fine, else the problem in words.
std::string json_pointer_problem(std::string_view pointer);
std::string regex_problem(const std::string& pattern);
std::string xpath_problem(const std::string& expr);
std::string_view trim(std::string_view s);
std::vector<std::string> split_ws(std::string_view s);
bool is_number(std::string_view s);

} // namespace logintest::harness::scenario::schema
