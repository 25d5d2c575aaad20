// NS-HASH-5, the server side of the NetSchool password proof: is a login's `pw2` / `PW` right
// for the stored hash and length and the session's salt? Pure; thread-safe.
#pragma once

#include <cstddef>
#include <string_view>

namespace logintest::mocks::asurso {

// True iff lower(pw2) = md5hex(salt || stored_md5) and lower(PW) is that value's first
// min(stored_len, 32) characters. `check_prefix` false skips the PW comparison (MOCK-DEF
// pw-prefix-unchecked only).
bool password_matches(std::string_view stored_md5, std::size_t stored_len, std::string_view salt,
                      std::string_view pw2, std::string_view pw, bool check_prefix = true);

} // namespace logintest::mocks::asurso
