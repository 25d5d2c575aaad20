// The loader's <step>: its attributes (method, follow, session, cookies, repeat, mock-only),
// its request parts (<header>, <query>, <field>, <body>) and its <extract>s; the <expect>s are
// in loader_expect.cpp. A step takes the <set>s written before it; `repeat="N"` unrolls it
// into N steps named `name#1` ... `name#N`.
#include "harness/redaction/redaction.hpp"
#include "harness/scenario/loader_impl.hpp"

#include <charconv>

namespace logintest::harness::scenario {

using model::ExtractSource;
using schema::join;
using schema::Names;
using schema::trim;

// A <step>: its attributes, then its extracts, request parts and expects, then the <set>s
// before it; `repeat` unrolls it.
void Loader::load_step(const pugi::xml_node& node, model::Journey& journey, const Scope& scope) {
    model::Step step;
    step.where = where(node);
    check_attributes(
        node, {"name", "method", "url", "follow", "session", "cookies", "repeat", "mock-only"},
        {"name", "url"});
    check_no_text(node);
    step.name = scope.prefix + node.attribute("name").value();
    if (node.attribute("name")) {
        check_step_name(node, step, scope);
    }
    load_step_options(node, step);
    const int repeat = step_repeat(node);
    step.mock_only = flag(node, "mock-only") || scope.mock_only;
    step.guards = guards_of(scope);
    step.url.text = node.attribute("url").value();
    if (node.attribute("url")) {
        check_template(step.url.text, line_of(node, "url"), "url", defined_);
    }
    load_step_children(node, step);
    step.sets = std::move(pending_sets_);
    pending_sets_.clear();
    const auto runs = static_cast<std::size_t>(repeat);
    checks_ += step.checks.size() * runs;
    if (journey.steps.size() + runs > options_.limits.steps) {
        // Before unrolling: repeat="1000" of a large step must not be copied first.
        limit_error(step.where.line,
                    "the journey has more than " + std::to_string(options_.limits.steps) + " steps",
                    "steps", true);
        stopped_ = true;
        return;
    }
    if (repeat == 1) {
        journey.steps.push_back(std::move(step));
        return;
    }
    // The sets before the step run once, before its first run.
    const std::string base = step.name;
    for (int i = 1; i <= repeat; ++i) {
        model::Step copy = step;
        copy.name = base + "#" + std::to_string(i);
        if (i > 1) {
            copy.sets.clear();
        }
        journey.steps.push_back(std::move(copy));
    }
}

// The step's name is well-formed and not taken (within the journey and its includes).
void Loader::check_step_name(const pugi::xml_node& node, const model::Step& step,
                             const Scope& scope) {
    if (!schema::is_step_name(node.attribute("name").value())) {
        error(line_of(node, "name"), "step name " + schema::quoted(node.attribute("name").value()) +
                                         " may hold only letters, digits, '_', '-', '.'");
    }
    const auto it = step_lines_.find(step.name);
    if (it == step_lines_.end()) {
        step_lines_.emplace(step.name, step.where);
        return;
    }
    const std::string first = it->second.file == source_->path()
                                  ? "line " + std::to_string(it->second.line)
                                  : it->second.file + ":" + std::to_string(it->second.line);
    error(line_of(node, "name"), "duplicate step name " + schema::quoted(step.name) +
                                     " (first at " + first + ")" +
                                     (scope.in_lib || it->second.file != source_->path()
                                          ? std::string("; include the journey with prefix=\"...\"")
                                          : std::string()));
}

// method, follow, session and cookies.
void Loader::load_step_options(const pugi::xml_node& node, model::Step& step) {
    if (const auto method = node.attribute("method")) {
        step.method = method.value();
        if (!schema::one_of(step.method, schema::methods)) {
            error(line_of(node, "method"), "unknown method " + schema::quoted(step.method) +
                                               " (allowed: " + join(schema::methods) + ")");
        }
    }
    if (const auto follow = node.attribute("follow")) {
        const std::string_view value = follow.value();
        if (value == "none" || value == "hop") {
            step.follow = model::Follow::none;
        } else if (value == "all") {
            step.follow = model::Follow::all;
        } else {
            error(line_of(node, "follow"),
                  "unknown follow " + schema::quoted(value) + " (allowed: none, hop, all)");
        }
    }
    if (const auto session = node.attribute("session")) {
        step.session = session.value();
        if (!schema::is_step_name(step.session)) {
            error(line_of(node, "session"), "session name " + schema::quoted(step.session) +
                                                " may hold only letters, digits, '_', '-', '.'");
        }
    }
    if (const auto cookies = node.attribute("cookies")) {
        const std::string_view value = cookies.value();
        if (value == "none") {
            step.send_cookies = false;
        } else if (value != "jar") {
            error(line_of(node, "cookies"),
                  "unknown cookies " + schema::quoted(value) + " (allowed: none, jar)");
        }
    }
}

// `repeat="N"`, 1 when absent or wrong (after an error).
int Loader::step_repeat(const pugi::xml_node& node) {
    const auto attr = node.attribute("repeat");
    if (!attr) {
        return 1;
    }
    int repeat = 1;
    const std::string_view text = attr.value();
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), repeat);
    if (text.empty() || ec != std::errc() || ptr != text.data() + text.size() || repeat < 1 ||
        repeat > schema::max_repeat) {
        error(line_of(node, "repeat"), "repeat " + schema::quoted(text) +
                                           " must be a whole number from 1 to " +
                                           std::to_string(schema::max_repeat));
        return 1;
    }
    return repeat;
}

// Extracts first: they run before the checks, so the checks may use them. Then the request
// parts and the expects in document order.
void Loader::load_step_children(const pugi::xml_node& node, model::Step& step) {
    VarSet extracted; // the step's own extracts: its later extracts and its checks see them
    const DefinedVars after(defined_, &extracted);
    for (const pugi::xml_node child : node.children("extract")) {
        if (auto ex = load_extract(child, after)) {
            extracted.insert(ex->source == ExtractSource::form ? ex->var + ".*" : ex->var);
            step.extracts.push_back(std::move(*ex));
        }
    }
    int bodies = 0;
    for (const pugi::xml_node child : node.children()) {
        if (child.type() != pugi::node_element) {
            continue;
        }
        const std::string_view name = child.name();
        if (name == "header" || name == "query" || name == "field") {
            auto& list = name == "header" ? step.headers : name == "query" ? step.query : step.form;
            if (auto item = load_named(child)) {
                list.push_back(std::move(*item));
            }
        } else if (name == "body") {
            if (++bodies == 2) {
                error(line_of(child), "a step has at most one <body>");
            }
            load_body(child, step);
        } else if (name == "expect") {
            load_expect(child, step, after);
        } else if (name != "extract") {
            error(line_of(child), "unknown element " + element(child) +
                                      " in <step> (allowed: header, query, field, body, "
                                      "extract, expect)");
        }
    }
    if (bodies > 0 && !step.form.empty()) {
        error(step.where.line, "step " + schema::quoted(step.name) +
                                   " has both <field>s and a <body>: a form body "
                                   "is built from the fields, so use one or the other");
    }
    defined_.merge(extracted);
}

std::optional<model::NamedTemplate> Loader::load_named(const pugi::xml_node& node) {
    check_no_children(node);
    if (!check_attributes(node, {"name", "value"}, {"name", "value"})) {
        return std::nullopt;
    }
    model::NamedTemplate item{node.attribute("name").value(), {node.attribute("value").value()}};
    if (item.name.empty()) {
        error(line_of(node, "name"), element(node) + " name is empty");
    }
    check_template(item.value.text, line_of(node, "value"),
                   element(node) + " " + schema::quoted(item.name), defined_);
    return item;
}

void Loader::load_body(const pugi::xml_node& node, model::Step& step) {
    check_attributes(node, {"content-type"}, {});
    for (const pugi::xml_node child : node.children()) {
        if (child.type() == pugi::node_element) {
            error(line_of(child), "unexpected element " + element(child) +
                                      " in <body> (write XML bodies inside <![CDATA[...]]>)");
        }
    }
    const std::string text(trim(node.child_value()));
    check_template(text, line_of(node), "<body>", defined_);
    if (const auto ct = node.attribute("content-type")) {
        step.headers.push_back({"Content-Type", {ct.value()}});
    }
    step.body = model::Template{text};
}

std::optional<model::Extract> Loader::load_extract(const pugi::xml_node& node,
                                                   const DefinedVars& defined) {
    check_no_children(node);
    // A form extract names a prefix with `as` (it sets many variables), the others `var`.
    const bool is_form = static_cast<bool>(node.attribute("form"));
    const char* var_attr = is_form ? "as" : "var";
    Names allowed{var_attr, "secret", "of"};
    for (const auto& spec : schema::extract_specs) {
        allowed.push_back(spec.xml);
    }
    const bool has_var = check_attributes(node, allowed, {var_attr});
    model::Extract ex;
    ex.where = where(node);
    ex.var = node.attribute(var_attr).value();
    if (has_var) {
        check_variable_name(node, var_attr, ex.var);
    }
    const schema::ExtractSpec* source = extract_source(node);
    if (source == nullptr) {
        return std::nullopt;
    }
    ex.source = source->source;
    ex.expr = node.attribute(std::string(source->xml).c_str()).value();
    if (const std::string problem = extract_problem(ex, source->xml); !problem.empty()) {
        error(line_of(node, source->xml), problem);
    }
    if (const auto of = node.attribute("of")) {
        if (ex.source != ExtractSource::json && ex.source != ExtractSource::xpath &&
            ex.source != ExtractSource::regex) {
            error(line_of(node, "of"), "of replaces the body: it applies to json, xpath and "
                                       "regex, not to " +
                                           std::string(source->xml));
        } else {
            ex.of = model::Template{of.value()};
            check_template(ex.of->text, line_of(node, "of"), "of", defined);
        }
    }
    ex.secret = extract_secret(node, ex.var);
    if (!has_var) {
        return std::nullopt;
    }
    return ex;
}

// The one source attribute of an <extract> (json, header, ...); null after an error.
const schema::ExtractSpec* Loader::extract_source(const pugi::xml_node& node) {
    std::vector<const schema::ExtractSpec*> sources;
    for (const auto& spec : schema::extract_specs) {
        if (node.attribute(std::string(spec.xml).c_str())) {
            sources.push_back(&spec);
        }
    }
    if (sources.empty()) {
        Names names;
        for (const auto& spec : schema::extract_specs) {
            names.push_back(spec.xml);
        }
        error(line_of(node), "<extract> needs a source: one of " + join(names));
        return nullptr;
    }
    if (sources.size() > 1) {
        error(line_of(node), "<extract> has two sources, " + std::string(sources[0]->xml) +
                                 " and " + std::string(sources[1]->xml) + ": keep one");
        return nullptr;
    }
    return sources[0];
}

// What is wrong with the extract's expression (a JSON pointer, regex, XPath or name), or "".
std::string Loader::extract_problem(const model::Extract& ex, std::string_view source_xml) {
    switch (ex.source) {
    case ExtractSource::json:
        return schema::json_pointer_problem(ex.expr);
    case ExtractSource::regex:
        return schema::regex_problem(ex.expr);
    case ExtractSource::xpath:
    case ExtractSource::form:
        return schema::xpath_problem(ex.expr);
    default:
        if (ex.expr.empty()) {
            return "<extract> " + std::string(source_xml) + " names nothing";
        }
        return "";
    }
}

// Secret by name (harness/redaction) unless `secret="true|false"` says otherwise.
bool Loader::extract_secret(const pugi::xml_node& node, const std::string& var) {
    bool secret = redaction::is_secret_name(var);
    if (const auto attr = node.attribute("secret")) {
        const std::string_view value = attr.value();
        if (value == "true") {
            secret = true;
        } else if (value == "false") {
            secret = false;
        } else {
            error(line_of(node, "secret"),
                  "secret must be true or false, not " + schema::quoted(value));
        }
    }
    return secret;
}

} // namespace logintest::harness::scenario
