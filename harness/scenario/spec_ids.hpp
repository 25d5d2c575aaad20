// SpecIds: the clause ids and §24 check ids of the login protocol spec that scenarios may
// cite (scenarios/data/spec-ids.txt, embedded at build time). Read-only after load.
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace logintest::harness::scenario {

class SpecIds {
public:
    // The list shipped with the build.
    static const SpecIds& builtin();
    // Parses the text format of spec-ids.txt (`clause <id>` / `check <id>` lines, `#` comments).
    static SpecIds parse(std::string_view text);

    bool is_clause(std::string_view id) const { return clauses_.contains(std::string(id)); }
    bool is_check(std::string_view id) const { return checks_.contains(std::string(id)); }
    std::size_t clause_count() const { return clauses_.size(); }

private:
    std::set<std::string> clauses_;
    std::set<std::string> checks_;
};

} // namespace logintest::harness::scenario
