// The users an ESIA account reaches (NS-ESIA-18..20, NS-BIND-9): those bound to its oid,
// without pupils under 14, ordered by userId, each named by an opaque id that clients send
// back as `lscope` (NS-ESIA-21). Shared by account-info, the login page's user list
// (NS-BIND-3) and the loginType=8 login. Thread-safe (reads copies from the UserStore).
#pragma once

#include "mocks/asurso/user_store.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace logintest::mocks::asurso {

struct AsursoState;

// NS-ESIA-19: `id` = md5hex("<oid>:<userId>") (mock decision).
std::string lscope_id(std::int64_t oid, std::int64_t user_id);

// NS-ESIA-19, -20: bound to `oid`, not a pupil under 14 (NS-AGE-4), ordered by userId.
std::vector<UserRecord> listed_users(const AsursoState& state, std::int64_t oid);

// NS-ESIA-19: «Фамилия Имя (shortName)».
std::string esia_display_name(const AsursoState& state, const UserRecord& user);

} // namespace logintest::mocks::asurso
