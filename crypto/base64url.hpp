// b64url of spec §0.3: Base64 with the URL-safe alphabet (`-`, `_`) and no padding. The decoder
// also accepts `=` padding (ESIA-SIG-3) and rejects any other character, including the standard
// alphabet's `+` and `/`. Used for client secrets, JWTs and opaque tokens on both sides.
// Pure functions, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace logintest::crypto {

std::string b64url_encode(std::string_view bytes);
// Nullopt when the text is not b64url (padding `=` accepted at the end).
[[nodiscard]] std::optional<std::string> b64url_decode(std::string_view text);

} // namespace logintest::crypto
