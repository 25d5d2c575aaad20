// Accounts: the school-module users of the shared fixture (scenarios/data/fixture.json,
// spec §22) as the tester sees them: login, school, user id and plain password. A journey's
// <account as="pupil" login="ИвановИ" scid="2436"/> is resolved here into the variables
// pupil.login, pupil.password, pupil.scid and pupil.user_id. Read-only after load; safe to
// share between threads.
#pragma once

#include "harness/model/scenario.hpp"
#include "harness/scenario/variables.hpp"

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
};

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
// Returns an error text for an account the fixture does not have.
std::string bind_accounts(const model::Journey& journey, const Accounts& accounts,
                          scenario::Variables& vars, std::vector<std::string>& secrets);

} // namespace logintest::harness::engine
