// The cookie-date parser of RFC 6265 §5.1.1, shared by the cookie jar and its tests. It reads
// the dates servers really send in `Expires` (RFC 1123, RFC 850 with two-digit years, asctime
// and their sloppy variants), ignoring the weekday and the zone (always GMT). Pure function.
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

namespace logintest::harness::http {

// Seconds since the epoch (UTC) of a cookie date, or nullopt when it is not one.
std::optional<std::chrono::sys_seconds> parse_cookie_date(std::string_view text);

} // namespace logintest::harness::http
