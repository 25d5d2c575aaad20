// Cookies on the server side: reading a request's Cookie header and writing Set-Cookie
// values with the attributes of MOCK-HOST-6 (host-only, Path=/, HttpOnly, Secure with TLS,
// no SameSite). Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace logintest::mocks::common {

// The value of the first cookie called `name` in one Cookie header value
// ("a=1; b=2"). A value may itself contain '=' (ESRNSec=ESRNSECR1=ab..., NS-SESSION-2).
std::optional<std::string> find_cookie(std::string_view cookie_header, std::string_view name);

struct CookieSpec {
    std::string name;
    std::string value;
    std::optional<long long> max_age; // Max-Age=<n> when set (0 clears)
    bool secure = false;              // MOCK-HOST-6: on when TLS is on
};

// MOCK-HOST-6: "<name>=<value>; Path=/; HttpOnly[; Max-Age=n][; Secure]", no Domain.
std::string set_cookie_value(const CookieSpec& cookie);

} // namespace logintest::mocks::common
