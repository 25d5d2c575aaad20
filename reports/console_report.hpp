// The console report: a protocol trace a QA engineer can follow. One block per journey,
// one line per step (verdict, name, the request and its hops, status, time, clause ids),
// and under a step every check that did not pass (or every check with `verbose`), then a
// summary. Reads only harness/model. Not thread-safe (writes to one FILE*).
#pragma once

#include "harness/model/result.hpp"

#include <cstdio>

namespace logintest::reports {

struct ConsoleOptions {
    bool color = false;   // ANSI colours (on for a terminal)
    bool verbose = false; // list passing checks too
};

void print_journey(std::FILE* out, const harness::model::JourneyResult& journey,
                   const ConsoleOptions& options);

void print_summary(std::FILE* out, const harness::model::RunResult& run,
                   const ConsoleOptions& options);

} // namespace logintest::reports
