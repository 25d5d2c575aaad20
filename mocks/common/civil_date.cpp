// Dates and local times (civil_date.hpp), on C++20 <chrono> calendar types.
#include "mocks/common/civil_date.hpp"
#include "support/text/utc_time.hpp"

#include "support/text/strings.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

namespace logintest::mocks::common {
namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;

year_month_day to_ymd(const Date& d) {
    return year_month_day{std::chrono::year{d.year}, std::chrono::month{d.month},
                          std::chrono::day{d.day}};
}

Date from_ymd(const year_month_day& ymd) {
    return Date{static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day())};
}

} // namespace

Date local_date(std::chrono::system_clock::time_point t, std::chrono::minutes utc_offset) {
    const auto local = std::chrono::floor<days>(t + utc_offset);
    return from_ymd(year_month_day{local});
}

std::string iso_date(const Date& d) {
    return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day);
}

std::optional<Date> parse_iso_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !support::is_digits(s.substr(0, 4)) ||
        !support::is_digits(s.substr(5, 2)) || !support::is_digits(s.substr(8, 2))) {
        return std::nullopt;
    }
    const Date d{static_cast<int>(*support::parse_int(s.substr(0, 4))),
                 static_cast<unsigned>(*support::parse_int(s.substr(5, 2))),
                 static_cast<unsigned>(*support::parse_int(s.substr(8, 2)))};
    if (!to_ymd(d).ok()) {
        return std::nullopt;
    }
    return d;
}

std::optional<Date> resolve_fixture_date(std::string_view s, const Date& today) {
    constexpr std::string_view prefix = "today-";
    if (s.substr(0, prefix.size()) != prefix) {
        return parse_iso_date(s);
    }
    std::string_view rest = s.substr(prefix.size());
    const auto y = rest.find('y');
    if (y == std::string_view::npos || !support::is_digits(rest.substr(0, y))) {
        return std::nullopt;
    }
    const auto years = support::parse_int(rest.substr(0, y));
    rest.remove_prefix(y + 1);
    long long day_count = 0;
    if (!rest.empty()) {
        if (rest.size() < 3 || rest.front() != '-' || rest.back() != 'd' ||
            !support::is_digits(rest.substr(1, rest.size() - 2))) {
            return std::nullopt;
        }
        day_count = *support::parse_int(rest.substr(1, rest.size() - 2));
    }
    if (!years || *years > 1000 || day_count > 1000000) {
        return std::nullopt;
    }
    return plus_days(minus_years(today, static_cast<int>(*years)), -static_cast<int>(day_count));
}

Date minus_years(const Date& d, int years) {
    auto ymd = year_month_day{std::chrono::year{d.year - years}, std::chrono::month{d.month},
                              std::chrono::day{d.day}};
    if (!ymd.ok()) { // 29 February in a non-leap year
        ymd = year_month_day{ymd.year(), ymd.month(), std::chrono::day{28}};
    }
    return from_ymd(ymd);
}

Date plus_days(const Date& d, int day_count) {
    return from_ymd(year_month_day{sys_days{to_ymd(d)} + days{day_count}});
}

Date monday_of_week(const Date& d) {
    const sys_days sd{to_ymd(d)};
    const std::chrono::weekday wd{sd};
    const auto since_monday = (wd - std::chrono::Monday).count();
    return from_ymd(year_month_day{sd - days{since_monday}});
}

int age_in_years(const Date& birth, const Date& today) {
    int age = today.year - birth.year;
    // NS-AGE-1: someone born on 29 February has the birthday on 1 March in other years,
    // which the plain (month, day) comparison gives: (2, 28) < (2, 29) on 28 February.
    if (today.month < birth.month || (today.month == birth.month && today.day < birth.day)) {
        --age;
    }
    return age;
}

std::string local_time_7(std::chrono::system_clock::time_point t, std::chrono::minutes utc_offset) {
    using std::chrono::floor;
    const auto local = t + utc_offset;
    const auto whole = floor<std::chrono::seconds>(local);
    // {fmt} 9 prints whole seconds of a time point; the 7 digits (100 ns units) are added.
    const auto ticks = std::chrono::duration_cast<std::chrono::nanoseconds>(local - whole) / 100;
    return fmt::format("{:%Y-%m-%dT%H:%M:%S}.{:07}", support::utc_tm(whole), ticks.count());
}

std::string rfc3339_utc(std::chrono::system_clock::time_point t) {
    return fmt::format("{:%Y-%m-%dT%H:%M:%S}Z", support::utc_tm(t));
}

} // namespace logintest::mocks::common
