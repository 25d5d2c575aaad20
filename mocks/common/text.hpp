// Small text helpers shared by the mock hosts: ASCII case, trimming, the Latin + Cyrillic
// case folding of NS-LOGIN-19, percent-decoding. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace logintest::mocks::common {

bool iequals_ascii(std::string_view a, std::string_view b);
std::string to_lower_ascii(std::string_view s);
// Strips leading and trailing ASCII spaces and tabs.
std::string_view trim(std::string_view s);

// UTF-8 lowercase of Latin A-Z and Cyrillic А-Я, Ё (NS-LOGIN-19); other bytes unchanged.
std::string fold_case_latin_cyrillic(std::string_view utf8);

// The first code point of a UTF-8 string as UTF-8 ("" for an empty string).
std::string first_code_point(std::string_view utf8);

// Percent-decodes `s`; with `plus_as_space` a '+' is a space (GEN-3 query and form data).
// nullopt if a '%' is not followed by two hex digits.
std::optional<std::string> percent_decode(std::string_view s, bool plus_as_space);

// Percent-encodes every byte outside the RFC 3986 unreserved set.
std::string percent_encode(std::string_view s);

// True if `s` is non-empty and only ASCII digits.
bool is_digits(std::string_view s);

// Parses a decimal integer (optional leading '-'); nullopt on anything else or overflow.
std::optional<long long> parse_int(std::string_view s);

} // namespace logintest::mocks::common
