// The shared test fixture of spec §22 (MOCK-FIX): regions, schools, roles, school-module
// users, ESIA accounts, bindings and OAuth clients, parsed from fixture.json (embedded by
// default, see embedded_fixture.hpp). Both mock hosts load what they need from it at start
// and at /mock/reset. Relative birth dates ("today-15y-100d") are kept as written and
// resolved by the host that loads them, on its clock (MOCK-FIX-2). Plain data; parse is pure.
#pragma once

#include "mocks/common/civil_date.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace logintest::mocks::common {

struct FixtureRegionItem {
    int id = 0;
    std::string name;
    int parent = 0; // country of a state, state of a province, province of a city; 0 for
                    // countries and funcs
};

struct FixtureRegions {
    std::vector<FixtureRegionItem> countries, states, provinces, cities, funcs;
};

struct FixtureSchool {
    int id = 0;
    std::string short_name;
    std::string name;
    int sft = 0;
    int city = 0;
    std::string inn, ogrn, address;
};

struct FixtureRole {
    int id = 0;
    std::string name;
};

struct FixtureUser {
    std::int64_t user_id = 0;
    std::string login;
    int scid = 0;
    std::string last_name, first_name;
    std::vector<int> roles;
    std::vector<std::int64_t> children;
    std::string birth_date; // as written: "YYYY-MM-DD" or "today-<Y>y[-<D>d]"
    std::string password;   // plain; a host converts it at load (NS-HASH-4)
    bool first_login = false;
    bool locked = false;
    int failed_count = 0;
};

struct FixtureEsiaAccount {
    std::int64_t oid = 0;
    std::string last_name, first_name, middle_name;
    std::string birth_date; // as written
    std::string gender;     // "M" | "F"
    std::optional<std::string> phone, email, snils;
    std::string password;
    bool trusted = false;
    std::string lvl;                     // "PR", "P", "KD"
    std::optional<std::string> mfa;      // "sms"
    std::optional<std::string> otp_code; // fixed SMS code
    bool consent_granted = false;
};

struct FixtureBinding {
    std::int64_t user_id = 0;
    std::int64_t oid = 0;
};

struct FixtureClient {
    std::string client_id;
    std::string name;
    std::vector<std::string> redirect_uris; // "${asurso}" still unreplaced
    std::vector<std::string> logout_redirect_prefixes;
    std::vector<std::string> scopes;
    bool require_trusted = false;
};

struct Fixture {
    int version = 1;
    FixtureRegions regions;
    std::vector<FixtureSchool> schools;
    std::vector<FixtureRole> roles;
    std::vector<FixtureUser> users;
    std::vector<FixtureEsiaAccount> esia_accounts;
    std::vector<FixtureBinding> bindings;
    std::vector<FixtureClient> clients;

    const FixtureSchool* school(int id) const;
    const FixtureRole* role(int id) const;
    const FixtureUser* user(std::int64_t user_id) const;
};

struct FixtureResult {
    std::optional<Fixture> fixture;
    std::string error; // "fixture: users[3].scid: expected an integer"
};

// Parses and checks fixture JSON: every key of §22 present with the right type, birth dates
// well-formed, users' schools and roles known, (scid, login) and ids unique.
[[nodiscard]] FixtureResult parse_fixture(std::string_view json_text);

struct FixtureUserResult {
    std::optional<FixtureUser> user;
    std::string error; // "fixture: user.roles: expected an array of integers"
};

// One user object of the §22 shape (MOCK-CP-7 `POST /mock/admin/users`), checked as
// parse_fixture checks each user; cross-references (school, roles, children) are the
// caller's to check.
[[nodiscard]] FixtureUserResult parse_fixture_user(std::string_view json_text);

struct FixtureEsiaAccountResult {
    std::optional<FixtureEsiaAccount> account;
    std::string error; // "fixture: esia_account.oid: expected an integer"
};

// One ESIA account object of the §22 shape (MOCK-CP-9 `POST /mock/admin/accounts`), checked
// as parse_fixture checks each account.
[[nodiscard]] FixtureEsiaAccountResult parse_fixture_esia_account(std::string_view json_text);

// MOCK-FIX-3: `${asurso}` replaced by the asurso public base URL.
std::string substitute_base_urls(std::string_view text, std::string_view asurso_base_url);

} // namespace logintest::mocks::common
