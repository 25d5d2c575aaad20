// The clause ids of a step (step_clauses.hpp).
#include "reports/step_clauses.hpp"

#include <set>

namespace logintest::reports {

std::string step_clauses(const harness::model::StepResult& step) {
    std::set<std::string> seen;
    std::string text;
    for (const auto& c : step.checks) {
        for (const auto& id : c.clauses) {
            if (seen.insert(id).second) {
                text += text.empty() ? id : " " + id;
            }
        }
    }
    return text;
}

} // namespace logintest::reports
