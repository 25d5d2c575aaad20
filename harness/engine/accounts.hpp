// Accounts: the school-module users of the shared fixture (scenarios/data/fixture.json,
// spec §22) as the tester sees them: login, school, user id and plain password. A journey's
// <account as="pupil" login="ИвановИ" scid="2436"/> is resolved here into the variables
// pupil.login, pupil.password, pupil.scid and pupil.user_id. Load journeys ask for a pool
// account instead (`<account as="pupil" pool="load"/>`, MOCK-FIX-5): pool_account() makes
// them, and harness/load leases them. Read-only after load; safe to share between threads.
#pragma once

#include "harness/model/scenario.hpp"
#include "harness/scenario/variables.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace logintest::harness::engine {

struct Account {
    int user_id = 0;
    std::string login;
    int scid = 0;
    std::string password;
    // The ESIA account paired with a pool user (MOCK-FIX-5); empty / 0 for fixture users.
    std::string esia_login;
    std::string esia_password;
    std::int64_t oid = 0;
};

// Account `i` (1-based) of a MOCK-FIX-5 pool: `load` gives userId 900000+i, login load%05d,
// password Load#%05d, ESIA oid 2000000000+i, load%05d@load.example.ru, Esia#%05d; `bind` gives
// 950000+i, bind%05d, Bind#%05d, 2100000000+i, bind%05d@load.example.ru, Esia#%05d. All in
// school 2436. Nullopt for an unknown pool or i outside 1..99999.
std::optional<Account> pool_account(std::string_view pool, int i);

class Accounts {
public:
    struct LoadResult;
    // Parses the fixture JSON; an error names what is wrong.
    static LoadResult parse(std::string_view fixture_json, const std::string& source_name);

    // The account with this login (case-sensitive, as written in the fixture) and, when
    // given, school. Nullopt when none or when the login is ambiguous without a school.
    std::optional<Account> find(std::string_view login, std::optional<int> scid) const;

    const std::vector<Account>& all() const { return accounts_; }

private:
    std::vector<Account> accounts_;
};

struct Accounts::LoadResult {
    Accounts accounts;
    std::string error; // empty on success
};

// Adds `<as>.login`, `<as>.password`, `<as>.scid`, `<as>.user_id` for each account use.
// Returns an error text for an account the fixture does not have. A pool use without a lease
// gets the pool's first account, a kind use the kind's first account (a single run).
std::string bind_accounts(const model::Journey& journey, const Accounts& accounts,
                          scenario::Variables& vars, std::vector<std::string>& secrets);

// The variables of one account use bound to a given (leased) account: those above plus, for a
// pool use, `<as>.esia_login`, `<as>.esia_password`, `<as>.oid`. Passwords go to `secrets`.
void bind_account(const model::AccountUse& use, const Account& account, scenario::Variables& vars,
                  std::vector<std::string>& secrets);

} // namespace logintest::harness::engine
