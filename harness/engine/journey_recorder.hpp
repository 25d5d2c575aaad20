// JourneyRecorder: the StepObserver of `check`. It sees the same events as the load engine's
// observer and builds the model::JourneyResult from them: the failed extracts from
// FailureDetail::describe(), everything else from each step's StepRecord. The journey's
// verdict and time come from the JourneySummary (run_journey sets them). One per journey run.
#pragma once

#include "harness/engine/journey_runner.hpp"

#include <vector>

namespace logintest::harness::engine {

class JourneyRecorder final : public StepObserver {
public:
    // Appends a StepResult to `result.steps` for every step reported; both must outlive it.
    JourneyRecorder(const model::Journey& journey, model::JourneyResult& result)
        : journey_(journey), result_(result) {}

    void on_check_failed(std::size_t step, std::size_t index, bool warning,
                         const FailureDetail& detail) override;
    void on_step(const StepEvent& event) override;

private:
    const model::Journey& journey_;
    model::JourneyResult& result_;
    std::vector<model::CheckResult> failed_extracts_; // of the step being played
};

} // namespace logintest::harness::engine
