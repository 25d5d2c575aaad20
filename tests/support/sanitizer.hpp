// Whether this test binary runs under AddressSanitizer or ThreadSanitizer. Both reserve
// terabytes of shadow address space at start, so a test that caps RLIMIT_AS to prove a bound
// on memory cannot do so there (every mmap fails); it still checks the behaviour, and the
// plain build proves the bound (tests/tooling/sanitize.sh runs the same tests). Header-only.
#pragma once

namespace logintest::testing {

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
inline constexpr bool address_space_is_reserved = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
inline constexpr bool address_space_is_reserved = true;
#else
inline constexpr bool address_space_is_reserved = false;
#endif
#else
inline constexpr bool address_space_is_reserved = false;
#endif

} // namespace logintest::testing
