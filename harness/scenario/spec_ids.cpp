// SpecIds: parses spec-ids.txt (`clause <id>` / `check <id>` lines, `#` comments) and holds
// the list embedded at build time (scenarios/data/spec-ids.txt).
#include "harness/scenario/spec_ids.hpp"

#include "support/text/strings.hpp"

#include <string>

namespace logintest::embedded {
extern const std::string_view spec_ids_txt;
} // namespace logintest::embedded

namespace logintest::harness::scenario {

using support::trim;

const SpecIds& SpecIds::builtin() {
    static const SpecIds ids = parse(embedded::spec_ids_txt);
    return ids;
}

SpecIds SpecIds::parse(std::string_view text) {
    SpecIds ids;
    while (!text.empty()) {
        const auto eol = text.find('\n');
        std::string_view line = trim(text.substr(0, eol));
        text = eol == std::string_view::npos ? std::string_view{} : text.substr(eol + 1);
        if (line.empty() || line.front() == '#') {
            continue;
        }
        const auto space = line.find_first_of(" \t");
        if (space == std::string_view::npos) {
            continue;
        }
        const std::string_view kind = line.substr(0, space);
        const std::string_view id = trim(line.substr(space + 1));
        if (id.empty()) {
            continue;
        }
        if (kind == "clause") {
            ids.clauses_.emplace(id);
        } else if (kind == "check") {
            ids.checks_.emplace(id);
        }
    }
    return ids;
}

} // namespace logintest::harness::scenario
