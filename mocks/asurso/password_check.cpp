// NS-HASH-5 (password_check.hpp).
#include "mocks/asurso/password_check.hpp"

#include "crypto/netschool_hash.hpp"
#include "support/text/strings.hpp"

#include <algorithm>
#include <string>

namespace logintest::mocks::asurso {

bool password_matches(std::string_view stored_md5, std::size_t stored_len, std::string_view salt,
                      std::string_view pw2, std::string_view pw, bool check_prefix) {
    // NS-HASH-5: expected = md5hex(ascii(salt) || ascii(stored_md5)).
    const std::string expected = crypto::netschool_pw2_from_md5(salt, stored_md5);
    // NS-HASH-5: PW is the first min(stored_len, 32) characters of it.
    const std::string expected_pw = expected.substr(0, std::min<std::size_t>(stored_len, 32));
    return support::to_lower(pw2) == expected &&
           (!check_prefix || support::to_lower(pw) == expected_pw);
}

} // namespace logintest::mocks::asurso
