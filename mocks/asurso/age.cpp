// NS-AGE-1 pupils under 14 (age.hpp).
#include "mocks/asurso/age.hpp"

#include "mocks/asurso/asurso_state.hpp"

#include <algorithm>
#include <string_view>

namespace logintest::mocks::asurso {

namespace {
constexpr std::string_view pupil_role_name = "Ученик"; // §22 role 1
} // namespace

bool is_pupil_role(const common::Fixture& fixture, int role_id) {
    const auto* role = fixture.role(role_id);
    return role != nullptr && role->name == pupil_role_name;
}

bool is_pupil_under_age(const common::Fixture& fixture, const UserRecord& user,
                        const common::Date& today, int min_age_years) {
    // NS-AGE-6: several roles count if one of them is «Ученик».
    const bool pupil = std::any_of(user.roles.begin(), user.roles.end(),
                                   [&](int role) { return is_pupil_role(fixture, role); });
    // NS-AGE-1: whole years; the day before the birthday is still the younger age.
    return pupil && common::age_in_years(user.birth_date, today) < min_age_years;
}

bool is_pupil_under_min_age(const AsursoState& state, const UserRecord& user) {
    // NS-AGE-1: asurso's clock date at `timezone_offset`, `bind_min_age_years`.
    return is_pupil_under_age(state.fixture, user, state.today(), state.config.bind_min_age_years);
}

} // namespace logintest::mocks::asurso
