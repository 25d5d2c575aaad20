// <include journey="NAME" prefix="p_"> with <with name= value=> children: reads
// scenarios/lib/NAME.xml (next to the including file, or beside it when that file is itself in
// lib/), checks its <param>s against the <with>s, and inlines its sets, steps and nested
// includes in place, step names prefixed. Parameters become <set>s run before its first step,
// so the included steps share the includer's variables. Cycles are errors.
#include "harness/scenario/loader_impl.hpp"

#include <filesystem>

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

// Reads the <include>, then the lib file with the includer's source swapped for the lib's
// (so errors name the lib) until it is inlined.
void Loader::load_include(const pugi::xml_node& node, model::Journey& journey, const Scope& scope) {
    check_no_text(node);
    const bool mock_only = flag(node, "mock-only");
    if (!check_include_attributes(node)) {
        return;
    }
    IncludeCall call;
    call.name = node.attribute("journey").value();
    call.line = line_of(node);
    call.mock_only = mock_only || scope.mock_only;
    call.includer = source_;
    IncludeWiths withs = load_withs(node);
    const fs::path path = lib_path(source_->path(), call.name);
    if (is_include_cycle(path.string(), call.line)) {
        return;
    }
    if (include_stack_.size() > options_.limits.include_depth) {
        limit_error(call.line,
                    "includes are nested more than " +
                        std::to_string(options_.limits.include_depth) + " deep",
                    "include-depth", false);
        return;
    }
    if (++includes_ > options_.limits.includes) {
        limit_error(call.line,
                    "the journey includes more than " + std::to_string(options_.limits.includes) +
                        " lib files",
                    "includes", true);
        stopped_ = true;
        return;
    }
    SourceText* lib = read_include(node, call.name, path.string());
    if (lib == nullptr) {
        return;
    }
    source_ = lib;
    include_stack_.push_back(path.string());
    struct Restore {
        Loader& self;
        const SourceText* includer;
        ~Restore() {
            self.source_ = includer;
            self.include_stack_.pop_back();
        }
    } restore{*this, call.includer};

    const pugi::xml_node root = include_root(*lib, call.name);
    if (!root) {
        return;
    }
    bind_params(root, withs, call, scope);
    prescan(root);
    Scope inner;
    inner.prefix = scope.prefix + node.attribute("prefix").value();
    inner.mock_only = call.mock_only;
    inner.in_lib = true;
    inner.guards = scope.guards;
    if (!root.child("step") && !root.child("set") && !root.child("include")) {
        error(line_of(root), "the included journey has no <step>, <set> or <include>");
    }
    load_children(root, journey, inner);
}

bool Loader::check_include_attributes(const pugi::xml_node& node) {
    if (!check_attributes(node, {"journey", "prefix", "mock-only"}, {"journey"})) {
        return false;
    }
    const std::string name = node.attribute("journey").value();
    const std::string prefix = node.attribute("prefix").value();
    if (!schema::is_step_name(name)) {
        error(line_of(node, "journey"), "include journey " + schema::quoted(name) +
                                            " must be a file name in lib/ without .xml: "
                                            "letters, digits, '_', '-', '.'");
        return false;
    }
    if (node.attribute("prefix") && !schema::is_step_name(prefix)) {
        error(line_of(node, "prefix"),
              "prefix " + schema::quoted(prefix) + " may hold only letters, digits, '_', '-', '.'");
        return false;
    }
    return true;
}

// The <with>s, checked against the includer's variables.
Loader::IncludeWiths Loader::load_withs(const pugi::xml_node& node) {
    IncludeWiths withs;
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
        if (withs.by_name.contains(param)) {
            error(line_of(child, "name"), "parameter " + schema::quoted(param) + " is given twice");
            continue;
        }
        withs.by_name.emplace(param, IncludeWith{value, where(child)});
        withs.order.push_back(param);
    }
    return withs;
}

bool Loader::is_include_cycle(const std::string& path, int line) {
    const std::string key = files_->key(path);
    for (std::size_t i = 0; i < include_stack_.size(); ++i) {
        if (files_->key(include_stack_[i]) != key) {
            continue;
        }
        std::string chain;
        for (std::size_t j = i; j < include_stack_.size(); ++j) {
            chain += fs::path(include_stack_[j]).filename().string() + " -> ";
        }
        error(line, "include cycle: " + chain + fs::path(path).filename().string());
        return true;
    }
    return false;
}

SourceText* Loader::read_include(const pugi::xml_node& node, const std::string& name,
                                 const std::string& path) {
    const Limits& limits = options_.limits;
    auto text = files_->read(path, limits.file_bytes, "file-bytes");
    if (!text) {
        const std::string& why = text.problem().message;
        error(line_of(node, "journey"),
              "include " + schema::quoted(name) + ": " +
                  (why == "does not exist" ? "no such file " + path : path + " " + why));
        return nullptr;
    }
    bytes_ += text->size();
    if (bytes_ > limits.journey_bytes) {
        limit_error(line_of(node, "journey"),
                    "the journey file and its includes are larger than " +
                        std::to_string(limits.journey_bytes) + " bytes",
                    "journey-bytes", true);
        stopped_ = true;
        return nullptr;
    }
    sources_.push_back(std::make_unique<SourceText>(path, std::move(*text)));
    return sources_.back().get();
}

// The lib's <journey>, checked; a null node after an error that stops the include.
pugi::xml_node Loader::include_root(SourceText& lib, const std::string& name) {
    const pugi::xml_parse_result parsed = lib.parse();
    if (!parsed) {
        error(lib.line_of_offset(parsed.offset),
              std::string("XML syntax error: ") + parsed.description());
        return {};
    }
    if (!check_structure(lib)) {
        return {};
    }
    const pugi::xml_node root = lib.document().document_element();
    if (!root || std::string_view(root.name()) != "journey") {
        error(root ? line_of(root) : 1, "an included file's root element must be <journey>");
        return {};
    }
    check_attributes(root, {"name", "description", "spec"}, {"name"});
    if (root.attribute("name") && std::string_view(root.attribute("name").value()) != name) {
        error(line_of(root, "name"), "the included journey is named " +
                                         schema::quoted(root.attribute("name").value()) +
                                         ", but its file is " + name + ".xml");
    }
    check_no_text(root);
    return root;
}

// <param>s: each needs a <with>; every <with> must name one. Each bound parameter becomes a
// <set> run before the lib's first step.
void Loader::bind_params(const pugi::xml_node& root, IncludeWiths& withs, const IncludeCall& call,
                         const Scope& scope) {
    const std::vector<std::string> params = load_params(root, withs, call);
    for (const auto& param : withs.order) {
        const IncludeWith& with = withs.by_name.at(param);
        if (!with.used) {
            errors_.push_back(
                {with.where, "include " + schema::quoted(call.name) + " has no parameter " +
                                 schema::quoted(param) +
                                 (params.empty() ? std::string(" (it has none)")
                                                 : " (parameters: " + join(params) + ")")});
            continue;
        }
        model::Assignment set;
        set.var = param;
        set.value.text = with.value;
        set.mock_only = call.mock_only;
        set.where = with.where;
        set.guards = guards_of(scope);
        pending_sets_.push_back(std::move(set));
        defined_.insert(param);
    }
}

// The lib's <param> names in order, each marking its <with> used; a missing <with> is the
// includer's error, at the <include>.
std::vector<std::string> Loader::load_params(const pugi::xml_node& root, IncludeWiths& withs,
                                             const IncludeCall& call) {
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
        const auto with = withs.by_name.find(param);
        if (with == withs.by_name.end()) {
            errors_.push_back({{call.includer->path(), call.line},
                               "include " + schema::quoted(call.name) + ": parameter " +
                                   schema::quoted(param) + " has no <with name=\"" + param +
                                   "\" value=\"...\"/>"});
            continue;
        }
        with->second.used = true;
    }
    return params;
}

} // namespace logintest::harness::scenario
