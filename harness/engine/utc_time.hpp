// The wall-clock stamps of a run (RunResult and LoadRunResult started_at / finished_at):
// RFC 3339 in UTC with whole seconds, "2025-11-28T19:40:05Z". Used by the catalog runner
// (check) and the load engine (load). A pure function of the time given; thread-safe.
#pragma once

#include <chrono>
#include <string>

namespace logintest::harness::engine {

// `t` as "YYYY-MM-DDTHH:MM:SSZ" in UTC (fractions of a second dropped).
std::string rfc3339_utc(std::chrono::system_clock::time_point t);

} // namespace logintest::harness::engine
