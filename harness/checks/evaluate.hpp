// Checks and extractors: evaluate one model::Check against the answer of a step, or take
// one model::Extract value out of it. A check that cannot be evaluated (JSON pointer into a
// body that is not JSON, ...) FAILs (or WARNs) with a message saying so; it never passes
// silently and never throws. Values of secret subjects (harness/redaction/redaction.hpp) are
// masked in CheckResult::actual and ::message. Functions over plain data; the only state is
// the step's lazily parsed body (StepParses), owned by the StepView.
//
// Inside: subject.hpp (one lookup for checks and extractors), operators.hpp, display.hpp,
// json_values.hpp, step_parses.hpp; extract() lives in extract.cpp.
#pragma once

#include "harness/checks/step_parses.hpp"
#include "harness/http/cookie_jar.hpp"
#include "harness/http/message.hpp"
#include "harness/model/result.hpp"
#include "harness/model/scenario.hpp"
#include "harness/scenario/variables.hpp"

#include <string>
#include <utility>
#include <vector>

namespace logintest::harness::checks {

// Everything a check or extractor may look at for one step. Build one per step (the engine
// does, before the extracts) and give it to every check and extract of the step: it keeps the
// body's parses (`parses`), so the body is parsed at most once as JSON and once as HTML. The
// answer must not change while the view lives.
struct StepView {
    // A constructor, not an aggregate: the view is made in place (it owns its parses, which
    // neither copy nor move), and clang 14 cannot emplace an aggregate with parentheses.
    StepView(const http::FetchResult& fetch_, const http::CookieJar& jar_, double elapsed_ms_ = 0,
             const scenario::Variables* vars_ = nullptr)
        : fetch(fetch_), jar(jar_), elapsed_ms(elapsed_ms_), vars(vars_) {}

    const http::FetchResult& fetch; // outcome ok, at least one exchange
    const http::CookieJar& jar;     // the session's jar after the step
    double elapsed_ms = 0;
    const scenario::Variables* vars = nullptr; // for the `var` subject (after the extracts)
    mutable StepParses parses{};               // filled on first use by the lookups
};

// `expected` is the check's template already expanded by the engine; `of`, when given, is its
// `of` template expanded: json, xpath and body subjects read it instead of the final body.
model::CheckResult evaluate(const model::Check& check, const std::string& expected,
                            const StepView& step, const std::string* of = nullptr);

// The verdict evaluate() would give, without building the description and the seen value
// (the load engine's hot path; it calls evaluate() only for a failure it wants to show). A
// passing check builds no text.
model::Verdict verdict_of(const model::Check& check, const std::string& expected,
                          const StepView& step, const std::string* of = nullptr);

struct ExtractResult {
    std::string value;
    std::string error; // e.g. "no JSON value at /salt"; empty on success
    // A form extract: `name` -> value pairs set as `var.name` (value stays empty).
    std::vector<std::pair<std::string, std::string>> fields;
    bool ok() const { return error.empty(); }
};

// `of`, when given, is the extract's `of` template expanded: read instead of the final body.
[[nodiscard]] ExtractResult extract(const model::Extract& extract, const StepView& step,
                                    const std::string* of = nullptr);

// "status equals 200", "json /at matches ^[0-9]{25}$": the default description of a check.
std::string describe(const model::Check& check, const std::string& expected);

} // namespace logintest::harness::checks
