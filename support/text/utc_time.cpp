// UTC calendar fields of a system_clock time (utc_time.hpp).
#include "support/text/utc_time.hpp"

namespace logintest::support {

std::tm utc_tm(std::chrono::system_clock::time_point t) {
    const std::time_t seconds =
        std::chrono::system_clock::to_time_t(std::chrono::floor<std::chrono::seconds>(t));
    std::tm fields{};
    gmtime_r(&seconds, &fields);
    return fields;
}

} // namespace logintest::support
