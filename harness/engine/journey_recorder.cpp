// Builds the JourneyResult of `check` from step events (see journey_recorder.hpp).
#include "harness/engine/journey_recorder.hpp"

#include "harness/engine/step_record.hpp"

namespace logintest::harness::engine {

void JourneyRecorder::on_check_failed(std::size_t step, std::size_t index, bool /*warning*/,
                                      const FailureDetail& detail) {
    // A failed check is part of the step's record; a failed extract is known only here.
    if (index >= journey_.steps[step].checks.size()) {
        failed_extracts_.push_back(detail.describe());
    }
}

void JourneyRecorder::on_step(const StepEvent& event) {
    result_.steps.push_back(event.record->result(std::move(failed_extracts_)));
    failed_extracts_.clear();
}

} // namespace logintest::harness::engine
