// RFC 3339 UTC stamps on {fmt}'s chrono support (utc_time.hpp).
#include "harness/engine/utc_time.hpp"
#include "support/text/utc_time.hpp"

#include <fmt/chrono.h>

namespace logintest::harness::engine {

std::string rfc3339_utc(std::chrono::system_clock::time_point t) {
    return fmt::format("{:%Y-%m-%dT%H:%M:%S}Z", support::utc_tm(t)); // never local time
}

} // namespace logintest::harness::engine
