// Secret names and masking (see redaction.hpp).
#include "harness/redaction/redaction.hpp"

#include "crypto/digest.hpp"

#include <boost/algorithm/string/case_conv.hpp>
#include <boost/algorithm/string/predicate.hpp>

#include <array>

namespace logintest::harness::redaction {

bool is_secret_name(std::string_view name) {
    static constexpr std::array<std::string_view, 22> exact = {"at",
                                                               "pw",
                                                               "pw2",
                                                               "password",
                                                               "oldpassword",
                                                               "code",
                                                               "token",
                                                               "accesstoken",
                                                               "refreshtoken",
                                                               "client_secret",
                                                               "esrnsec",
                                                               "nssessionid",
                                                               "esia_session",
                                                               "cookie",
                                                               "set-cookie",
                                                               "id_token",
                                                               "access_token",
                                                               "refresh_token",
                                                               "secureactivetoken",
                                                               "authorization",
                                                               "activetoken",
                                                               "otp"};
    const std::string lower = boost::algorithm::to_lower_copy(std::string(name));
    for (auto e : exact) {
        if (lower == e) {
            return true;
        }
    }
    return boost::algorithm::ends_with(lower, "_token") ||
           boost::algorithm::ends_with(lower, "password");
}

std::string mask(std::string_view secret) {
    if (secret.empty()) {
        return "";
    }
    return "***#" + crypto::sha256_hex(secret).substr(0, 4);
}

std::string redact_url(std::string_view url) {
    const auto q = url.find('?');
    if (q == std::string_view::npos) {
        return std::string(url);
    }
    std::string out(url.substr(0, q + 1));
    std::string_view query = url.substr(q + 1);
    std::string_view fragment;
    if (const auto hash = query.find('#'); hash != std::string_view::npos) {
        fragment = query.substr(hash);
        query = query.substr(0, hash);
    }
    bool first = true;
    while (!query.empty()) {
        const auto amp = query.find('&');
        std::string_view pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
        if (!first) {
            out += '&';
        }
        first = false;
        const auto eq = pair.find('=');
        if (eq != std::string_view::npos && is_secret_name(pair.substr(0, eq))) {
            out.append(pair.substr(0, eq + 1));
            out += mask(pair.substr(eq + 1));
        } else {
            out.append(pair);
        }
    }
    out.append(fragment);
    return out;
}

std::string redact_cookie_header(std::string_view header) {
    // Set-Cookie: name=value; Attr=...  -> only the first pair's value is secret.
    // Cookie: a=1; b=2                  -> every pair's value is secret.
    const bool is_set_cookie = header.find("Path=") != std::string_view::npos ||
                               header.find("path=") != std::string_view::npos ||
                               boost::algorithm::icontains(header, "httponly") ||
                               boost::algorithm::icontains(header, "max-age") ||
                               boost::algorithm::icontains(header, "expires");
    std::string out;
    bool first = true;
    while (!header.empty()) {
        const auto semi = header.find(';');
        std::string_view pair = header.substr(0, semi);
        header = semi == std::string_view::npos ? std::string_view{} : header.substr(semi + 1);
        if (!first) {
            out += ';';
        }
        const auto eq = pair.find('=');
        if (eq != std::string_view::npos && (first || !is_set_cookie)) {
            out.append(pair.substr(0, eq + 1));
            out += mask(pair.substr(eq + 1));
        } else {
            out.append(pair);
        }
        first = false;
    }
    return out;
}

} // namespace logintest::harness::redaction
