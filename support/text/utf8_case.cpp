// UTF-8 case mapping of ASCII and Cyrillic letters (utf8_case.hpp).
#include "support/text/utf8_case.hpp"

#include "support/text/utf8.hpp"

namespace logintest::support {
namespace {

char32_t lower(char32_t cp, Cyrillic letters) {
    if (cp >= 'A' && cp <= 'Z') {
        return cp + 0x20;
    }
    if (cp >= 0x0410 && cp <= 0x042F) { // А..Я
        return cp + 0x20;
    }
    if (letters == Cyrillic::russian) {
        return cp == 0x0401 ? 0x0451 : cp; // Ё
    }
    return cp >= 0x0400 && cp <= 0x040F ? cp + 0x50 : cp; // Ѐ..Џ
}

char32_t upper(char32_t cp, Cyrillic letters) {
    if (cp >= 'a' && cp <= 'z') {
        return cp - 0x20;
    }
    if (cp >= 0x0430 && cp <= 0x044F) { // а..я
        return cp - 0x20;
    }
    if (letters == Cyrillic::russian) {
        return cp == 0x0451 ? 0x0401 : cp; // ё
    }
    return cp >= 0x0450 && cp <= 0x045F ? cp - 0x50 : cp; // ѐ..џ
}

template <class Map> std::string map_case(std::string_view text, Map map) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const CodePoint cp = decode_utf8(text, i);
        const char32_t mapped = cp.value == CodePoint::invalid ? cp.value : map(cp.value);
        if (mapped == cp.value) {
            out.append(text.substr(i, cp.length));
        } else {
            append_utf8(out, mapped);
        }
        i += cp.length;
    }
    return out;
}

} // namespace

std::string utf8_to_lower(std::string_view text, Cyrillic letters) {
    return map_case(text, [letters](char32_t cp) { return lower(cp, letters); });
}

std::string utf8_to_upper(std::string_view text, Cyrillic letters) {
    return map_case(text, [letters](char32_t cp) { return upper(cp, letters); });
}

} // namespace logintest::support
