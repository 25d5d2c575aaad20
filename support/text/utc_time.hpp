// The calendar fields of a system_clock time in UTC (gmtime_r), for formatting stamps with
// {fmt}: {fmt} 9 formats a system_clock::time_point in the process's local time zone, so
// every stamp (ESIA timestamps, HTTP Date, RFC 3339 run times) formats a std::tm made here
// instead, and never depends on TZ. Used by harness/ and mocks/. Pure; thread-safe.
#pragma once

#include <chrono>
#include <ctime>

namespace logintest::support {

// Whole seconds of `t` (floored) as UTC calendar fields.
std::tm utc_tm(std::chrono::system_clock::time_point t);

} // namespace logintest::support
