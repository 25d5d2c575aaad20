// <include journey="NAME" prefix="p_"> with <with name= value=> children: reads
// scenarios/lib/NAME.xml (next to the including file, or beside it when that file is itself in
// lib/), checks its <param>s against the <with>s, and inlines its sets, steps and nested
// includes in place, step names prefixed. Parameters become <set>s run before its first step,
// so the included steps share the includer's variables. Cycles are errors.
#include "harness/scenario/loader_impl.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace logintest::harness::scenario {

namespace fs = std::filesystem;
using schema::join;

namespace {

// Where `<include journey="name">` in `includer` looks.
fs::path lib_path(const std::string& includer, const std::string& name) {
    const fs::path dir = fs::path(includer).parent_path();
    const fs::path lib = dir.filename() == "lib" ? dir : dir / "lib";
    return lib / (name + ".xml");
}

} // namespace

void Loader::load_include(const pugi::xml_node& node, model::Journey& journey, const Scope& scope) {
    check_no_text(node);
    const bool mock_only = flag(node, "mock-only");
    if (!check_attributes(node, {"journey", "prefix", "mock-only"}, {"journey"})) {
        return;
    }
    const std::string name = node.attribute("journey").value();
    const std::string prefix = node.attribute("prefix").value();
    const int line = line_of(node);
    if (!schema::is_step_name(name)) {
        error(line_of(node, "journey"), "include journey " + schema::quoted(name) +
                                            " must be a file name in lib/ without .xml: "
                                            "letters, digits, '_', '-', '.'");
        return;
    }
    if (node.attribute("prefix") && !schema::is_step_name(prefix)) {
        error(line_of(node, "prefix"),
              "prefix " + schema::quoted(prefix) + " may hold only letters, digits, '_', '-', '.'");
        return;
    }

    // The <with>s, checked against the includer's variables.
    struct With {
        std::string value;
        model::SourceLocation where;
        bool used = false;
    };
    std::map<std::string, With, std::less<>> withs;
    std::vector<std::string> with_order;
    for (const pugi::xml_node child : node.children()) {
        if (child.type() != pugi::node_element) {
            continue;
        }
        if (std::string_view(child.name()) != "with") {
            error(line_of(child),
                  "unknown element " + element(child) + " in <include> (allowed: with)");
            continue;
        }
        check_no_children(child);
        if (!check_attributes(child, {"name", "value"}, {"name", "value"})) {
            continue;
        }
        const std::string param = child.attribute("name").value();
        const std::string value = child.attribute("value").value();
        check_template(value, line_of(child, "value"), "<with> " + schema::quoted(param), defined_);
        if (withs.contains(param)) {
            error(line_of(child, "name"), "parameter " + schema::quoted(param) + " is given twice");
            continue;
        }
        withs.emplace(param, With{value, where(child)});
        with_order.push_back(param);
    }

    // The file.
    const fs::path path = lib_path(source_->path(), name);
    std::error_code ec;
    const fs::path canonical = fs::weakly_canonical(path, ec);
    const std::string key = ec ? path.string() : canonical.string();
    for (std::size_t i = 0; i < include_stack_.size(); ++i) {
        std::error_code ec2;
        const fs::path other = fs::weakly_canonical(include_stack_[i], ec2);
        if ((ec2 ? include_stack_[i] : other.string()) == key) {
            std::string chain;
            for (std::size_t j = i; j < include_stack_.size(); ++j) {
                chain += fs::path(include_stack_[j]).filename().string() + " -> ";
            }
            error(line, "include cycle: " + chain + path.filename().string());
            return;
        }
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error(line_of(node, "journey"),
              "include " + schema::quoted(name) + ": no such file " + path.string());
        return;
    }
    std::ostringstream text;
    text << in.rdbuf();
    sources_.push_back(std::make_unique<SourceText>(path.string(), text.str()));
    SourceText& lib = *sources_.back();
    const SourceText* includer = source_;
    const pugi::xml_parse_result parsed = lib.parse();
    source_ = &lib;
    include_stack_.push_back(path.string());
    struct Restore {
        Loader& self;
        const SourceText* includer;
        ~Restore() {
            self.source_ = includer;
            self.include_stack_.pop_back();
        }
    } restore{*this, includer};

    if (!parsed) {
        error(lib.line_of_offset(parsed.offset),
              std::string("XML syntax error: ") + parsed.description());
        return;
    }
    const pugi::xml_node root = lib.document().document_element();
    if (!root || std::string_view(root.name()) != "journey") {
        error(root ? line_of(root) : 1, "an included file's root element must be <journey>");
        return;
    }
    check_attributes(root, {"name", "description", "spec"}, {"name"});
    if (root.attribute("name") && std::string_view(root.attribute("name").value()) != name) {
        error(line_of(root, "name"), "the included journey is named " +
                                         schema::quoted(root.attribute("name").value()) +
                                         ", but its file is " + name + ".xml");
    }
    check_no_text(root);

    // <param>s: each needs a <with>; every <with> must name one.
    std::vector<std::string> params;
    for (const pugi::xml_node child : root.children("param")) {
        check_no_children(child);
        if (!check_attributes(child, {"name", "description"}, {"name"})) {
            continue;
        }
        const std::string param = child.attribute("name").value();
        if (!check_variable_name(child, "name", param)) {
            continue;
        }
        if (std::find(params.begin(), params.end(), param) != params.end()) {
            error(line_of(child, "name"),
                  "parameter " + schema::quoted(param) + " is declared twice");
            continue;
        }
        params.push_back(param);
        const auto with = withs.find(param);
        if (with == withs.end()) {
            source_ = includer;
            error(line, "include " + schema::quoted(name) + ": parameter " + schema::quoted(param) +
                            " has no <with name=\"" + param + "\" value=\"...\"/>");
            source_ = &lib;
            continue;
        }
        with->second.used = true;
    }
    for (const auto& param : with_order) {
        const With& with = withs.at(param);
        if (!with.used) {
            errors_.push_back(
                {with.where, "include " + schema::quoted(name) + " has no parameter " +
                                 schema::quoted(param) +
                                 (params.empty() ? std::string(" (it has none)")
                                                 : " (parameters: " + join(params) + ")")});
            continue;
        }
        model::Assignment set;
        set.var = param;
        set.value.text = with.value;
        set.mock_only = mock_only || scope.mock_only;
        set.where = with.where;
        set.guards = scope.guards;
        pending_sets_.push_back(std::move(set));
        defined_.insert(param);
    }

    prescan(root);
    Scope inner;
    inner.prefix = scope.prefix + prefix;
    inner.mock_only = scope.mock_only || mock_only;
    inner.in_lib = true;
    inner.guards = scope.guards;
    if (!root.child("step") && !root.child("set") && !root.child("include")) {
        error(line_of(root), "the included journey has no <step>, <set> or <include>");
    }
    load_children(root, journey, inner);
}

} // namespace logintest::harness::scenario
