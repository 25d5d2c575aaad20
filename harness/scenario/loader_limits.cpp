// The loader's limits (limits.hpp) as it applies them: the shape of each file's tree (depth,
// attributes per element) before anything is loaded, the counts of the journey (steps,
// checks, variables, problems) as it grows, and the guard chains of <if>/<option> nesting.
#include "harness/scenario/loader_impl.hpp"

#include <algorithm>

namespace logintest::harness::scenario {

void Loader::limit_error(int line, std::string_view what, std::string_view name, bool raisable) {
    const auto value = limit_value(options_.limits, name).value_or(0);
    std::string message =
        std::string(what) + " (the " + std::string(name) + " limit is " + std::to_string(value);
    if (raisable) {
        message += "; raise it with --limit " + std::string(name) + "=N";
    }
    errors_.push_back({{source_->path(), line}, message + ")"});
}

// Walks the tree without recursion (pugixml links parents and siblings), so a file nested a
// million deep costs one pass and a refusal, not a stack overflow.
bool Loader::check_structure(const SourceText& file) {
    const Limits& limits = options_.limits;
    pugi::xml_node node = file.document().first_child();
    std::size_t depth = 1; // of `node`, counting elements only
    while (node) {
        if (node.type() == pugi::node_element) {
            if (depth > limits.element_depth) {
                limit_error(line_of(node),
                            "<" + std::string(node.name()) + "> is nested more than " +
                                std::to_string(limits.element_depth) + " elements deep",
                            "element-depth", false);
                return false;
            }
            std::size_t attributes = 0;
            for (auto attr = node.first_attribute(); attr; attr = attr.next_attribute()) {
                if (++attributes > limits.attributes) {
                    limit_error(line_of(node),
                                "<" + std::string(node.name()) + "> has more than " +
                                    std::to_string(limits.attributes) + " attributes",
                                "attributes", false);
                    return false;
                }
            }
        }
        if (node.type() == pugi::node_element && node.first_child()) {
            node = node.first_child();
            ++depth;
            continue;
        }
        while (node && !node.next_sibling()) {
            node = node.parent();
            --depth;
        }
        if (node) {
            node = node.next_sibling();
        }
    }
    return true;
}

bool Loader::within_counts(const model::Journey& journey, const pugi::xml_node& at) {
    if (stopped_) {
        return false;
    }
    const Limits& limits = options_.limits;
    const int line = at ? line_of(at) : 0;
    if (errors_.size() >= limits.errors) {
        limit_error(line, "too many problems: the loader stops here", "errors", false);
    } else if (journey.steps.size() > limits.steps) {
        limit_error(line, "the journey has more than " + std::to_string(limits.steps) + " steps",
                    "steps", true);
    } else if (checks_ > limits.checks) {
        limit_error(line, "the journey has more than " + std::to_string(limits.checks) + " checks",
                    "checks", true);
    } else if (defined_.size() > limits.variables + predefined_.size()) {
        limit_error(line,
                    "the journey defines more than " + std::to_string(limits.variables) +
                        " variables",
                    "variables", true);
    } else {
        return true;
    }
    stopped_ = true;
    return false;
}

std::vector<model::Guard> Loader::guards_of(const Scope& scope) {
    std::vector<model::Guard> guards;
    if (scope.guards) {
        guards.reserve(scope.guards->depth);
    }
    for (const GuardLink* link = scope.guards.get(); link != nullptr; link = link->outer.get()) {
        guards.push_back(link->guard);
    }
    std::reverse(guards.begin(), guards.end());
    return guards;
}

bool Loader::enter_guard(const pugi::xml_node& node, const Scope& scope, model::Guard guard,
                         Scope& inner) {
    const std::size_t depth = scope.guards ? scope.guards->depth + 1 : 1;
    if (depth > options_.limits.branch_depth) {
        limit_error(line_of(node),
                    "<if>/<option> nested more than " +
                        std::to_string(options_.limits.branch_depth) + " deep",
                    "branch-depth", false);
        stopped_ = true;
        return false;
    }
    inner = scope;
    inner.guards =
        std::make_shared<const GuardLink>(GuardLink{std::move(guard), scope.guards, depth});
    return true;
}

} // namespace logintest::harness::scenario
