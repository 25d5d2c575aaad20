// The §6.3 select cascade over the fixture (school_directory.hpp).
#include "mocks/asurso/school_directory.hpp"

#include <algorithm>

namespace logintest::mocks::asurso {
namespace {

constexpr std::array<std::string_view, select_level_count> level_names = {"cid", "sid", "pid",
                                                                          "cn",  "sft", "scid"};

const common::FixtureRegionItem* find_item(const std::vector<common::FixtureRegionItem>& items,
                                           int id) {
    for (const auto& item : items) {
        if (item.id == id) {
            return &item;
        }
    }
    return nullptr;
}

// True if every given value of the levels before `upto` equals the place's value.
bool matches(const SelectValues& given, const std::array<long long, select_level_count>& place,
             std::size_t upto) {
    for (std::size_t i = 0; i < upto; ++i) {
        if (given[i] && *given[i] != place[i]) {
            return false;
        }
    }
    return true;
}

std::size_t index(SelectLevel level) {
    return static_cast<std::size_t>(level);
}

// The place of a school as select values: cid, sid, pid, cn, sft, scid.
std::array<long long, select_level_count> school_place(const common::Fixture& fixture,
                                                       const common::FixtureSchool& school) {
    const auto city = place_of_city(fixture, school.city);
    return {city.cid, city.sid, city.pid, school.city, school.sft, school.id};
}

} // namespace

std::string_view select_level_name(SelectLevel level) {
    return level_names[index(level)];
}

std::optional<SelectLevel> select_level_by_name(std::string_view name) {
    for (std::size_t i = 0; i < level_names.size(); ++i) {
        if (level_names[i] == name) {
            return static_cast<SelectLevel>(i);
        }
    }
    return std::nullopt;
}

CityPlace place_of_city(const common::Fixture& fixture, int city_id) {
    CityPlace place;
    const auto& r = fixture.regions;
    if (const auto* city = find_item(r.cities, city_id)) {
        place.pid = city->parent;
    }
    if (const auto* province = find_item(r.provinces, place.pid)) {
        place.sid = province->parent;
    }
    if (const auto* state = find_item(r.states, place.sid)) {
        place.cid = state->parent;
    }
    return place;
}

std::vector<SelectItem> select_options(const common::Fixture& fixture, SelectLevel level,
                                       const SelectValues& parents) {
    const auto& r = fixture.regions;
    std::vector<SelectItem> out;
    switch (level) {
    case SelectLevel::cid:
        for (const auto& c : r.countries) {
            out.push_back({c.id, c.name});
        }
        break;
    case SelectLevel::sid:
        for (const auto& s : r.states) {
            if (matches(parents, {s.parent, s.id}, 1)) {
                out.push_back({s.id, s.name});
            }
        }
        break;
    case SelectLevel::pid:
        for (const auto& p : r.provinces) {
            const auto* state = find_item(r.states, p.parent);
            const long long cid = state ? state->parent : 0;
            if (matches(parents, {cid, p.parent, p.id}, 2)) {
                out.push_back({p.id, p.name});
            }
        }
        break;
    case SelectLevel::cn:
        for (const auto& c : r.cities) {
            const auto place = place_of_city(fixture, c.id);
            if (matches(parents, {place.cid, place.sid, place.pid, c.id}, 3)) {
                out.push_back({c.id, c.name});
            }
        }
        break;
    case SelectLevel::sft:
        // NS-LOGIN-7: the types that have at least one school in the selected place.
        for (const auto& f : r.funcs) {
            const bool has_school =
                std::any_of(fixture.schools.begin(), fixture.schools.end(), [&](const auto& s) {
                    return s.sft == f.id && matches(parents, school_place(fixture, s), 4);
                });
            if (has_school) {
                out.push_back({f.id, f.name});
            }
        }
        break;
    case SelectLevel::scid:
        // NS-LOGIN-7: the schools of the selected place and type, by id.
        for (const auto& s : fixture.schools) {
            if (matches(parents, school_place(fixture, s), 5)) {
                out.push_back({s.id, s.short_name});
            }
        }
        std::sort(out.begin(), out.end(),
                  [](const SelectItem& a, const SelectItem& b) { return a.id < b.id; });
        break;
    }
    return out;
}

PreparedLoginForm prepare_login_form(const common::Fixture& fixture,
                                     const SelectValues& requested) {
    PreparedLoginForm form;
    SelectValues chosen;
    for (std::size_t i = 0; i < select_level_count; ++i) {
        // NS-LOGIN-7: every list below an unselected level is empty.
        if (i > 0 && form.selected[i - 1] == unselected) {
            form.selected[i] = unselected;
            continue;
        }
        auto& list = form.lists[i];
        list = select_options(fixture, static_cast<SelectLevel>(i), chosen);
        // NS-LOGIN-7: the requested id if listed, else the single item, else unselected.
        const auto wanted = requested[i];
        const bool listed = wanted && std::any_of(list.begin(), list.end(), [&](const auto& item) {
                                return item.id == *wanted;
                            });
        if (listed) {
            form.selected[i] = *wanted;
        } else if (list.size() == 1) {
            form.selected[i] = list.front().id;
        } else {
            form.selected[i] = unselected;
        }
        chosen[i] = form.selected[i];
    }
    return form;
}

} // namespace logintest::mocks::asurso
