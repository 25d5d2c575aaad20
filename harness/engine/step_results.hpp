// The texts `check` records for a step: a check's result when it was not evaluated (SKIP, or
// a template that could not be expanded), an extract's failure, the hops of a fetch, and the
// scrubbing of secrets. Every hand-made model::CheckResult of the engine is made here (the
// evaluated ones come from checks::evaluate). Pure functions; used by step_run and step_judge.
#pragma once

#include "harness/engine/secret_scrubber.hpp"
#include "harness/http/message.hpp"
#include "harness/model/result.hpp"
#include "harness/model/scenario.hpp"

#include <string>
#include <vector>

namespace logintest::harness::engine {

// Which description a check's result carries: the scenario's own when it has one, else the
// generated one; a template that could not be expanded always shows the generated one.
enum class Described { as_written, generated };

// A result for `check` that was not evaluated: `verdict` with `message`.
model::CheckResult check_result(const model::Check& check, model::Verdict verdict,
                                std::string message, Described described = Described::as_written);

// The failure of an extract: FAIL "extract ${var}" with `message`.
model::CheckResult extract_failure(const model::Extract& extract, std::string message);

// Every check of the step SKIP with `reason` (no answer to check), appended to `out`.
void skip_checks(const model::Step& step, const std::string& reason,
                 std::vector<model::CheckResult>& out);

// The hops of a fetch as recorded: redacted URLs, cookie names only.
std::vector<model::Hop> record_hops(const http::FetchResult& fetch);

void scrub(model::CheckResult& result, const SecretScrubber& scrubber);
void scrub(model::StepResult& result, const SecretScrubber& scrubber);

} // namespace logintest::harness::engine
