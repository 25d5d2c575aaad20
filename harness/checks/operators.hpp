// Check operators: how a found Subject is compared with the check's expected value (equals,
// not-equals, contains, matches, exists, absent, type, less-than). A passing comparison builds
// no text and allocates nothing on the usual paths (the load engine calls it for every check
// of every step); a failing one says what was seen and what was expected, secrets masked.
// Pure functions over one step's Subject.
#pragma once

#include "harness/checks/subject.hpp"

#include <string>

namespace logintest::harness::checks {

// Outcome of one comparison: empty message when it holds.
struct Judgement {
    bool passed = false;
    std::string message;
};

// `expected` is the check's expected value, expanded; a `matches` check uses the pattern the
// loader compiled (model::Check::pattern) and compiles `expected` itself only without one.
Judgement judge(const model::Check& check, const std::string& expected, const Subject& s);

} // namespace logintest::harness::checks
