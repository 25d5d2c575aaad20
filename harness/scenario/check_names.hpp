// The names of check subjects, operators and extract sources as they are written in scenario
// XML (`redirect.host`, `not-equals`, `final.query`, ...), and the default description of a
// check built from them. Shared by the loader (errors, descriptions) and harness/checks
// (verdict texts), so a verdict always reads in the words of the scenario. Pure functions.
#pragma once

#include "harness/model/scenario.hpp"

#include <string>
#include <string_view>

namespace logintest::harness::scenario {

std::string_view subject_name(model::CheckSubject subject);
std::string_view op_name(model::CheckOp op);
std::string_view extract_source_name(model::ExtractSource source);

// True when the subject's value is secret (harness/redaction/redaction.hpp): a JSON pointer whose
// last token, a header, or a cookie whose name is secret (`/at`, `ESRNSec`, ...).
bool is_secret_subject(const model::Check& check);

// "status equals 200", "json /at matches ^[0-9]{25}$", "cookie NSSESSIONID http-only equals
// true", "no-cookie ESRNSec". For a secret subject compared by value (equals, not-equals,
// contains) an expected text without `${` is masked.
std::string describe_check(const model::Check& check, std::string_view expected);

} // namespace logintest::harness::scenario
