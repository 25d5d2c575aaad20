// Pupils under 14 (NS-AGE-1, -6): a user with the role «Ученик» (among others) whose age in
// whole years on asurso's clock date at `timezone_offset` is below `bind_min_age_years`.
// Such pupils log in with the school-module login only: binding (NS-AGE-3), loginType=8
// (NS-AGE-4) and account-info (NS-ESIA-20) refuse or hide them. Pure; thread-safe.
#pragma once

#include "mocks/asurso/user_store.hpp"
#include "mocks/common/civil_date.hpp"
#include "mocks/common/fixture.hpp"

namespace logintest::mocks::asurso {

struct AsursoState;

// NS-AGE-1: the role «Ученик» of the fixture's role list.
bool is_pupil_role(const common::Fixture& fixture, int role_id);

// NS-AGE-1, -6: one of the user's roles is «Ученик» and the user's age on `today` is below
// `min_age_years` (29 February birthdays fall on 1 March in other years).
bool is_pupil_under_age(const common::Fixture& fixture, const UserRecord& user,
                        const common::Date& today, int min_age_years);

// The same on asurso's clock and configuration.
bool is_pupil_under_min_age(const AsursoState& state, const UserRecord& user);

} // namespace logintest::mocks::asurso
