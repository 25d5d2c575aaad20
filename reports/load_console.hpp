// The console view of a load run: the live progress line while it runs, and at the end a
// summary a person can read at a glance: what ran, the counts, one latency table (journeys
// and their steps, p50/p90/p95/p99/p99.9/max, latency from the schedule beside service
// time), errors by kind, checks failed by clause, a compact per-second timeline, thresholds
// with their verdicts, and notes on whatever limited the run. Reads only harness/model.
// Not thread-safe (writes to one FILE*).
#pragma once

#include "harness/model/load_result.hpp"

#include <cstdio>
#include <string>

namespace logintest::reports {

struct LoadConsoleOptions {
    bool color = false;   // ANSI colours (on for a terminal)
    bool verbose = false; // every timeline second, every step of every journey
};

// " 12.0s/60.0s  users 40  active 9  started 2400  done 2391  200.0/s  p95 14.2ms ..."
std::string format_progress(const harness::model::LoadProgress& progress);

void print_load_summary(std::FILE* out, const harness::model::LoadRunResult& run,
                        const LoadConsoleOptions& options);

// "612 µs", "14.2 ms", "1.53 s": a latency in a table cell.
std::string format_latency(double microseconds);

} // namespace logintest::reports
