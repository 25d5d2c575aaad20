// How checks show what they saw: a subject's label ("json /at", "cookie NSSESSIONID
// http-only"), its value as a verdict may print it (secrets masked, JSON members under secret
// keys masked, long texts cut) and the expected value likewise. Used by evaluate.cpp and
// operators.cpp to build CheckResult::actual and ::message. Pure functions.
#pragma once

#include "harness/checks/subject.hpp"

#include <string>
#include <string_view>

namespace logintest::harness::checks {

// "json /at", "json (whole body)", "cookie ESRNSec max-age", "header Location".
std::string label(const model::Check& check);

// How a subject's value is shown in a verdict.
class Shower {
public:
    explicit Shower(const model::Check& check);

    std::string operator()(const Subject& s) const;
    // An expected value compared by equality is as secret as the subject.
    std::string expected(std::string_view text) const;

private:
    const model::Check& check_;
    bool secret_ = false;
};

} // namespace logintest::harness::checks
