// The school directory of §6.3: the fixture's regions and schools seen as the six cascading
// selects of the login form (`cid`, `sid`, `pid`, `cn`, `sft`, `scid`). It answers "which
// options does this select have, given these parent values" (NS-LOGIN-9) and runs the
// automatic selection of NS-LOGIN-7. Used by prepareloginform, loginform and the login page.
// Pure functions over the read-only fixture; thread-safe.
#pragma once

#include "mocks/common/fixture.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace logintest::mocks::asurso {

// §6.3: "unselected".
inline constexpr long long unselected = -999999;

// The six selects in their order (§6.3).
enum class SelectLevel { cid, sid, pid, cn, sft, scid };
inline constexpr std::size_t select_level_count = 6;

// "cid" .. "scid" (the `LASTNAME` values of NS-LOGIN-9 and the form field names).
std::string_view select_level_name(SelectLevel level);
std::optional<SelectLevel> select_level_by_name(std::string_view name);

struct SelectItem {
    long long id = 0;
    std::string name;
};

// Parent values that restrict the options; an absent value does not restrict.
using SelectValues = std::array<std::optional<long long>, select_level_count>;

// The options of `level` whose place matches every given value of the levels above it:
// regions in fixture order; organisation types that have a school in the matching places
// (NS-LOGIN-7 `funcs`); schools of the matching places and type, ordered by id, named by
// their shortName.
std::vector<SelectItem> select_options(const common::Fixture& fixture, SelectLevel level,
                                       const SelectValues& parents);

struct PreparedLoginForm {
    std::array<std::vector<SelectItem>, select_level_count> lists;
    std::array<long long, select_level_count> selected{};
};

// NS-LOGIN-7: level by level, the requested id if it is in the list, else the single item,
// else unselected; every list below an unselected level is empty.
PreparedLoginForm prepare_login_form(const common::Fixture& fixture, const SelectValues& requested);

// The (cid, sid, pid) of a city, 0 where the fixture has no parent (MOCK-FIX-1 regions).
struct CityPlace {
    int cid = 0;
    int sid = 0;
    int pid = 0;
};
CityPlace place_of_city(const common::Fixture& fixture, int city_id);

} // namespace logintest::mocks::asurso
