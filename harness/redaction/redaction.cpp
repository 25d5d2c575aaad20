// Secret names and masking (see redaction.hpp).
#include "harness/redaction/redaction.hpp"

#include "crypto/digest.hpp"

#include <boost/algorithm/string/case_conv.hpp>
#include <boost/algorithm/string/predicate.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <utility>

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

namespace {

bool name_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-' || c == '.';
}

bool ends_value(char c) {
    return std::string_view("&#; \t\r\n\"'<>,").find(c) != std::string_view::npos;
}

bool keep_value(std::string_view value) {
    return value.empty() || value.starts_with("***") ||
           value.find_first_of("[({\\$*^|") != std::string_view::npos;
}

// The end of the `name=value` value starting at `from`, when the name before '=' (at from-1)
// is secret and the value is to be masked; npos otherwise.
std::size_t pair_value_end(std::string_view text, std::size_t from) {
    std::size_t begin = from - 1;
    while (begin > 0 && name_char(text[begin - 1])) {
        --begin;
    }
    if (begin == from - 1 || !is_secret_name(text.substr(begin, from - 1 - begin))) {
        return std::string_view::npos;
    }
    std::size_t end = from;
    while (end < text.size() && !ends_value(text[end])) {
        ++end;
    }
    return keep_value(text.substr(from, end - from)) ? std::string_view::npos : end;
}

// For a ':' at from-1 after `"name"` (secret) and before `"value"`: where the value starts
// (after its opening quote) and ends (its closing quote); nullopt otherwise.
std::optional<std::pair<std::size_t, std::size_t>> member_value(std::string_view text,
                                                                std::size_t from) {
    std::size_t close = from - 1;
    while (close > 0 && text[close - 1] == ' ') {
        --close;
    }
    if (close < 2 || text[close - 1] != '"') {
        return std::nullopt;
    }
    const std::size_t open = text.rfind('"', close - 2);
    if (open == std::string_view::npos ||
        !is_secret_name(text.substr(open + 1, close - 2 - open))) {
        return std::nullopt;
    }
    std::size_t begin = from;
    while (begin < text.size() && text[begin] == ' ') {
        ++begin;
    }
    if (begin >= text.size() || text[begin] != '"') {
        return std::nullopt;
    }
    std::size_t end = ++begin;
    while (end < text.size() && text[end] != '"') {
        end += text[end] == '\\' ? 2 : 1;
    }
    end = std::min(end, text.size());
    // A JSON string is a value, not a pattern: only masks and templates are kept.
    const std::string_view value = text.substr(begin, end - begin);
    if (value.empty() || value.starts_with("***") || value.find("${") != std::string_view::npos) {
        return std::nullopt;
    }
    return std::make_pair(begin, end);
}

} // namespace

std::string redact_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        out += c;
        ++i;
        if (c == '=') {
            if (const std::size_t end = pair_value_end(text, i); end != std::string_view::npos) {
                out += mask(text.substr(i, end - i));
                i = end;
            }
        } else if (c == ':') {
            if (const auto value = member_value(text, i)) {
                out.append(text.substr(i, value->first - i));
                out += mask(text.substr(value->first, value->second - value->first));
                i = value->second;
            }
        }
    }
    return out;
}

} // namespace logintest::harness::redaction
