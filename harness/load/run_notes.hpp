// Run notes: after a load run, whatever limited it (late starts, dropped arrivals, file
// descriptors, local ports, free accounts, journeys cut short), each in words that say what to
// change. Written by the LoadEngine into LoadRunResult::notes; the reports print them.
// Reads the process's open-file limit and /proc's port range; call after the run.
#pragma once

#include "harness/model/load_result.hpp"

namespace logintest::harness::load {

// The sizes of the account pools the run leased from (for the no-free-account note).
struct PoolSizes {
    int load = 0;
    int bind = 0;
};

// Appends the notes for `result` (its totals and config) to result.notes.
void add_run_notes(model::LoadRunResult& result, const PoolSizes& pools);

} // namespace logintest::harness::load
