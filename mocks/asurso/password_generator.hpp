// PasswordGenerator (NS-PWD-2): the passwords an administrator's reset hands out (NS-PWD-18).
// Latin only, `password.generated_length` characters (never below 8), at least one letter,
// one digit and one symbol of `password.generator_symbols`; drawn from OpenSSL's CSPRNG, or
// from a PRNG seeded with `password.generator_seed` when set (repeatable runs, mock
// decision). One per host in AsursoState; thread-safe (the seeded PRNG is behind a mutex).
#pragma once

#include "mocks/asurso/asurso_config.hpp"

#include <cstdint>
#include <mutex>
#include <optional>
#include <random>
#include <string>

namespace logintest::mocks::asurso {

class PasswordGenerator {
public:
    explicit PasswordGenerator(const PasswordConfig& config);

    std::string generate();
    // MOCK-CP-3: a seeded generator starts its sequence again.
    void reset();

private:
    // A uniform integer in [0, bound), bound > 0, without modulo bias.
    std::uint64_t below(std::uint64_t bound);
    std::uint64_t next64();

    std::size_t length_;
    std::string symbols_;
    std::optional<std::uint64_t> seed_;
    std::mutex mutex_;
    std::mt19937_64 prng_;
};

} // namespace logintest::mocks::asurso
