// The assertion of the fuzz targets (tests/fuzz/*.cpp): an invariant that does not hold is a
// finding, so it prints what was expected and aborts, which libFuzzer (and the replay main)
// report as a crash with the input saved. Header-only; no state.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace logintest::fuzz {

[[noreturn]] inline void fail(const char* file, int line, const char* condition,
                              std::string_view detail) {
    std::fprintf(stderr, "%s:%d: fuzz invariant broken: %s (%.*s)\n", file, line, condition,
                 static_cast<int>(detail.size()), detail.data());
    std::abort();
}

} // namespace logintest::fuzz

// FUZZ_ASSERT(condition, detail): `detail` is a std::string_view-convertible text.
#define FUZZ_ASSERT(condition, detail)                                                             \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            ::logintest::fuzz::fail(__FILE__, __LINE__, #condition, (detail));                     \
        }                                                                                          \
    } while (false)

namespace logintest::fuzz {

// True when `text` holds CR, LF or NUL: what must never reach an HTTP header.
inline bool has_line_break_or_nul(std::string_view text) {
    return text.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos;
}

} // namespace logintest::fuzz
