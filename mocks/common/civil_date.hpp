// Calendar dates and local times for the mock hosts: the fixture's birth dates, absolute
// or relative to today (MOCK-FIX-2), whole-year ages (NS-AGE-1), the current week and school
// year (NS-SESSION-7, -8), and NetSchool's `loginTime` (NS-LOGIN-22). Pure; thread-safe.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace logintest::mocks::common {

struct Date {
    int year = 1970;
    unsigned month = 1;
    unsigned day = 1;

    friend bool operator==(const Date&, const Date&) = default;
};

// The local calendar date of `t` at `utc_offset` (e.g. +04:00 for Samara).
Date local_date(std::chrono::system_clock::time_point t, std::chrono::minutes utc_offset);

// "YYYY-MM-DD".
std::string iso_date(const Date& d);
// Parses "YYYY-MM-DD" (a real calendar date).
std::optional<Date> parse_iso_date(std::string_view s);

// MOCK-FIX-2: "YYYY-MM-DD" or "today-<Y>y[-<D>d]" resolved against `today`: minus Y years
// (29 February becomes 28 February in a non-leap year), then minus D days.
std::optional<Date> resolve_fixture_date(std::string_view s, const Date& today);

Date minus_years(const Date& d, int years);
Date plus_days(const Date& d, int days);
// The Monday on or before `d`.
Date monday_of_week(const Date& d);
// NS-AGE-1: whole years from `birth` to `today`.
int age_in_years(const Date& birth, const Date& today);

// "2025-11-28T23:40:05.1234567": local time at `utc_offset`, 7 fractional digits, no offset.
std::string local_time_7(std::chrono::system_clock::time_point t, std::chrono::minutes utc_offset);

// RFC 3339 UTC with seconds: "2025-11-28T19:40:05Z".
std::string rfc3339_utc(std::chrono::system_clock::time_point t);

} // namespace logintest::mocks::common
