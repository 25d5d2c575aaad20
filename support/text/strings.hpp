// Small ASCII string helpers shared by every layer: trimming, case-insensitive comparison,
// lower-casing and trailing-slash stripping. ASCII only on purpose (HTTP names, hosts, config
// words); UTF-8 letters are utf8_case.hpp's. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace logintest::support {

// Strips ASCII whitespace (space, tab, CR, LF) from both ends.
std::string_view trim(std::string_view s);
// Strips spaces and tabs only (HTTP's optional white space, RFC 9110 §5.6.3), so a stray CR
// or LF stays part of the value.
std::string_view trim_ows(std::string_view s);

char to_lower(char c);
// ASCII A-Z lowered; every other byte unchanged.
std::string to_lower(std::string_view s);
// ASCII a-z raised; every other byte unchanged.
std::string to_upper(std::string_view s);
// Equal ignoring ASCII case.
bool iequals(std::string_view a, std::string_view b);
// `s` starts with `prefix`, ignoring ASCII case.
bool istarts_with(std::string_view s, std::string_view prefix);

// `url` without its trailing slashes ("https://h/" -> "https://h").
std::string strip_slash(std::string url);

// True if `s` is non-empty and only ASCII digits.
bool is_digits(std::string_view s);
// A decimal integer (optional leading '-'); nullopt on anything else or overflow.
[[nodiscard]] std::optional<long long> parse_int(std::string_view s);

} // namespace logintest::support
