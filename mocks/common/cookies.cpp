// Cookie header parsing and Set-Cookie formatting (cookies.hpp).
#include "mocks/common/cookies.hpp"

#include "support/text/strings.hpp"

namespace logintest::mocks::common {

std::optional<std::string> find_cookie(std::string_view cookie_header, std::string_view name) {
    std::string_view rest = cookie_header;
    while (!rest.empty()) {
        const auto semi = rest.find(';');
        const std::string_view pair = support::trim_ows(rest.substr(0, semi));
        rest = semi == std::string_view::npos ? std::string_view{} : rest.substr(semi + 1);
        const auto eq = pair.find('=');
        if (eq == std::string_view::npos) {
            continue;
        }
        if (support::trim_ows(pair.substr(0, eq)) == name) {
            std::string_view value = support::trim_ows(pair.substr(eq + 1));
            if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
                value = value.substr(1, value.size() - 2);
            }
            return std::string(value);
        }
    }
    return std::nullopt;
}

std::string set_cookie_value(const CookieSpec& cookie) {
    std::string out = cookie.name;
    out += '=';
    out += cookie.value;
    out += "; Path=/; HttpOnly";
    if (cookie.max_age) {
        out += "; Max-Age=";
        out += std::to_string(*cookie.max_age);
    }
    if (cookie.secure) {
        out += "; Secure";
    }
    return out;
}

} // namespace logintest::mocks::common
