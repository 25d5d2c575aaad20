// Text and number built-ins: upper, lower, urlencode, layout_ru / layout_en (the keyboard
// layout twins of spec Appendix A), snils (ESIA-LOGIN-14 check number), random_password,
// concat, add, sub.
#include "harness/scenario/functions_table.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <optional>
#include <random>
#include <utility>

namespace logintest::harness::scenario {
namespace {

// Appends the UTF-8 encoding of code point `cp`.
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

// The code point at `i` of UTF-8 text and its length in bytes; an invalid byte is returned as
// itself with length 1 (and copied unchanged by the callers).
std::pair<char32_t, std::size_t> decode_utf8(std::string_view text, std::size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    auto cont = [&](std::size_t k) {
        return i + k < text.size() && (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    };
    auto bits = [&](std::size_t k) {
        return static_cast<char32_t>(static_cast<unsigned char>(text[i + k]) & 0x3F);
    };
    if (c < 0x80) {
        return {c, 1};
    }
    if ((c & 0xE0) == 0xC0 && cont(1)) {
        return {(static_cast<char32_t>(c & 0x1F) << 6) | bits(1), 2};
    }
    if ((c & 0xF0) == 0xE0 && cont(1) && cont(2)) {
        return {(static_cast<char32_t>(c & 0x0F) << 12) | (bits(1) << 6) | bits(2), 3};
    }
    if ((c & 0xF8) == 0xF0 && cont(1) && cont(2) && cont(3)) {
        return {(static_cast<char32_t>(c & 0x07) << 18) | (bits(1) << 12) | (bits(2) << 6) |
                    bits(3),
                4};
    }
    return {0xFFFFFFFF, 1};
}

// Maps the case of ASCII and Cyrillic (U+0400..U+045F) letters; everything else is copied.
std::string map_case(std::string_view text, bool to_upper) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        auto [cp, len] = decode_utf8(text, i);
        if (cp == 0xFFFFFFFF || (cp >= 0x80 && (cp < 0x0400 || cp > 0x045F))) {
            out.append(text.substr(i, len));
            i += len;
            continue;
        }
        if (to_upper) {
            if ((cp >= 'a' && cp <= 'z') || (cp >= 0x0430 && cp <= 0x044F)) {
                cp -= 0x20;
            } else if (cp >= 0x0450 && cp <= 0x045F) {
                cp -= 0x50;
            }
        } else {
            if ((cp >= 'A' && cp <= 'Z') || (cp >= 0x0410 && cp <= 0x042F)) {
                cp += 0x20;
            } else if (cp >= 0x0400 && cp <= 0x040F) {
                cp += 0x50;
            }
        }
        append_utf8(out, cp);
        i += len;
    }
    return out;
}

FunctionResult fn_upper(std::span<const std::string> a) {
    return ok(map_case(a[0], true));
}
FunctionResult fn_lower(std::span<const std::string> a) {
    return ok(map_case(a[0], false));
}

// RFC 3986 percent-encoding of every byte except the unreserved characters.
FunctionResult fn_urlencode(std::span<const std::string> a) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (const char ch : a[0]) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '.' || c == '_' || c == '~') {
            out += ch;
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 0x0F];
        }
    }
    return ok(out);
}

// Spec Appendix A: the key typed on the Latin (QWERTY, US) layout and what the same key gives
// on the Russian ЙЦУКЕН layout. Keys not listed give the same character on both.
struct LayoutKey {
    char latin;
    char32_t russian;
};

constexpr std::array<LayoutKey, 74> layout_keys = {{
    {'`', U'ё'}, {'~', U'Ё'}, {'@', U'"'}, {'#', U'№'},  {'$', U';'}, {'^', U':'}, {'&', U'?'},
    {'|', U'/'}, {'q', U'й'}, {'Q', U'Й'}, {'w', U'ц'},  {'W', U'Ц'}, {'e', U'у'}, {'E', U'У'},
    {'r', U'к'}, {'R', U'К'}, {'t', U'е'}, {'T', U'Е'},  {'y', U'н'}, {'Y', U'Н'}, {'u', U'г'},
    {'U', U'Г'}, {'i', U'ш'}, {'I', U'Ш'}, {'o', U'щ'},  {'O', U'Щ'}, {'p', U'з'}, {'P', U'З'},
    {'[', U'х'}, {'{', U'Х'}, {']', U'ъ'}, {'}', U'Ъ'},  {'a', U'ф'}, {'A', U'Ф'}, {'s', U'ы'},
    {'S', U'Ы'}, {'d', U'в'}, {'D', U'В'}, {'f', U'а'},  {'F', U'А'}, {'g', U'п'}, {'G', U'П'},
    {'h', U'р'}, {'H', U'Р'}, {'j', U'о'}, {'J', U'О'},  {'k', U'л'}, {'K', U'Л'}, {'l', U'д'},
    {'L', U'Д'}, {';', U'ж'}, {':', U'Ж'}, {'\'', U'э'}, {'"', U'Э'}, {'z', U'я'}, {'Z', U'Я'},
    {'x', U'ч'}, {'X', U'Ч'}, {'c', U'с'}, {'C', U'С'},  {'v', U'м'}, {'V', U'М'}, {'b', U'и'},
    {'B', U'И'}, {'n', U'т'}, {'N', U'Т'}, {'m', U'ь'},  {'M', U'Ь'}, {',', U'б'}, {'<', U'Б'},
    {'.', U'ю'}, {'>', U'Ю'}, {'/', U'.'}, {'?', U','},
}};

std::string relayout(std::string_view text, bool to_russian) {
    std::string out;
    out.reserve(text.size() * 2);
    for (std::size_t i = 0; i < text.size();) {
        const auto [cp, len] = decode_utf8(text, i);
        const auto key = std::find_if(layout_keys.begin(), layout_keys.end(), [&](const auto& k) {
            return to_russian ? static_cast<char32_t>(static_cast<unsigned char>(k.latin)) == cp
                              : k.russian == cp;
        });
        if (key == layout_keys.end()) {
            out.append(text.substr(i, len));
        } else if (to_russian) {
            append_utf8(out, key->russian);
        } else {
            out += key->latin;
        }
        i += len;
    }
    return out;
}

FunctionResult fn_layout_ru(std::span<const std::string> a) {
    return ok(relayout(a[0], true));
}
FunctionResult fn_layout_en(std::span<const std::string> a) {
    return ok(relayout(a[0], false));
}

// ESIA-LOGIN-13/14: nine digits (spaces and '-' ignored) -> `XXX-XXX-XXX YY`.
FunctionResult fn_snils(std::span<const std::string> a) {
    std::string digits;
    for (const char c : a[0]) {
        if (c >= '0' && c <= '9') {
            digits += c;
        } else if (c != ' ' && c != '-') {
            return fail("'" + a[0] + "' is not nine digits");
        }
    }
    if (digits.size() != 9) {
        return fail("'" + a[0] + "' is not nine digits");
    }
    int sum = 0;
    for (std::size_t i = 0; i < 9; ++i) {
        sum += static_cast<int>(9 - i) * (digits[i] - '0');
    }
    int check = sum;
    if (sum == 100 || sum == 101) {
        check = 0;
    } else if (sum > 101) {
        check = sum % 101;
        if (check == 100) {
            check = 0;
        }
    }
    const std::string cc = (check < 10 ? "0" : "") + std::to_string(check);
    return ok(digits.substr(0, 3) + "-" + digits.substr(3, 3) + "-" + digits.substr(6, 3) + " " +
              cc);
}

// Ten characters: Latin letters (upper and lower case), digits and the symbols
// `!#$%&*+-=?@^_`, at least one of each.
FunctionResult fn_random_password(std::span<const std::string>) {
    static constexpr std::string_view upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static constexpr std::string_view lower = "abcdefghijklmnopqrstuvwxyz";
    static constexpr std::string_view digits = "0123456789";
    static constexpr std::string_view symbols = "!#$%&*+-=?@^_";
    static constexpr std::string_view all = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                            "0123456789!#$%&*+-=?@^_";
    thread_local std::mt19937_64 engine{std::random_device{}()};
    auto pick = [](std::string_view from) {
        std::uniform_int_distribution<std::size_t> d(0, from.size() - 1);
        return from[d(engine)];
    };
    std::string out{pick(upper), pick(lower), pick(digits), pick(symbols)};
    while (out.size() < 10) {
        out += pick(all);
    }
    std::shuffle(out.begin(), out.end(), engine);
    return ok(out);
}

FunctionResult fn_concat(std::span<const std::string> a) {
    std::string out;
    for (const auto& part : a) {
        out += part;
    }
    return ok(out);
}

std::optional<std::int64_t> parse_int(std::string_view s) {
    std::int64_t value = 0;
    if (!s.empty() && s.front() == '+') {
        s.remove_prefix(1);
    }
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (s.empty() || ec != std::errc() || ptr != s.data() + s.size()) {
        return std::nullopt;
    }
    return value;
}

FunctionResult arithmetic(std::span<const std::string> a, bool subtract) {
    const auto x = parse_int(a[0]);
    const auto y = parse_int(a[1]);
    if (!x || !y) {
        return fail("'" + (x ? a[1] : a[0]) + "' is not a 64-bit integer");
    }
    std::int64_t r = 0;
    const bool overflow =
        subtract ? __builtin_sub_overflow(*x, *y, &r) : __builtin_add_overflow(*x, *y, &r);
    if (overflow) {
        return fail("the result does not fit in 64 bits");
    }
    return ok(std::to_string(r));
}

FunctionResult fn_add(std::span<const std::string> a) {
    return arithmetic(a, false);
}
FunctionResult fn_sub(std::span<const std::string> a) {
    return arithmetic(a, true);
}

constexpr std::array<FunctionDef, 10> table = {{
    {"upper", 1, 1, fn_upper},
    {"lower", 1, 1, fn_lower},
    {"urlencode", 1, 1, fn_urlencode},
    {"layout_ru", 1, 1, fn_layout_ru},
    {"layout_en", 1, 1, fn_layout_en},
    {"snils", 1, 1, fn_snils},
    {"random_password", 0, 0, fn_random_password},
    {"concat", 1, -1, fn_concat},
    {"add", 2, 2, fn_add},
    {"sub", 2, 2, fn_sub},
}};

} // namespace

std::span<const FunctionDef> text_functions() {
    return table;
}

} // namespace logintest::harness::scenario
