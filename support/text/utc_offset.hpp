// UTC offsets written "+HH:MM" / "-HH:MM" (optionally "Z"), as in the mock configuration's
// `asurso.timezone_offset` (spec §23). Pure; thread-safe.
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

namespace logintest::support {

enum class UtcOffsetError { none, format, range };

struct UtcOffset {
    std::chrono::minutes offset{0};
    UtcOffsetError error = UtcOffsetError::none; // format: not "±HH:MM"; range: over 14:59
};

// Parses "+04:00", "-03:30" (hours 0-14, minutes 0-59) and, with `allow_z`, "Z".
[[nodiscard]] UtcOffset parse_utc_offset(std::string_view s, bool allow_z);

} // namespace logintest::support
