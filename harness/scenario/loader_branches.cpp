// The loader's run-time branches: `<if var="x" equals|not-equals|matches="...">` and
// `<choose>` with `<option weight="N">` children. Their steps, sets and includes are loaded
// like any other (step names stay unique across branches) with a guard added to each; the
// engine runs a guarded element only when its guards hold.
#include "harness/scenario/loader_impl.hpp"

#include <charconv>

namespace logintest::harness::scenario {

using model::Guard;

void Loader::load_if(const pugi::xml_node& node, model::Journey& journey, const Scope& scope) {
    check_no_text(node);
    if (!check_attributes(node, {"var", "equals", "not-equals", "matches"}, {"var"})) {
        return;
    }
    Guard guard;
    guard.var = node.attribute("var").value();
    int ops = 0;
    for (const auto& [attr, kind] : {std::pair{"equals", Guard::Kind::equals},
                                     std::pair{"not-equals", Guard::Kind::not_equals},
                                     std::pair{"matches", Guard::Kind::matches}}) {
        if (const auto value = node.attribute(attr)) {
            ++ops;
            guard.kind = kind;
            guard.value.text = value.value();
        }
    }
    if (ops != 1) {
        error(line_of(node), "<if> needs exactly one of equals, not-equals, matches");
        return;
    }
    if (!defined_.contains(guard.var)) {
        check_template("${" + guard.var + "}", line_of(node, "var"), "<if> var", defined_);
    }
    check_template(guard.value.text, line_of(node), "<if> value", defined_);
    if (guard.kind == Guard::Kind::matches && guard.value.text.find("${") == std::string::npos) {
        if (auto problem = schema::regex_problem(guard.value.text); !problem.empty()) {
            error(line_of(node, "matches"), problem);
        }
    }
    Scope inner;
    if (!enter_guard(node, scope, std::move(guard), inner)) {
        return;
    }
    if (!node.first_child()) {
        error(line_of(node), "<if> is empty");
    }
    load_children(node, journey, inner);
}

void Loader::load_choose(const pugi::xml_node& node, model::Journey& journey, const Scope& scope) {
    check_no_text(node);
    check_attributes(node, {}, {});
    model::Choice choice;
    choice.where = where(node);
    std::vector<pugi::xml_node> options;
    for (const pugi::xml_node child : node.children()) {
        if (child.type() != pugi::node_element) {
            continue;
        }
        if (std::string_view(child.name()) != "option") {
            error(line_of(child),
                  "unknown element " + element(child) + " in <choose> (allowed: option)");
            continue;
        }
        check_attributes(child, {"weight", "name"}, {});
        int weight = 1;
        if (const auto attr = child.attribute("weight")) {
            const std::string_view text = attr.value();
            const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), weight);
            if (text.empty() || ec != std::errc() || ptr != text.data() + text.size() ||
                weight < 1 || weight > 1000000) {
                error(line_of(child, "weight"), "weight " + schema::quoted(text) +
                                                    " must be a whole number from 1 to 1000000");
                weight = 1;
            }
        }
        std::string label = child.attribute("name").value();
        if (label.empty()) {
            label = "option" + std::to_string(options.size() + 1);
        } else if (!schema::is_step_name(label)) {
            error(line_of(child, "name"), "option name " + schema::quoted(label) +
                                              " may hold only letters, digits, '_', '-', '.'");
        }
        choice.weights.push_back(weight);
        choice.labels.push_back(std::move(label));
        options.push_back(child);
    }
    if (options.empty()) {
        error(line_of(node), "<choose> needs at least one <option>");
        return;
    }
    const std::size_t index = journey.choices.size();
    journey.choices.push_back(std::move(choice));
    for (std::size_t i = 0; i < options.size(); ++i) {
        Guard guard;
        guard.kind = Guard::Kind::choice;
        guard.choice = index;
        guard.option = i;
        Scope inner;
        if (!enter_guard(options[i], scope, std::move(guard), inner)) {
            return;
        }
        check_no_text(options[i]);
        load_children(options[i], journey, inner);
    }
}

} // namespace logintest::harness::scenario
