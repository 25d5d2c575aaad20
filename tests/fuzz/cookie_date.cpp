// Fuzz target: the cookie-date parser of RFC 6265 §5.1.1 (harness/http/cookie_date.cpp) on
// any text, as an `Expires` attribute brings it. Beyond "no crash, no leak, no UB" it asserts
// that a date it accepts lies in years 1601..9999 (§5.1.1 step 5 and four-digit years) and
// survives a round trip: written as an RFC 1123 date (what a server sends) and read again,
// it gives the same instant.
#include "harness/http/cookie_date.hpp"
#include "tests/fuzz/fuzz_check.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <fmt/format.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace std::chrono;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto parsed = logintest::harness::http::parse_cookie_date(text);
    if (!parsed) {
        return 0;
    }
    const sys_days day = floor<days>(*parsed);
    const year_month_day ymd(day);
    const hh_mm_ss hms(*parsed - day);
    FUZZ_ASSERT(ymd.ok() && ymd.year() >= year(1601) && ymd.year() <= year(9999), text);
    static constexpr const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const std::string rfc1123 =
        fmt::format("Thu, {:02} {} {:04} {:02}:{:02}:{:02} GMT", static_cast<unsigned>(ymd.day()),
                    months[static_cast<unsigned>(ymd.month()) - 1], static_cast<int>(ymd.year()),
                    hms.hours().count(), hms.minutes().count(), hms.seconds().count());
    const auto again = logintest::harness::http::parse_cookie_date(rfc1123);
    FUZZ_ASSERT(again && *again == *parsed, rfc1123);
    return 0;
}
