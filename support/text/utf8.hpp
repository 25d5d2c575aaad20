// UTF-8 code points: decoding one at a position (invalid and overlong sequences are reported,
// not guessed), encoding one, and the first code point of a text. Used by utf8_case.hpp, the
// mock's display names and the scenario functions (keyboard layouts). Hand-written on purpose:
// a few lines, where a Unicode library would be a large dependency. Pure; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace logintest::support {

struct CodePoint {
    static constexpr char32_t invalid = 0xFFFFFFFF;
    char32_t value = invalid; // `invalid` for a byte that starts no valid sequence
    std::size_t length = 1;   // bytes used (1 for an invalid byte)
};

// The code point at byte `i` (< text.size()) of UTF-8 text.
CodePoint decode_utf8(std::string_view text, std::size_t i);
// Appends the UTF-8 encoding of `cp` (at most U+10FFFF).
void append_utf8(std::string& out, char32_t cp);

// The first code point of a UTF-8 string as UTF-8 ("" for an empty string).
std::string first_code_point(std::string_view utf8);

} // namespace logintest::support
