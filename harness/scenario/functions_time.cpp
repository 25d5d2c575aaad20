// Time built-ins from the system clock: esia_timestamp() / esia_timestamp(offset_seconds)
// (`yyyy.MM.dd HH:mm:ss +0300`, Moscow time = UTC+3, spec ESIA-AC timestamps) and now()
// (epoch seconds).
#include "harness/scenario/functions_table.hpp"
#include "support/text/utc_time.hpp"

#include <fmt/chrono.h>

#include <array>
#include <charconv>
#include <chrono>
#include <cstdint>

namespace logintest::harness::scenario {
namespace {

std::int64_t epoch_seconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

FunctionResult fn_esia_timestamp(std::span<const std::string> a) {
    std::int64_t offset = 0;
    if (!a.empty()) {
        const std::string_view s = a[0];
        const char* begin = s.data() + (!s.empty() && s.front() == '+' ? 1 : 0);
        const auto [ptr, ec] = std::from_chars(begin, s.data() + s.size(), offset);
        if (s.empty() || ec != std::errc() || ptr != s.data() + s.size()) {
            return fail("offset '" + a[0] + "' is not a whole number of seconds");
        }
    }
    // The time must stay within 1970–2261: the system clock counts nanoseconds in 64 bits and
    // ends in April 2262, so a larger offset would overflow it (found by fuzz.template).
    constexpr std::int64_t last_second = 9'200'000'000; // 2261-07-13
    const std::int64_t now = epoch_seconds();
    if (offset < -now || offset > last_second - now) {
        return fail("offset '" + a[0] + "' puts the time outside the years 1970-2261");
    }
    const std::chrono::sys_seconds moscow{std::chrono::seconds(now + offset + 3 * 3600)};
    return ok(fmt::format("{:%Y.%m.%d %H:%M:%S} +0300", support::utc_tm(moscow)));
}

FunctionResult fn_now(std::span<const std::string>) {
    return ok(std::to_string(epoch_seconds()));
}

constexpr std::array<FunctionDef, 2> table = {{
    {"esia_timestamp", 0, 1, fn_esia_timestamp},
    {"now", 0, 0, fn_now},
}};

} // namespace

std::span<const FunctionDef> time_functions() {
    return table;
}

} // namespace logintest::harness::scenario
