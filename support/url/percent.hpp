// Percent-encoding (RFC 3986 §2.1) and application/x-www-form-urlencoded text, on Boost.URL:
// the mock's query and form parsing and its redirect URLs, the tests' request bodies and
// the harness's form posts. Hex digits are upper case; the unreserved set
// (A-Z a-z 0-9 - . _ ~) is never escaped. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace logintest::support {

// Every byte outside the unreserved set as %XX (a space is %20).
std::string percent_encode(std::string_view s);
// Like percent_encode, but a space is '+' (GEN-3 query values, NS-ESIA-2's example).
std::string plus_encode(std::string_view s);
// "name=value&name=value" in the given order, each part percent_encode()d (a space is %20,
// which every form decoder reads as a space).
std::string form_encode(const std::vector<std::pair<std::string, std::string>>& fields);
std::string form_encode(const std::vector<std::pair<std::string_view, std::string_view>>& fields);

// Decodes %XX escapes (and with `plus_as_space` a '+' as a space, GEN-3); nullopt when a
// '%' is not followed by two hex digits (GEN-9: the request is malformed). Other bytes,
// raw or not, pass unchanged.
[[nodiscard]] std::optional<std::string> percent_decode(std::string_view s, bool plus_as_space);

} // namespace logintest::support
