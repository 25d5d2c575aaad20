// MOCK-FIX-5 load pool (load_pool.hpp).
#include "mocks/common/load_pool.hpp"

#include <fmt/format.h>

#include <set>

namespace logintest::mocks::common {
namespace {

constexpr int pool_school = 2436; // MOCK-FIX-5: scid 2436
constexpr int pool_role = 1;      // «Ученик»

struct PoolKind {
    std::int64_t first_user_id; // userId = first_user_id + i
    std::int64_t first_oid;     // oid = first_oid + i
    std::string_view login;     // "load" | "bind": login, e-mail prefix
    std::string_view password;  // "Load" | "Bind"
    std::string_view last_name; // user and account share the name: "<last_name><i>" «Тест»
    bool bound;
};

void add_pairs(Fixture& fixture, const PoolKind& kind, int count, std::set<std::int64_t>& user_ids,
               std::set<std::int64_t>& oids) {
    for (int i = 1; i <= count; ++i) {
        const std::int64_t user_id = kind.first_user_id + i;
        const std::int64_t oid = kind.first_oid + i;
        if (user_ids.count(user_id) != 0 || oids.count(oid) != 0) {
            continue; // already there: the pool was added before
        }
        FixtureUser u;
        u.user_id = user_id;
        u.login = fmt::format("{}{:05d}", kind.login, i);
        u.scid = pool_school;
        u.last_name = fmt::format("{}{:05d}", kind.last_name, i);
        u.first_name = "Тест";
        u.roles = {pool_role};
        u.birth_date = "today-15y";
        u.password = fmt::format("{}#{:05d}", kind.password, i);
        fixture.users.push_back(std::move(u));
        user_ids.insert(user_id);

        FixtureEsiaAccount a;
        a.oid = oid;
        a.last_name = fmt::format("{}{:05d}", kind.last_name, i);
        a.first_name = "Тест";
        a.middle_name = "";
        a.birth_date = "today-15y";
        a.gender = "M";
        a.email = fmt::format("{}{:05d}@load.example.ru", kind.login, i);
        a.password = fmt::format("Esia#{:05d}", i);
        a.trusted = true;
        a.lvl = "PR";
        a.consent_granted = true;
        fixture.esia_accounts.push_back(std::move(a));
        oids.insert(oid);

        if (kind.bound) {
            fixture.bindings.push_back({user_id, oid});
        }
    }
}

} // namespace

void add_load_pool(Fixture& fixture, LoadPoolSize size) {
    std::set<std::int64_t> user_ids;
    std::set<std::int64_t> oids;
    for (const auto& u : fixture.users) {
        user_ids.insert(u.user_id);
    }
    for (const auto& a : fixture.esia_accounts) {
        oids.insert(a.oid);
    }
    add_pairs(fixture, {900000, 2000000000, "load", "Load", "Нагрузка", true}, size.bound, user_ids,
              oids);
    add_pairs(fixture, {950000, 2100000000, "bind", "Bind", "Привязка", false}, size.unbound,
              user_ids, oids);
}

Fixture with_load_pool(Fixture fixture, LoadPoolSize size) {
    add_load_pool(fixture, size);
    return fixture;
}

} // namespace logintest::mocks::common
