// RFC 3339 UTC stamps on {fmt}'s chrono support (utc_time.hpp).
#include "harness/engine/utc_time.hpp"

#include <fmt/chrono.h>

namespace logintest::harness::engine {

std::string rfc3339_utc(std::chrono::system_clock::time_point t) {
    // Through a std::tm from fmt::gmtime: {fmt} 9 formats a system_clock time point in local
    // time, not UTC.
    return fmt::format("{:%Y-%m-%dT%H:%M:%S}Z",
                       fmt::gmtime(std::chrono::system_clock::to_time_t(t)));
}

} // namespace logintest::harness::engine
