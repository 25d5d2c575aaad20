// The scenario loader's entry points and its frame: reading the journey file, the <journey>
// element and the dispatch of its children, and the shared checks of attributes, text and
// templates. Every problem is collected as `file:line: message` (loader_impl.hpp).
#include "harness/scenario/loader.hpp"

#include "harness/scenario/functions.hpp"
#include "harness/scenario/loader_impl.hpp"
#include "harness/scenario/template.hpp"

#include <algorithm>

namespace logintest::harness::scenario {

using schema::join;
using schema::Names;
using schema::trim;

Loader::Loader(const SpecIds& ids, const std::vector<std::string>& predefined,
               const LoadOptions& options)
    : ids_(ids), options_(options) {
    for (const auto& name : predefined) {
        predefined_.insert(name);
    }
}

LoadResult Loader::load(std::string path, std::string text) {
    sources_.push_back(std::make_unique<SourceText>(std::move(path), std::move(text)));
    SourceText& file = *sources_.back();
    source_ = &file;
    files_.emplace(options_, file.path());
    bytes_ = file.text().size();
    LoadResult result;
    if (file.text().size() > options_.limits.file_bytes) {
        limit_error(
            0, "the file is larger than " + std::to_string(options_.limits.file_bytes) + " bytes",
            "file-bytes", true);
        result.errors = std::move(errors_);
        return result;
    }
    const pugi::xml_parse_result parsed = file.parse();
    if (!parsed) {
        error(file.line_of_offset(parsed.offset),
              std::string("XML syntax error: ") + parsed.description());
        result.errors = std::move(errors_);
        return result;
    }
    if (!check_structure(file)) {
        result.errors = std::move(errors_);
        return result;
    }
    model::Journey journey;
    journey.file = file.path();
    const pugi::xml_node root = file.document().document_element();
    int roots = 0;
    for (const pugi::xml_node child : file.document().children()) {
        if (child.type() == pugi::node_element && ++roots == 2) {
            error(line_of(child), "a scenario file holds exactly one <journey>; found <" +
                                      std::string(child.name()) + "> after it");
        }
    }
    if (!root) {
        error(1, "no <journey> element");
    } else if (std::string_view(root.name()) != "journey") {
        error(line_of(root),
              "the root element must be <journey>, not <" + std::string(root.name()) + ">");
    } else {
        include_stack_.push_back(file.path());
        load_journey(root, journey);
    }
    // By file (the journey file first, includes in the order they were read), then by line.
    auto file_rank = [this](const std::string& name) {
        for (std::size_t i = 0; i < sources_.size(); ++i) {
            if (sources_[i]->path() == name) {
                return i;
            }
        }
        return sources_.size();
    };
    std::stable_sort(errors_.begin(), errors_.end(), [&](const LoadError& a, const LoadError& b) {
        const auto ra = file_rank(a.where.file);
        const auto rb = file_rank(b.where.file);
        return ra != rb ? ra < rb : a.where.line < b.where.line;
    });
    result.errors = std::move(errors_);
    if (result.errors.empty()) {
        result.journey = std::move(journey);
    }
    return result;
}

// --- positions, errors, attributes, templates ---

void Loader::error(int line, std::string message) {
    if (errors_.size() >= options_.limits.errors) {
        if (!stopped_) {
            limit_error(line, "too many problems: the loader stops here", "errors", false);
            stopped_ = true;
        }
        return;
    }
    errors_.push_back({{source_->path(), line}, std::move(message)});
}

std::string Loader::element(const pugi::xml_node& node) {
    return "<" + std::string(node.name()) + ">";
}

bool Loader::check_attributes(const pugi::xml_node& node, const Names& allowed,
                              const Names& required) {
    for (const pugi::xml_attribute attr : node.attributes()) {
        if (std::find(allowed.begin(), allowed.end(), std::string_view(attr.name())) ==
            allowed.end()) {
            error(line_of(node, attr.name()), "unknown attribute " + schema::quoted(attr.name()) +
                                                  " on " + element(node) +
                                                  " (allowed: " + join(allowed) + ")");
        }
    }
    bool ok = true;
    for (const auto name : required) {
        if (!node.attribute(std::string(name).c_str())) {
            error(line_of(node), element(node) + " needs the attribute " + schema::quoted(name));
            ok = false;
        }
    }
    return ok;
}

// Text is allowed in <body> only.
void Loader::check_no_text(const pugi::xml_node& node) {
    for (const pugi::xml_node child : node.children()) {
        if ((child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) &&
            !trim(child.value()).empty()) {
            error(line_of(child), "unexpected text " + schema::quoted(trim(child.value())) +
                                      " in " + element(node));
        }
    }
}

void Loader::check_no_children(const pugi::xml_node& node) {
    for (const pugi::xml_node child : node.children()) {
        if (child.type() == pugi::node_element) {
            error(line_of(child), "unexpected element " + element(child) + " in " + element(node) +
                                      " (it takes no elements)");
        }
    }
    check_no_text(node);
}

bool Loader::flag(const pugi::xml_node& node, std::string_view name) {
    const auto attr = node.attribute(std::string(name).c_str());
    if (!attr) {
        return false;
    }
    const std::string_view value = attr.value();
    if (value == "true") {
        return true;
    }
    if (value != "false") {
        error(line_of(node, name),
              std::string(name) + " must be true or false, not " + schema::quoted(value));
    }
    return false;
}

// Syntax, functions (name and arity) and variables of one template.
void Loader::check_template(const std::string& text, int line, std::string_view what,
                            const DefinedVars& defined) {
    const TemplateRefs refs = parse_template(model::Template{text});
    if (!refs.syntax_error.empty()) {
        error(line, std::string(what) + ": " + refs.syntax_error);
        return;
    }
    for (const FunctionCall& call : refs.calls) {
        if (!is_function(call.name)) {
            error(line, std::string(what) + ": unknown function " + schema::quoted(call.name) +
                            " (known: " + join(function_names()) + ")");
        } else if (auto problem = arity_problem(call.name, call.arg_count); !problem.empty()) {
            error(line, std::string(what) + ": " + problem);
        }
    }
    for (const std::string& var : refs.variables) {
        // `prefix.*` (a form extract's `as`) defines every `prefix.<name>`.
        const auto dot = var.find('.');
        const std::string wildcard =
            dot == std::string::npos ? std::string() : var.substr(0, dot) + ".*";
        if (defined.contains(var) || (!wildcard.empty() && defined.contains(wildcard))) {
            continue;
        }
        std::string message = std::string(what) + ": variable " + schema::quoted(var);
        auto later = definitions_.find(var);
        if (later == definitions_.end() && !wildcard.empty()) {
            later = definitions_.find(wildcard);
        }
        if (later != definitions_.end() && later->second.file == source_->path() &&
            later->second.line >= line) {
            message += " is used before it is defined (" + later->second.by + " at line " +
                       std::to_string(later->second.line) + ")";
        } else {
            message += " is not defined";
        }
        error(line, message);
    }
}

// --- the journey ---

void Loader::load_journey(const pugi::xml_node& root, model::Journey& journey) {
    journey.where = where(root);
    check_attributes(root, {"name", "spec", "description"}, {"name"});
    journey.name = root.attribute("name").value();
    if (root.attribute("name") && !schema::is_step_name(journey.name)) {
        error(line_of(root, "name"), "journey name " + schema::quoted(journey.name) +
                                         " may hold only letters, digits, '_', '-', '.'");
    }
    journey.spec = root.attribute("spec").value();
    journey.description = root.attribute("description").value();
    check_no_text(root);
    prescan(root);
    defined_ = predefined_;
    setup_defined_ = predefined_;
    load_children(root, journey, Scope{});
    within_counts(journey, {});
    if (journey.steps.empty() && !stopped_) {
        error(line_of(root), "<journey> has no <step>");
    }
    journey.final_sets = std::move(pending_sets_);
    pending_sets_.clear();
}

void Loader::load_children(const pugi::xml_node& root, model::Journey& journey,
                           const Scope& scope) {
    for (const pugi::xml_node child : root.children()) {
        if (child.type() != pugi::node_element) {
            continue;
        }
        if (!within_counts(journey, child)) {
            return;
        }
        const std::string_view name = child.name();
        if (scope.guards && (name == "account" || name == "var" || name == "feeder")) {
            error(line_of(child), element(child) +
                                      " is not allowed inside <if> or <option>: it is bound "
                                      "before the first step; use <set> for a value");
            continue;
        }
        if (name == "account" && !scope.in_lib) {
            load_account(child, journey);
        } else if (name == "var" && !scope.in_lib) {
            load_var(child, journey);
        } else if (name == "feeder" && !scope.in_lib) {
            load_feeder(child, journey);
        } else if (name == "set") {
            load_set(child, scope);
        } else if (name == "step") {
            load_step(child, journey, scope);
        } else if (name == "include") {
            load_include(child, journey, scope);
        } else if (name == "if") {
            load_if(child, journey, scope);
        } else if (name == "choose") {
            load_choose(child, journey, scope);
        } else if (name == "param" && scope.in_lib) {
            continue; // read by load_include before the lib's children
        } else if (scope.in_lib && (name == "account" || name == "var" || name == "feeder")) {
            error(line_of(child), element(child) +
                                      " is not allowed in an included journey: declare a "
                                      "<param> and pass the value with <with>, or use <set>");
        } else if (name == "param") {
            error(line_of(child), "<param> belongs in an included journey (scenarios/lib/), "
                                  "not in a journey that is run");
        } else {
            error(line_of(child),
                  "unknown element " + element(child) + " in <journey> (allowed: " +
                      (scope.in_lib ? "param, set, step, include, if, choose"
                                    : "account, var, feeder, set, step, include, if, choose") +
                      ")");
        }
    }
}

// --- entry points ---

LoadResult load_journey_text(std::string_view xml, const std::string& file_name, const SpecIds& ids,
                             const std::vector<std::string>& predefined,
                             const LoadOptions& options) {
    return Loader(ids, predefined, options).load(file_name, std::string(xml));
}

LoadResult load_journey_file(const std::string& path, const SpecIds& ids,
                             const std::vector<std::string>& predefined,
                             const LoadOptions& options) {
    auto text = DataFiles::read_journey(path, options.limits.file_bytes);
    if (!text) {
        LoadResult result;
        const std::string& why = text.problem().message;
        LoadError error;
        error.where.file = path;
        error.message = why == "does not exist" ? "cannot read the file" : "the file " + why;
        result.errors.push_back(std::move(error));
        return result;
    }
    return load_journey_text(*text, path, ids, predefined, options);
}

std::string format_error(const LoadError& error) {
    if (error.where.line <= 0) {
        return error.where.file + ": " + error.message;
    }
    return error.where.file + ":" + std::to_string(error.where.line) + ": " + error.message;
}

const std::vector<std::string>& standard_variables() {
    static const std::vector<std::string> names = {"asurso", "esia", "asurso.host", "esia.host"};
    return names;
}

} // namespace logintest::harness::scenario
