// JSON values as checks see them: the text a string operator compares, equality where 1 and
// 1.0 are the same number, and secret members masked for display. Used by subject lookup,
// operators, display and extraction in harness/checks. The kind of a value in words is
// support::json_type_name / support::json_kind (support/config/config_schema.hpp). Pure
// functions over Boost.JSON values.
#pragma once

#include <boost/json/value.hpp>

#include <string>
#include <string_view>

namespace logintest::harness::checks {

// The text a string operator sees: a JSON string's content, a double in its shortest
// round-trip form (0.5, not Boost's 5E-1), any other value serialized.
std::string json_text(const boost::json::value& v);

// A JSON value as shown in a verdict: strings quoted, numbers as json_text().
std::string json_shown(const boost::json::value& v);

// JSON equality where 1, 1.0 and 1u are the same number.
bool json_equal(const boost::json::value& a, const boost::json::value& b);

// Every string or number under a secret key replaced by its mask, recursively.
void redact_json(boost::json::value& v);

} // namespace logintest::harness::checks
