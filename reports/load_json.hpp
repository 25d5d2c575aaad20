// The JSON load report: the whole LoadRunResult (`"schema": 1`, `"kind": "load"`) for CI, for
// dashboards and for merging later: every counter, every error kind, every failed check with
// its clauses, thresholds, notes, the per-second timeline, and every latency histogram with
// its percentiles *and* its non-empty bins (index, count) on the stated log axis, so results
// of several generators can be merged without loss. Reads only harness/model.
#pragma once

#include "harness/model/load_result.hpp"

#include <string>

namespace logintest::reports {

std::string to_json(const harness::model::LoadRunResult& run);

} // namespace logintest::reports
