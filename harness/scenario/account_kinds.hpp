// Account kinds: named sets of fixture accounts a journey may ask for instead of a fixed login
// (`<account as="pupil" kind="school-pupil"/>`, MOCK-FIX-5 "by kind"). The built-in table is
// scenarios/data/account-kinds.json (spec §22), embedded at build time so no run depends on
// the source tree. Read-only after parse; safe to share between threads.
#pragma once

#include "harness/model/scenario.hpp"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace logintest::harness::scenario {

class AccountKinds {
public:
    struct ParseResult;
    // `{"kinds": {"name": [{"login": "...", "scid": N}, ...], ...}}`; an error names what is
    // wrong (`source_name: kinds.school-pupil[0] needs ...`).
    [[nodiscard]] static ParseResult parse(std::string_view json, const std::string& source_name);
    // The embedded scenarios/data/account-kinds.json.
    static const AccountKinds& builtin();

    // The accounts of a kind, in file order; null for an unknown kind.
    const std::vector<model::AccountRef>* find(std::string_view kind) const;
    std::vector<std::string> names() const;

private:
    std::map<std::string, std::vector<model::AccountRef>, std::less<>> kinds_;
};

struct AccountKinds::ParseResult {
    AccountKinds kinds;
    std::string error; // empty on success
};

} // namespace logintest::harness::scenario
