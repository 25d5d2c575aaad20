// CSPRNG-backed random values (random.hpp).
#include "mocks/common/random.hpp"

#include "crypto/base64url.hpp"
#include "crypto/digest.hpp"

#include <boost/uuid/uuid.hpp>
#include <boost/uuid/uuid_generators.hpp>
#include <boost/uuid/uuid_io.hpp>

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

std::string random_b64url(std::size_t n_bytes) {
    return crypto::b64url_encode(random_bytes(n_bytes));
}

std::string random_uuid4() {
    // random_generator draws from the operating system's CSPRNG (getrandom); one per call
    // keeps this thread-safe without a lock.
    return boost::uuids::to_string(boost::uuids::random_generator()());
}

} // namespace logintest::mocks::common
