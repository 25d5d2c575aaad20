// Text and number built-ins: upper, lower, urlencode, layout_ru / layout_en (the keyboard
// layout twins of spec Appendix A), snils (ESIA-LOGIN-14 check number), random_password,
// concat, add, sub.
#include "harness/scenario/functions_table.hpp"
#include "support/text/utf8.hpp"
#include "support/text/utf8_case.hpp"
#include "support/url/percent.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <optional>
#include <random>
#include <utility>

namespace logintest::harness::scenario {
namespace {

// ASCII and the Cyrillic block U+0400..U+045F; everything else is copied.
FunctionResult fn_upper(std::span<const std::string> a) {
    return ok(support::utf8_to_upper(a[0], support::Cyrillic::block));
}
FunctionResult fn_lower(std::span<const std::string> a) {
    return ok(support::utf8_to_lower(a[0], support::Cyrillic::block));
}

// RFC 3986 percent-encoding of every byte except the unreserved characters.
FunctionResult fn_urlencode(std::span<const std::string> a) {
    return ok(support::percent_encode(a[0]));
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
        const auto [cp, len] = support::decode_utf8(text, i);
        // A copy of cp: clang 14 cannot capture a structured binding (C++20 allows it).
        const auto key =
            std::find_if(layout_keys.begin(), layout_keys.end(), [&, cp = cp](const auto& k) {
                return to_russian ? static_cast<char32_t>(static_cast<unsigned char>(k.latin)) == cp
                                  : k.russian == cp;
            });
        if (key == layout_keys.end()) {
            out.append(text.substr(i, len));
        } else if (to_russian) {
            support::append_utf8(out, key->russian);
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
