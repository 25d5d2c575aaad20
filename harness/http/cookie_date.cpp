// RFC 6265 §5.1.1 cookie-date algorithm: split into tokens at delimiters, then take the first
// token that looks like a time, a day of month, a month and a year, in that order of tries.
#include "harness/http/cookie_date.hpp"

#include "support/text/strings.hpp"

#include <array>

namespace logintest::harness::http {

namespace {

bool is_delimiter(unsigned char c) {
    return c == 0x09 || (c >= 0x20 && c <= 0x2F) || (c >= 0x3B && c <= 0x40) ||
           (c >= 0x5B && c <= 0x60) || (c >= 0x7B && c <= 0x7E);
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// Reads min..max digits at `pos`; the token must then end or continue with a non-digit.
std::optional<int> read_digits(std::string_view token, std::size_t& pos, std::size_t min,
                               std::size_t max) {
    std::size_t start = pos;
    int value = 0;
    while (pos < token.size() && is_digit(token[pos]) && pos - start < max) {
        value = value * 10 + (token[pos] - '0');
        ++pos;
    }
    std::size_t count = pos - start;
    if (count < min || (pos < token.size() && is_digit(token[pos]))) {
        return std::nullopt;
    }
    return value;
}

struct Time {
    int hour, minute, second;
};

// time = hms-time ( non-digit *OCTET ), hms-time = time-field ":" time-field ":" time-field
std::optional<Time> match_time(std::string_view token) {
    std::size_t pos = 0;
    std::array<int, 3> fields{};
    for (std::size_t i = 0; i < fields.size(); ++i) {
        auto field = read_digits(token, pos, 1, 2);
        if (!field) {
            return std::nullopt;
        }
        fields[i] = *field;
        if (i < 2) {
            if (pos >= token.size() || token[pos] != ':') {
                return std::nullopt;
            }
            ++pos;
        }
    }
    return Time{fields[0], fields[1], fields[2]};
}

// day-of-month = 1*2DIGIT ( non-digit *OCTET ); year = 2*4DIGIT ( non-digit *OCTET )
std::optional<int> match_number(std::string_view token, std::size_t min, std::size_t max) {
    std::size_t pos = 0;
    return read_digits(token, pos, min, max);
}

// month = ( "jan" / ... / "dec" ) *OCTET, case-insensitive
std::optional<int> match_month(std::string_view token) {
    static constexpr std::array<std::string_view, 12> names = {
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    if (token.size() < 3) {
        return std::nullopt;
    }
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (support::iequals(token.substr(0, 3), names[i])) {
            return static_cast<int>(i) + 1;
        }
    }
    return std::nullopt;
}

} // namespace

std::optional<std::chrono::sys_seconds> parse_cookie_date(std::string_view text) {
    std::optional<Time> time;
    std::optional<int> day, month, year;
    std::size_t pos = 0;
    while (pos < text.size()) {
        while (pos < text.size() && is_delimiter(static_cast<unsigned char>(text[pos]))) {
            ++pos;
        }
        std::size_t end = pos;
        while (end < text.size() && !is_delimiter(static_cast<unsigned char>(text[end]))) {
            ++end;
        }
        std::string_view token = text.substr(pos, end - pos);
        pos = end;
        if (token.empty()) {
            continue;
        }
        if (!time && (time = match_time(token))) {
            continue;
        }
        if (!day && (day = match_number(token, 1, 2))) {
            continue;
        }
        if (!month && (month = match_month(token))) {
            continue;
        }
        if (!year) {
            year = match_number(token, 2, 4);
        }
    }
    if (!time || !day || !month || !year) {
        return std::nullopt;
    }
    // Two-digit years: 70-99 are 19xx, 00-69 are 20xx.
    if (*year >= 70 && *year <= 99) {
        *year += 1900;
    } else if (*year >= 0 && *year <= 69) {
        *year += 2000;
    }
    if (*day < 1 || *day > 31 || *year < 1601 || time->hour > 23 || time->minute > 59 ||
        time->second > 59) {
        return std::nullopt;
    }
    using namespace std::chrono;
    year_month_day date{std::chrono::year(*year), std::chrono::month(static_cast<unsigned>(*month)),
                        std::chrono::day(static_cast<unsigned>(*day))};
    if (!date.ok()) {
        return std::nullopt; // e.g. 31 Feb
    }
    return sys_days(date) + hours(time->hour) + minutes(time->minute) + seconds(time->second);
}

} // namespace logintest::harness::http
