// CSPRNG-backed random values (random.hpp).
#include "mocks/common/random.hpp"

#include "crypto/digest.hpp"

#include <openssl/rand.h>

#include <stdexcept>
#include <string_view>

namespace logintest::mocks::common {

std::string random_bytes(std::size_t n) {
    std::string out(n, '\0');
    if (n > 0 &&
        RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(n)) != 1) {
        throw std::runtime_error("RAND_bytes failed"); // programmer/platform error
    }
    return out;
}

std::string random_hex(std::size_t n_bytes) {
    return crypto::to_hex(random_bytes(n_bytes));
}

std::string random_digits(std::size_t n) {
    std::string out;
    out.reserve(n);
    while (out.size() < n) {
        for (const char c : random_bytes(n + 8)) {
            const auto b = static_cast<unsigned char>(c);
            if (b >= 250) { // rejection keeps the digits uniform
                continue;
            }
            const char digit = static_cast<char>('0' + b % 10);
            if (out.empty() && digit == '0') {
                continue;
            }
            out.push_back(digit);
            if (out.size() == n) {
                break;
            }
        }
    }
    return out;
}

std::string b64url(std::string_view bytes) {
    static constexpr char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string out;
    out.reserve((bytes.size() * 4 + 2) / 3);
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) |
                           (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                           static_cast<unsigned char>(bytes[i + 2]);
        out.push_back(alphabet[(v >> 18) & 63]);
        out.push_back(alphabet[(v >> 12) & 63]);
        out.push_back(alphabet[(v >> 6) & 63]);
        out.push_back(alphabet[v & 63]);
    }
    const std::size_t rest = bytes.size() - i;
    if (rest > 0) {
        unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
        if (rest == 2) {
            v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        }
        out.push_back(alphabet[(v >> 18) & 63]);
        out.push_back(alphabet[(v >> 12) & 63]);
        if (rest == 2) {
            out.push_back(alphabet[(v >> 6) & 63]);
        }
    }
    return out;
}

std::string random_b64url(std::size_t n_bytes) {
    return b64url(random_bytes(n_bytes));
}

std::string random_uuid4() {
    std::string b = random_bytes(16);
    b[6] = static_cast<char>((static_cast<unsigned char>(b[6]) & 0x0F) | 0x40);
    b[8] = static_cast<char>((static_cast<unsigned char>(b[8]) & 0x3F) | 0x80);
    const std::string hex = crypto::to_hex(b);
    return hex.substr(0, 8) + '-' + hex.substr(8, 4) + '-' + hex.substr(12, 4) + '-' +
           hex.substr(16, 4) + '-' + hex.substr(20, 12);
}

} // namespace logintest::mocks::common
