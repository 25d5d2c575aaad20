// Case mapping of UTF-8 text for the two alphabets the product meets: ASCII and Cyrillic.
// Used by the mock's login and school-name folding (NS-LOGIN-19: Latin A-Z, Cyrillic А-Я
// and Ё) and by the scenario functions upper()/lower() (the whole Cyrillic block
// U+0400..U+045F). Everything else, including invalid or overlong UTF-8, is copied unchanged.
// Hand-written on purpose: ICU or Boost.Locale would be a large dependency for two letter
// ranges. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace logintest::support {

enum class Cyrillic {
    russian, // А-Я, а-я, Ё, ё (the NS-LOGIN-19 fold)
    block,   // every letter of U+0400..U+045F (Ѐ-Џ, А-Я, а-я, ѐ-џ)
};

std::string utf8_to_lower(std::string_view text, Cyrillic letters);
std::string utf8_to_upper(std::string_view text, Cyrillic letters);

} // namespace logintest::support
