// Message digests over OpenSSL's EVP interface, as lowercase hex. Used by the harness
// (pw2, md5 template functions) and the mocks (password checks). Thread-safe, no state.
#pragma once

#include <string>
#include <string_view>

namespace logintest::crypto {

// md5hex(b) of spec §0.3: MD5 of the bytes as 32 lowercase hex characters.
std::string md5_hex(std::string_view bytes);

// SHA-256 as 64 lowercase hex characters.
std::string sha256_hex(std::string_view bytes);

// Lowercase hex of arbitrary bytes.
std::string to_hex(std::string_view bytes);

} // namespace logintest::crypto
