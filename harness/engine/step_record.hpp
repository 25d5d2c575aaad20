// StepRecord: the texts of one played step (name, error, hops, every check's result), built
// only when an observer asks for them. The runner passes one with every StepEvent; the
// JourneyRecorder of `check` asks, the load engine's observer never does, so the load path
// builds no text. Valid only during StepObserver::on_step; not thread-safe.
#pragma once

#include "harness/model/result.hpp"

#include <vector>

namespace logintest::harness::engine {

class StepRecord {
public:
    virtual ~StepRecord() = default;
    // The step as `check` records it, redacted: name, verdict, outcome, error, status, time,
    // hops and the result of every check (SKIP with the reason when the step was not judged).
    // `failed_extracts` (what on_check_failed described for this step's extracts) come first
    // among its checks, in order.
    virtual model::StepResult result(std::vector<model::CheckResult> failed_extracts) const = 0;
};

} // namespace logintest::harness::engine
