// NS-PWD-2 generated passwords (password_generator.hpp).
#include "mocks/asurso/password_generator.hpp"

#include "mocks/common/random.hpp"

#include <algorithm>
#include <cstring>
#include <limits>
#include <string_view>

namespace logintest::mocks::asurso {
namespace {

constexpr std::string_view letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
constexpr std::string_view digits = "0123456789";
constexpr std::string_view default_symbols = "!#$%&*+-=?@^_";

bool is_letter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// NS-PWD-1: the configured symbols that really are symbols (printable ASCII, not a letter
// or digit), each once; the default set if none is left.
std::string usable_symbols(std::string_view configured) {
    std::string out;
    for (const char c : configured) {
        const bool printable = c >= 0x21 && c <= 0x7E;
        if (printable && !is_letter(c) && !is_digit(c) && out.find(c) == std::string::npos) {
            out += c;
        }
    }
    return out.empty() ? std::string(default_symbols) : out;
}

} // namespace

PasswordGenerator::PasswordGenerator(const PasswordConfig& config)
    : length_(std::max<std::size_t>(config.generated_length, 8)),
      symbols_(usable_symbols(config.generator_symbols)), seed_(config.generator_seed),
      prng_(config.generator_seed.value_or(0)) {}

void PasswordGenerator::reset() {
    std::lock_guard lock(mutex_);
    prng_.seed(seed_.value_or(0));
}

std::uint64_t PasswordGenerator::next64() {
    if (seed_) {
        return prng_(); // under mutex_ (generate() holds it)
    }
    const std::string bytes = common::random_bytes(sizeof(std::uint64_t)); // CSPRNG
    std::uint64_t v = 0;
    std::memcpy(&v, bytes.data(), sizeof v);
    return v;
}

std::uint64_t PasswordGenerator::below(std::uint64_t bound) {
    // Rejection sampling: only the largest multiple of `bound` is accepted.
    const std::uint64_t limit = std::numeric_limits<std::uint64_t>::max() -
                                std::numeric_limits<std::uint64_t>::max() % bound;
    std::uint64_t v = 0;
    do {
        v = next64();
    } while (v >= limit);
    return v % bound;
}

std::string PasswordGenerator::generate() {
    std::lock_guard lock(mutex_);
    const std::string alphabet = std::string(letters) + std::string(digits) + symbols_;
    // NS-PWD-2: uniform over the alphabet, drawn again until every class is present (with
    // 8+ characters that takes a few draws at most).
    while (true) {
        std::string password;
        for (std::size_t i = 0; i < length_; ++i) {
            password += alphabet[below(alphabet.size())];
        }
        const bool letter = std::any_of(password.begin(), password.end(), is_letter);
        const bool digit = std::any_of(password.begin(), password.end(), is_digit);
        const bool symbol = password.find_first_of(symbols_) != std::string::npos;
        if (letter && digit && symbol) {
            return password;
        }
    }
}

} // namespace logintest::mocks::asurso
