// The catalog runner behind `logintest check`: runs journeys one after another, each with a
// fresh virtual user (cookie jar, connections), on a private io_context, and returns the
// RunResult. Blocking; call it from one thread.
#pragma once

#include "harness/engine/journey_runner.hpp"
#include "harness/model/result.hpp"
#include "harness/model/scenario.hpp"

#include <functional>
#include <vector>

namespace logintest::harness::engine {

// Called after each journey, for live console output.
using JourneyDone = std::function<void(const model::JourneyResult&)>;

model::RunResult run_catalog(const std::vector<model::Journey>& journeys, const RunContext& context,
                             const JourneyDone& on_journey_done);

} // namespace logintest::harness::engine
