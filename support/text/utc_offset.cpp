// UTC offset parsing (utc_offset.hpp).
#include "support/text/utc_offset.hpp"

#include "support/text/strings.hpp"

namespace logintest::support {

UtcOffset parse_utc_offset(std::string_view s, bool allow_z) {
    UtcOffset result;
    if (allow_z && s == "Z") {
        return result;
    }
    if (s.size() != 6 || (s[0] != '+' && s[0] != '-') || s[3] != ':' ||
        !is_digits(s.substr(1, 2)) || !is_digits(s.substr(4, 2))) {
        result.error = UtcOffsetError::format;
        return result;
    }
    const int hours = (s[1] - '0') * 10 + (s[2] - '0');
    const int minutes = (s[4] - '0') * 10 + (s[5] - '0');
    if (hours > 14 || minutes > 59) {
        result.error = UtcOffsetError::range;
        return result;
    }
    result.offset = std::chrono::minutes((s[0] == '-' ? -1 : 1) * (hours * 60 + minutes));
    return result;
}

} // namespace logintest::support
