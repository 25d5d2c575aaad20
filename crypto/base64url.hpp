// b64url of spec §0.3: Base64 with the URL-safe alphabet and no padding; the decoder also
// accepts padding and the standard alphabet's absence of it (ESIA-SIG-3). Pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace logintest::crypto {

std::string b64url_encode(std::string_view bytes);
// Nullopt when the text is not b64url (padding `=` accepted at the end).
std::optional<std::string> b64url_decode(std::string_view text);

} // namespace logintest::crypto
