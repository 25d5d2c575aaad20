// UTF-8 decoding and encoding of single code points (utf8.hpp).
#include "support/text/utf8.hpp"

namespace logintest::support {

CodePoint decode_utf8(std::string_view text, std::size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    auto cont = [&](std::size_t k) {
        return i + k < text.size() && (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    };
    auto bits = [&](std::size_t k) {
        return static_cast<char32_t>(static_cast<unsigned char>(text[i + k]) & 0x3F);
    };
    // Shorter-than-needed (overlong) encodings are invalid (RFC 3629 §3).
    auto checked = [](char32_t cp, std::size_t length, char32_t lowest) {
        return cp >= lowest ? CodePoint{cp, length} : CodePoint{};
    };
    if (c < 0x80) {
        return {c, 1};
    }
    if ((c & 0xE0) == 0xC0 && cont(1)) {
        return checked((static_cast<char32_t>(c & 0x1F) << 6) | bits(1), 2, 0x80);
    }
    if ((c & 0xF0) == 0xE0 && cont(1) && cont(2)) {
        return checked((static_cast<char32_t>(c & 0x0F) << 12) | (bits(1) << 6) | bits(2), 3,
                       0x800);
    }
    if ((c & 0xF8) == 0xF0 && cont(1) && cont(2) && cont(3)) {
        return checked((static_cast<char32_t>(c & 0x07) << 18) | (bits(1) << 12) | (bits(2) << 6) |
                           bits(3),
                       4, 0x10000);
    }
    return {};
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string first_code_point(std::string_view utf8) {
    if (utf8.empty()) {
        return {};
    }
    std::size_t n = 1;
    while (n < utf8.size() && (static_cast<unsigned char>(utf8[n]) & 0xC0) == 0x80) {
        ++n;
    }
    return std::string(utf8.substr(0, n));
}

} // namespace logintest::support
