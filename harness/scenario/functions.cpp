// The built-in template functions: NetSchool proof (pw2, pw), md5, ns_md5, uuid, upper, lower,
// urlencode. A table of name, arity and implementation; call_function checks both.
#include "harness/scenario/functions.hpp"

#include "crypto/digest.hpp"
#include "crypto/netschool_hash.hpp"

#include <array>
#include <cstdint>
#include <random>

namespace logintest::harness::scenario {
namespace {

using Impl = std::string (*)(std::span<const std::string>);

struct Function {
    std::string_view name;
    int arity;
    Impl impl;
};

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

// Maps the case of ASCII and Cyrillic (U+0400..U+045F) letters in UTF-8 text; every other
// byte sequence, valid or not, is copied unchanged.
std::string map_case(std::string_view text, bool to_upper) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            char ch = static_cast<char>(c);
            if (to_upper && ch >= 'a' && ch <= 'z') {
                ch = static_cast<char>(ch - 'a' + 'A');
            } else if (!to_upper && ch >= 'A' && ch <= 'Z') {
                ch = static_cast<char>(ch - 'A' + 'a');
            }
            out += ch;
            ++i;
            continue;
        }
        // Two-byte sequences D0 80 .. D1 9F cover U+0400..U+045F.
        if ((c == 0xD0 || c == 0xD1) && i + 1 < text.size() &&
            (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80) {
            char32_t cp = ((c & 0x1F) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3F);
            if (to_upper) {
                if (cp >= 0x0430 && cp <= 0x044F) {
                    cp -= 0x20;
                } else if (cp >= 0x0450 && cp <= 0x045F) {
                    cp -= 0x50;
                }
            } else {
                if (cp >= 0x0410 && cp <= 0x042F) {
                    cp += 0x20;
                } else if (cp >= 0x0400 && cp <= 0x040F) {
                    cp += 0x50;
                }
            }
            append_utf8(out, cp);
            i += 2;
            continue;
        }
        out += static_cast<char>(c);
        ++i;
    }
    return out;
}

std::string fn_pw2(std::span<const std::string> a) {
    return crypto::netschool_proof(a[0], a[1]).pw2;
}
std::string fn_pw(std::span<const std::string> a) {
    return crypto::netschool_proof(a[0], a[1]).pw;
}
std::string fn_md5(std::span<const std::string> a) {
    return crypto::md5_hex(a[0]);
}
std::string fn_ns_md5(std::span<const std::string> a) {
    return crypto::netschool_password_md5(a[0]);
}
std::string fn_upper(std::span<const std::string> a) {
    return map_case(a[0], true);
}
std::string fn_lower(std::span<const std::string> a) {
    return map_case(a[0], false);
}

// RFC 3986 percent-encoding of every byte except the unreserved characters.
std::string fn_urlencode(std::span<const std::string> a) {
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
    return out;
}

// A random version-4 UUID, 36 lowercase characters (spec §0.3).
std::string fn_uuid(std::span<const std::string>) {
    thread_local std::mt19937_64 engine{std::random_device{}()};
    std::array<std::uint8_t, 16> b{};
    for (std::size_t i = 0; i < b.size(); i += 8) {
        const std::uint64_t r = engine();
        for (std::size_t j = 0; j < 8; ++j) {
            b[i + j] = static_cast<std::uint8_t>(r >> (8 * j));
        }
    }
    b[6] = static_cast<std::uint8_t>((b[6] & 0x0F) | 0x40);
    b[8] = static_cast<std::uint8_t>((b[8] & 0x3F) | 0x80);
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < b.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) {
            out += '-';
        }
        out += hex[b[i] >> 4];
        out += hex[b[i] & 0x0F];
    }
    return out;
}

constexpr std::array<Function, 8> functions = {{
    {"pw2", 2, fn_pw2},
    {"pw", 2, fn_pw},
    {"md5", 1, fn_md5},
    {"ns_md5", 1, fn_ns_md5},
    {"uuid", 0, fn_uuid},
    {"upper", 1, fn_upper},
    {"lower", 1, fn_lower},
    {"urlencode", 1, fn_urlencode},
}};

const Function* find(std::string_view name) {
    for (const auto& f : functions) {
        if (f.name == name) {
            return &f;
        }
    }
    return nullptr;
}

} // namespace

FunctionResult call_function(std::string_view name, std::span<const std::string> args) {
    const Function* f = find(name);
    if (f == nullptr) {
        return {"", "unknown function '" + std::string(name) + "'"};
    }
    if (static_cast<int>(args.size()) != f->arity) {
        return {"", std::string(name) + "() takes " + std::to_string(f->arity) + " argument" +
                        (f->arity == 1 ? "" : "s") + ", got " + std::to_string(args.size())};
    }
    return {f->impl(args), ""};
}

bool is_function(std::string_view name) {
    return find(name) != nullptr;
}

std::vector<std::string> function_names() {
    std::vector<std::string> names;
    for (const auto& f : functions) {
        names.emplace_back(f.name);
    }
    return names;
}

int function_arity(std::string_view name) {
    const Function* f = find(name);
    return f == nullptr ? -1 : f->arity;
}

} // namespace logintest::harness::scenario
