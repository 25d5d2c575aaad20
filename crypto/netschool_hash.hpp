// The NetSchool password proof of spec §7 (NS-HASH): the browser's byte encoding of a
// password, its MD5, and the salted `pw2` / truncated `PW` values a client sends to
// `/webapi/login`. Both sides use it: the harness to log in, the mock to check logins.
// Pure functions, thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace logintest::crypto {

// NS-HASH-1: one byte per UTF-16 code unit of the UTF-8 input (≤0xFF as is, А..я as cp1251,
// Ё 0xA8, ё 0xB8, № 0xB9, anything else 0x00). Invalid UTF-8 bytes map to 0x00.
std::string netschool_encode(std::string_view utf8_password);

// NS-HASH-2: the number of UTF-16 code units of the UTF-8 input.
std::size_t utf16_length(std::string_view utf8);

// NS-HASH-3/-4: md5hex(encode(password)), what the server stores.
std::string netschool_password_md5(std::string_view utf8_password);

// NS-HASH-3: pw2 = md5hex(ascii(salt) || ascii(password_md5)).
std::string netschool_pw2_from_md5(std::string_view salt, std::string_view password_md5);

struct NetschoolProof {
    std::string pw2; // 32 hex
    std::string pw;  // first min(len(password), 32) characters of pw2
};

// NS-HASH-3: the pair a client sends for `password` and `salt`.
NetschoolProof netschool_proof(std::string_view utf8_password, std::string_view salt);

} // namespace logintest::crypto
