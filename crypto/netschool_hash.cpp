// NS-HASH-1..5: the NetSchool browser encoding and salted password proof.
#include "crypto/netschool_hash.hpp"

#include "crypto/digest.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace logintest::crypto {
namespace {

// Decodes UTF-8 into UTF-16 code units; an invalid sequence yields one 0xFFFD unit per
// bad byte (which NS-HASH-1 then maps to 0x00, like any unit it does not know).
std::vector<std::uint16_t> to_utf16(std::string_view s) {
    std::vector<std::uint16_t> units;
    units.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        const auto b0 = static_cast<unsigned char>(s[i]);
        std::uint32_t cp = 0;
        std::size_t extra = 0;
        if (b0 < 0x80) {
            cp = b0;
        } else if ((b0 & 0xE0) == 0xC0) {
            cp = b0 & 0x1F;
            extra = 1;
        } else if ((b0 & 0xF0) == 0xE0) {
            cp = b0 & 0x0F;
            extra = 2;
        } else if ((b0 & 0xF8) == 0xF0) {
            cp = b0 & 0x07;
            extra = 3;
        } else {
            units.push_back(0xFFFD);
            ++i;
            continue;
        }
        bool valid = i + extra < s.size(); // the continuation bytes are all there
        for (std::size_t k = 1; valid && k <= extra; ++k) {
            const auto b = static_cast<unsigned char>(s[i + k]);
            if ((b & 0xC0) != 0x80) {
                valid = false;
            } else {
                cp = (cp << 6) | (b & 0x3F);
            }
        }
        if (!valid) {
            units.push_back(0xFFFD);
            ++i;
            continue;
        }
        i += extra + 1;
        if (cp >= 0x10000) {
            cp -= 0x10000;
            units.push_back(static_cast<std::uint16_t>(0xD800 + (cp >> 10)));
            units.push_back(static_cast<std::uint16_t>(0xDC00 + (cp & 0x3FF)));
        } else {
            units.push_back(static_cast<std::uint16_t>(cp));
        }
    }
    return units;
}

char encode_unit(std::uint16_t u) {
    if (u <= 0xFF) {
        return static_cast<char>(u);
    }
    if (u >= 0x0410 && u <= 0x044F) {
        return static_cast<char>(u - 0x350);
    }
    switch (u) {
    case 0x0401:
        return static_cast<char>(0xA8);
    case 0x0451:
        return static_cast<char>(0xB8);
    case 0x2116:
        return static_cast<char>(0xB9);
    default:
        return '\0';
    }
}

} // namespace

std::string netschool_encode(std::string_view utf8_password) {
    std::string out;
    for (std::uint16_t u : to_utf16(utf8_password)) {
        out.push_back(encode_unit(u));
    }
    return out;
}

std::size_t utf16_length(std::string_view utf8) {
    return to_utf16(utf8).size();
}

std::string netschool_password_md5(std::string_view utf8_password) {
    return md5_hex(netschool_encode(utf8_password));
}

std::string netschool_pw2_from_md5(std::string_view salt, std::string_view password_md5) {
    std::string message(salt);
    message.append(password_md5);
    return md5_hex(message);
}

NetschoolProof netschool_proof(std::string_view utf8_password, std::string_view salt) {
    NetschoolProof proof;
    proof.pw2 = netschool_pw2_from_md5(salt, netschool_password_md5(utf8_password));
    proof.pw = proof.pw2.substr(0, std::min<std::size_t>(utf16_length(utf8_password), 32));
    return proof;
}

} // namespace logintest::crypto
