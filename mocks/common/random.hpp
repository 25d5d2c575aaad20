// Random values the mock hands out: cookie values, salts, `at`, opaque tokens, UUIDs. Bytes
// come from OpenSSL's CSPRNG (RAND_bytes), UUIDs from Boost.UUID's random_generator (the
// operating system's CSPRNG); both are thread-safe.
#pragma once

#include <cstddef>
#include <string>

namespace logintest::mocks::common {

std::string random_bytes(std::size_t n);
// 2*n lowercase hex characters from n random bytes (NSSESSIONID: random_hex(16)).
std::string random_hex(std::size_t n_bytes);
// n uniformly random decimal digits, the first one not '0' (NS-LOGIN-12, NS-LOGIN-22 `at`).
std::string random_digits(std::size_t n);
// b64url without padding of n random bytes (NS-LOGIN-22 opaque tokens).
std::string random_b64url(std::size_t n_bytes);
// A version-4 UUID, 36 lowercase characters (§0.3).
std::string random_uuid4();

} // namespace logintest::mocks::common
