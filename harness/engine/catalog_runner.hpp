// The catalog runner behind `logintest check`: runs journeys one after another, each with a
// fresh virtual user (cookie jar, connections), on a private io_context, and returns the
// RunResult. Blocking; call it from one thread.
#pragma once

#include "harness/engine/account_leaser.hpp"
#include "harness/engine/journey_runner.hpp"
#include "harness/model/result.hpp"
#include "harness/model/scenario.hpp"

#include <functional>
#include <vector>

namespace logintest::harness::engine {

// Called after each journey, for live console output.
using JourneyDone = std::function<void(const model::JourneyResult&)>;

// With `leaser`, each journey's accounts are leased for its run and returned after it; a
// journey whose accounts cannot be leased is recorded as failed without being run.
model::RunResult run_catalog(const std::vector<model::Journey>& journeys, const RunContext& context,
                             const JourneyDone& on_journey_done, AccountLeaser* leaser = nullptr);

} // namespace logintest::harness::engine
