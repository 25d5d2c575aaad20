// EVP-based digests (see digest.hpp).
#include "crypto/digest.hpp"

#include <openssl/evp.h>

#include <array>
#include <stdexcept>

namespace logintest::crypto {
namespace {

std::string digest_hex(const EVP_MD* md, std::string_view bytes) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> out{};
    unsigned int length = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), out.data(), &length, md, nullptr) != 1) {
        throw std::runtime_error("OpenSSL digest failed");
    }
    return to_hex(std::string_view(reinterpret_cast<const char*>(out.data()), length));
}

} // namespace

std::string to_hex(std::string_view bytes) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(bytes.size() * 2);
    for (unsigned char c : bytes) {
        hex.push_back(digits[c >> 4]);
        hex.push_back(digits[c & 0x0f]);
    }
    return hex;
}

std::string md5_hex(std::string_view bytes) {
    return digest_hex(EVP_md5(), bytes);
}

std::string sha256_hex(std::string_view bytes) {
    return digest_hex(EVP_sha256(), bytes);
}

} // namespace logintest::crypto
