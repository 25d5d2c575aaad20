// The scenario loader: walks the pugixml tree of one <journey> file, builds model::Journey and
// collects every problem as `file:line: message`. Lines come from pugixml node offsets over
// the original text; an attribute's line is found by scanning its element's start tag.
#include "harness/scenario/loader.hpp"

#include "harness/model/redaction.hpp"
#include "harness/scenario/check_names.hpp"
#include "harness/scenario/functions.hpp"
#include "harness/scenario/template.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

namespace logintest::harness::scenario {
namespace {

using model::CheckOp;
using model::CheckSubject;
using model::ExtractSource;

using Names = std::vector<std::string_view>;
using VarSet = std::set<std::string, std::less<>>;

// --- what may be written where ----------------------------------------------------------

struct SubjectSpec {
    std::string_view xml;
    CheckSubject subject;
    bool names_something; // the attribute value is a path or a name, never the expected value
};

constexpr std::array<SubjectSpec, 13> subject_specs = {{
    {"status", CheckSubject::status, false},
    {"json", CheckSubject::json, true},
    {"header", CheckSubject::header, true},
    {"cookie", CheckSubject::cookie_set, true},
    {"no-cookie", CheckSubject::cookie_absent, true},
    {"jar.cookie", CheckSubject::jar_cookie, true},
    {"xpath", CheckSubject::xpath, true},
    {"body", CheckSubject::body, false},
    {"redirect.host", CheckSubject::redirect_host, false},
    {"redirect.path", CheckSubject::redirect_path, false},
    {"final.url", CheckSubject::final_url, false},
    {"final.path", CheckSubject::final_path, false},
    {"elapsed-ms", CheckSubject::elapsed_ms, false},
}};

struct OpSpec {
    std::string_view xml;
    CheckOp op;
};

constexpr std::array<OpSpec, 8> op_specs = {{
    {"equals", CheckOp::equals},
    {"not-equals", CheckOp::not_equals},
    {"matches", CheckOp::matches},
    {"contains", CheckOp::contains},
    {"exists", CheckOp::exists},
    {"absent", CheckOp::absent},
    {"type", CheckOp::type_is},
    {"less-than", CheckOp::less_than},
}};

constexpr std::array<std::string_view, 7> cookie_attributes = {
    "http-only", "host-only", "secure", "path", "domain", "same-site", "max-age"};
constexpr std::array<std::string_view, 3> boolean_cookie_attributes = {"http-only", "host-only",
                                                                       "secure"};
constexpr std::array<std::string_view, 4> expect_meta = {"clause", "check", "severity",
                                                         "description"};

struct ExtractSpec {
    std::string_view xml;
    ExtractSource source;
};

constexpr std::array<ExtractSpec, 7> extract_specs = {{
    {"json", ExtractSource::json},
    {"header", ExtractSource::header},
    {"cookie", ExtractSource::cookie},
    {"regex", ExtractSource::regex},
    {"final.query", ExtractSource::final_query},
    {"location.query", ExtractSource::location_query},
    {"xpath", ExtractSource::xpath},
}};

constexpr std::array<std::string_view, 7> methods = {"GET",    "POST", "PUT",    "PATCH",
                                                     "DELETE", "HEAD", "OPTIONS"};
constexpr std::array<std::string_view, 7> json_types = {"string", "number", "integer", "boolean",
                                                        "null",   "object", "array"};
constexpr std::array<std::string_view, 4> account_fields = {"login", "password", "scid", "user_id"};
// A pool account (MOCK-FIX-5) also brings the ESIA account paired with the user.
constexpr std::array<std::string_view, 3> pool_account_fields = {"esia_login", "esia_password",
                                                                 "oid"};

template <std::size_t N>
bool one_of(std::string_view value, const std::array<std::string_view, N>& list) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

template <typename Range> std::string join(const Range& items, std::string_view sep = ", ") {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) {
            out += sep;
        }
        out += item;
    }
    return out;
}

std::string quoted(std::string_view s) {
    return "'" + std::string(s) + "'";
}

bool is_identifier(std::string_view s, bool dots_and_dashes) {
    if (s.empty()) {
        return false;
    }
    const auto first = static_cast<unsigned char>(s.front());
    if (!(std::isalpha(first) || first == '_')) {
        return false;
    }
    return std::all_of(s.begin(), s.end(), [&](char ch) {
        const auto c = static_cast<unsigned char>(ch);
        return std::isalnum(c) || c == '_' || (dots_and_dashes && (c == '.' || c == '-'));
    });
}

bool is_step_name(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char ch) {
        const auto c = static_cast<unsigned char>(ch);
        return std::isalnum(c) || c == '_' || c == '-' || c == '.';
    });
}

// RFC 6901: empty (the whole document) or `/`-separated tokens where `~` is `~0` or `~1`.
std::string json_pointer_problem(std::string_view p) {
    if (p.empty()) {
        return "";
    }
    if (p.front() != '/') {
        return "JSON pointer " + quoted(p) + " must be empty or start with '/'";
    }
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (p[i] == '~' && (i + 1 >= p.size() || (p[i + 1] != '0' && p[i + 1] != '1'))) {
            return "JSON pointer " + quoted(p) + ": '~' must be followed by 0 or 1";
        }
    }
    return "";
}

std::string regex_problem(const std::string& pattern) {
    try {
        std::regex re(pattern, std::regex::ECMAScript);
        (void)re;
    } catch (const std::regex_error& e) {
        return "bad regex " + quoted(pattern) + ": " + e.what();
    }
    return "";
}

std::string xpath_problem(const std::string& expr) {
    try {
        pugi::xpath_query query(expr.c_str());
        if (!query) {
            return "bad XPath " + quoted(expr) + ": " + query.result().description();
        }
    } catch (const pugi::xpath_exception& e) {
        return "bad XPath " + quoted(expr) + ": " + e.result().description();
    } catch (const std::exception& e) {
        return "bad XPath " + quoted(expr) + ": " + e.what();
    }
    return "";
}

std::string_view trim(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = s.find_last_not_of(" \t\r\n");
    return s.substr(first, last - first + 1);
}

std::vector<std::string> split_ws(std::string_view s) {
    std::vector<std::string> out;
    std::istringstream in{std::string(s)};
    std::string word;
    while (in >> word) {
        out.push_back(word);
    }
    return out;
}

bool is_number(std::string_view s) {
    s = trim(s);
    if (s.empty()) {
        return false;
    }
    double value = 0;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    return ec == std::errc() && ptr == s.data() + s.size();
}

// --- the loader --------------------------------------------------------------------------

class Loader {
public:
    Loader(std::string_view xml, std::string file, const SpecIds& ids,
           const std::vector<std::string>& predefined)
        : text_(xml), file_(std::move(file)), ids_(ids) {
        line_starts_.push_back(0);
        for (std::size_t i = 0; i < text_.size(); ++i) {
            if (text_[i] == '\n') {
                line_starts_.push_back(i + 1);
            }
        }
        for (const auto& name : predefined) {
            predefined_.insert(name);
        }
    }

    LoadResult run() {
        pugi::xml_document doc;
        const pugi::xml_parse_result parsed = doc.load_buffer(
            text_.data(), text_.size(), pugi::parse_default | pugi::parse_ws_pcdata_single,
            pugi::encoding_utf8);
        LoadResult result;
        if (!parsed) {
            error(line_of_offset(parsed.offset),
                  std::string("XML syntax error: ") + parsed.description());
            result.errors = std::move(errors_);
            return result;
        }
        model::Journey journey;
        journey.file = file_;
        const pugi::xml_node root = doc.document_element();
        int roots = 0;
        for (const pugi::xml_node child : doc.children()) {
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
            load_journey(root, journey);
        }
        std::stable_sort(
            errors_.begin(), errors_.end(),
            [](const LoadError& a, const LoadError& b) { return a.where.line < b.where.line; });
        result.errors = std::move(errors_);
        if (result.errors.empty()) {
            result.journey = std::move(journey);
        }
        return result;
    }

private:
    // --- positions and errors ---

    int line_of_offset(std::ptrdiff_t offset) const {
        if (offset < 0) {
            return 0;
        }
        const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(),
                                         static_cast<std::size_t>(offset));
        return static_cast<int>(it - line_starts_.begin());
    }

    int line_of(const pugi::xml_node& node) const { return line_of_offset(node.offset_debug()); }

    // The line of attribute `name` in the start tag of `node`: scans the tag from the element
    // name, skipping quoted values, so a value that contains `name=` cannot confuse it.
    int line_of(const pugi::xml_node& node, std::string_view name) const {
        const std::ptrdiff_t start = node.offset_debug();
        if (start < 0 || static_cast<std::size_t>(start) >= text_.size()) {
            return line_of(node);
        }
        std::size_t i = static_cast<std::size_t>(start);
        auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
        while (i < text_.size() && !is_space(text_[i]) && text_[i] != '>' && text_[i] != '/') {
            ++i;
        }
        while (i < text_.size()) {
            while (i < text_.size() && is_space(text_[i])) {
                ++i;
            }
            if (i >= text_.size() || text_[i] == '>' || text_[i] == '/') {
                break;
            }
            const std::size_t name_start = i;
            while (i < text_.size() && !is_space(text_[i]) && text_[i] != '=') {
                ++i;
            }
            const std::string_view attr = text_.substr(name_start, i - name_start);
            if (attr == name) {
                return line_of_offset(static_cast<std::ptrdiff_t>(name_start));
            }
            while (i < text_.size() && text_[i] != '"' && text_[i] != '\'') {
                ++i;
            }
            if (i >= text_.size()) {
                break;
            }
            const char quote = text_[i++];
            while (i < text_.size() && text_[i] != quote) {
                ++i;
            }
            ++i;
        }
        return line_of(node);
    }

    model::SourceLocation where(const pugi::xml_node& node) const { return {file_, line_of(node)}; }

    void error(int line, std::string message) {
        errors_.push_back({{file_, line}, std::move(message)});
    }

    static std::string element(const pugi::xml_node& node) {
        return "<" + std::string(node.name()) + ">";
    }

    // Unknown and missing attributes of `node`; true when every required one is present.
    bool check_attributes(const pugi::xml_node& node, const Names& allowed, const Names& required) {
        for (const pugi::xml_attribute attr : node.attributes()) {
            if (std::find(allowed.begin(), allowed.end(), std::string_view(attr.name())) ==
                allowed.end()) {
                error(line_of(node, attr.name()), "unknown attribute " + quoted(attr.name()) +
                                                      " on " + element(node) +
                                                      " (allowed: " + join(allowed) + ")");
            }
        }
        bool ok = true;
        for (const auto name : required) {
            if (!node.attribute(std::string(name).c_str())) {
                error(line_of(node), element(node) + " needs the attribute " + quoted(name));
                ok = false;
            }
        }
        return ok;
    }

    // Text is allowed in <body> only.
    void check_no_text(const pugi::xml_node& node) {
        for (const pugi::xml_node child : node.children()) {
            if ((child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) &&
                !trim(child.value()).empty()) {
                error(line_of(child),
                      "unexpected text " + quoted(trim(child.value())) + " in " + element(node));
            }
        }
    }

    // Syntax, functions (name and arity) and variables of one template.
    void check_template(const std::string& text, int line, std::string_view what,
                        const VarSet& defined) {
        const TemplateRefs refs = parse_template(model::Template{text});
        if (!refs.syntax_error.empty()) {
            error(line, std::string(what) + ": " + refs.syntax_error);
            return;
        }
        for (const FunctionCall& call : refs.calls) {
            const int arity = function_arity(call.name);
            if (arity < 0) {
                error(line, std::string(what) + ": unknown function " + quoted(call.name) +
                                " (known: " + join(function_names()) + ")");
            } else if (static_cast<std::size_t>(arity) != call.arg_count) {
                error(line, std::string(what) + ": " + call.name + "() takes " +
                                std::to_string(arity) + " argument" + (arity == 1 ? "" : "s") +
                                ", got " + std::to_string(call.arg_count));
            }
        }
        for (const std::string& var : refs.variables) {
            if (defined.contains(var)) {
                continue;
            }
            std::string message = std::string(what) + ": variable " + quoted(var);
            if (const auto later = definitions_.find(var);
                later != definitions_.end() && later->second.line >= line) {
                message += " is used before it is defined (" + later->second.by + " at line " +
                           std::to_string(later->second.line) + ")";
            } else {
                message += " is not defined";
            }
            error(line, message);
        }
    }

    // --- elements ---

    // Where each variable is first defined, for "used before it is defined" messages.
    struct Definition {
        std::string by;
        int line = 0;
    };

    void prescan(const pugi::xml_node& root) {
        for (const pugi::xml_node child : root.children()) {
            const std::string_view name = child.name();
            if (name == "var" && child.attribute("name")) {
                definitions_.try_emplace(child.attribute("name").value(),
                                         Definition{"set by <var>", line_of(child)});
            } else if (name == "account" && child.attribute("as")) {
                for (const auto field : account_fields) {
                    definitions_.try_emplace(std::string(child.attribute("as").value()) + "." +
                                                 std::string(field),
                                             Definition{"set by <account>", line_of(child)});
                }
                if (child.attribute("pool")) {
                    for (const auto field : pool_account_fields) {
                        definitions_.try_emplace(std::string(child.attribute("as").value()) + "." +
                                                     std::string(field),
                                                 Definition{"set by <account>", line_of(child)});
                    }
                }
            } else if (name == "step") {
                for (const pugi::xml_node ex : child.children("extract")) {
                    if (ex.attribute("var")) {
                        const std::string_view step = child.attribute("name").value();
                        definitions_.try_emplace(
                            ex.attribute("var").value(),
                            Definition{step.empty() ? std::string("extracted")
                                                    : "extracted by step " + quoted(step),
                                       line_of(ex)});
                    }
                }
            }
        }
    }

    void load_journey(const pugi::xml_node& root, model::Journey& journey) {
        journey.where = where(root);
        check_attributes(root, {"name", "spec", "description"}, {"name"});
        journey.name = root.attribute("name").value();
        if (root.attribute("name") && !is_step_name(journey.name)) {
            error(line_of(root, "name"), "journey name " + quoted(journey.name) +
                                             " may hold only letters, digits, '_', '-', '.'");
        }
        journey.spec = root.attribute("spec").value();
        journey.description = root.attribute("description").value();
        check_no_text(root);
        prescan(root);
        defined_ = predefined_;
        for (const pugi::xml_node child : root.children()) {
            if (child.type() != pugi::node_element) {
                continue;
            }
            const std::string_view name = child.name();
            if (name == "account") {
                load_account(child, journey);
            } else if (name == "var") {
                load_var(child, journey);
            } else if (name == "step") {
                load_step(child, journey);
            } else {
                error(line_of(child), "unknown element " + element(child) +
                                          " in <journey> (allowed: account, var, step)");
            }
        }
        if (journey.steps.empty()) {
            error(line_of(root), "<journey> has no <step>");
        }
    }

    void load_account(const pugi::xml_node& node, model::Journey& journey) {
        check_no_children(node);
        const bool pooled = static_cast<bool>(node.attribute("pool"));
        if (!check_attributes(node, {"as", "login", "scid", "pool"},
                              pooled ? Names{"as"} : Names{"as", "login"})) {
            return;
        }
        model::AccountUse account;
        account.as = node.attribute("as").value();
        account.login = node.attribute("login").value();
        account.pool = node.attribute("pool").value();
        account.where = where(node);
        if (pooled) {
            // MOCK-FIX-5: any account of a pool, leased per journey; no login or school.
            if (node.attribute("login") || node.attribute("scid")) {
                error(line_of(node, "pool"),
                      "<account> takes either pool or login (and scid), not both");
            }
            const bool known =
                std::any_of(std::begin(model::account_pools), std::end(model::account_pools),
                            [&](const char* pool) { return account.pool == pool; });
            if (!known) {
                error(line_of(node, "pool"),
                      "unknown account pool " + quoted(account.pool) + " (known: load, bind)");
            }
        }
        if (!is_identifier(account.as, false)) {
            error(line_of(node, "as"),
                  "account name " + quoted(account.as) + " must be letters, digits and '_'");
        }
        for (const auto& other : journey.accounts) {
            if (other.as == account.as) {
                error(line_of(node, "as"), "account " + quoted(account.as) +
                                               " is already defined at line " +
                                               std::to_string(other.where.line));
            }
        }
        if (!pooled && trim(account.login).empty()) {
            error(line_of(node, "login"), "<account> login is empty");
        }
        if (const auto scid = node.attribute("scid")) {
            const std::string_view text = scid.value();
            int value = 0;
            const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
            if (text.empty() || ec != std::errc() || ptr != text.data() + text.size()) {
                error(line_of(node, "scid"), "scid " + quoted(text) + " is not an integer");
            } else {
                account.scid = value;
            }
        }
        for (const auto field : account_fields) {
            defined_.insert(account.as + "." + std::string(field));
        }
        if (pooled) {
            for (const auto field : pool_account_fields) {
                defined_.insert(account.as + "." + std::string(field));
            }
        }
        journey.accounts.push_back(std::move(account));
    }

    void load_var(const pugi::xml_node& node, model::Journey& journey) {
        check_no_children(node);
        if (!check_attributes(node, {"name", "value"}, {"name", "value"})) {
            return;
        }
        const std::string name = node.attribute("name").value();
        const std::string value = node.attribute("value").value();
        if (!is_identifier(name, true)) {
            error(line_of(node, "name"),
                  "variable name " + quoted(name) +
                      " must start with a letter or '_' and hold letters, digits, '_', '.', '-'");
        } else if (predefined_.contains(name)) {
            error(line_of(node, "name"), "variable " + quoted(name) + " is predefined");
        } else if (journey.variables.contains(name)) {
            error(line_of(node, "name"), "variable " + quoted(name) + " is already defined");
        }
        check_template(value, line_of(node, "value"), "<var> value", defined_);
        journey.variables[name] = model::Template{value};
        journey.variable_order.push_back(name);
        defined_.insert(name);
    }

    void check_no_children(const pugi::xml_node& node) {
        for (const pugi::xml_node child : node.children()) {
            if (child.type() == pugi::node_element) {
                error(line_of(child), "unexpected element " + element(child) + " in " +
                                          element(node) + " (it takes no elements)");
            }
        }
        check_no_text(node);
    }

    void load_step(const pugi::xml_node& node, model::Journey& journey) {
        model::Step step;
        step.where = where(node);
        check_attributes(node, {"name", "method", "url", "follow"}, {"name", "url"});
        check_no_text(node);
        step.name = node.attribute("name").value();
        if (node.attribute("name")) {
            if (!is_step_name(step.name)) {
                error(line_of(node, "name"), "step name " + quoted(step.name) +
                                                 " may hold only letters, digits, '_', '-', '.'");
            }
            if (const auto it = step_lines_.find(step.name); it != step_lines_.end()) {
                error(line_of(node, "name"), "duplicate step name " + quoted(step.name) +
                                                 " (first at line " + std::to_string(it->second) +
                                                 ")");
            } else {
                step_lines_.emplace(step.name, step.where.line);
            }
        }
        if (const auto method = node.attribute("method")) {
            step.method = method.value();
            if (!one_of(step.method, methods)) {
                error(line_of(node, "method"), "unknown method " + quoted(step.method) +
                                                   " (allowed: " + join(methods) + ")");
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
                      "unknown follow " + quoted(value) + " (allowed: none, hop, all)");
            }
        }
        step.url.text = node.attribute("url").value();
        if (node.attribute("url")) {
            check_template(step.url.text, line_of(node, "url"), "url", defined_);
        }

        // Extracts first: they run before the checks, so the checks may use them.
        VarSet after = defined_;
        for (const pugi::xml_node child : node.children("extract")) {
            if (auto ex = load_extract(child)) {
                after.insert(ex->var);
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
                auto& list = name == "header"  ? step.headers
                             : name == "query" ? step.query
                                               : step.form;
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
            error(step.where.line, "step " + quoted(step.name) +
                                       " has both <field>s and a <body>: a form body "
                                       "is built from the fields, so use one or the other");
        }
        defined_ = std::move(after);
        journey.steps.push_back(std::move(step));
    }

    std::optional<model::NamedTemplate> load_named(const pugi::xml_node& node) {
        check_no_children(node);
        if (!check_attributes(node, {"name", "value"}, {"name", "value"})) {
            return std::nullopt;
        }
        model::NamedTemplate item{node.attribute("name").value(),
                                  {node.attribute("value").value()}};
        if (item.name.empty()) {
            error(line_of(node, "name"), element(node) + " name is empty");
        }
        check_template(item.value.text, line_of(node, "value"),
                       element(node) + " " + quoted(item.name), defined_);
        return item;
    }

    void load_body(const pugi::xml_node& node, model::Step& step) {
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

    std::optional<model::Extract> load_extract(const pugi::xml_node& node) {
        check_no_children(node);
        Names allowed{"var", "secret"};
        for (const auto& spec : extract_specs) {
            allowed.push_back(spec.xml);
        }
        const bool has_var = check_attributes(node, allowed, {"var"});
        model::Extract ex;
        ex.where = where(node);
        ex.var = node.attribute("var").value();
        if (has_var && !is_identifier(ex.var, true)) {
            error(line_of(node, "var"),
                  "variable name " + quoted(ex.var) +
                      " must start with a letter or '_' and hold letters, digits, '_', '.', '-'");
        } else if (has_var && predefined_.contains(ex.var)) {
            error(line_of(node, "var"), "variable " + quoted(ex.var) + " is predefined");
        }
        std::vector<const ExtractSpec*> sources;
        for (const auto& spec : extract_specs) {
            if (node.attribute(std::string(spec.xml).c_str())) {
                sources.push_back(&spec);
            }
        }
        if (sources.empty()) {
            Names names;
            for (const auto& spec : extract_specs) {
                names.push_back(spec.xml);
            }
            error(line_of(node), "<extract> needs a source: one of " + join(names));
            return std::nullopt;
        }
        if (sources.size() > 1) {
            error(line_of(node), "<extract> has two sources, " + std::string(sources[0]->xml) +
                                     " and " + std::string(sources[1]->xml) + ": keep one");
            return std::nullopt;
        }
        ex.source = sources[0]->source;
        ex.expr = node.attribute(std::string(sources[0]->xml).c_str()).value();
        const int expr_line = line_of(node, sources[0]->xml);
        std::string problem;
        switch (ex.source) {
        case ExtractSource::json:
            problem = json_pointer_problem(ex.expr);
            break;
        case ExtractSource::regex:
            problem = regex_problem(ex.expr);
            break;
        case ExtractSource::xpath:
            problem = xpath_problem(ex.expr);
            break;
        default:
            if (ex.expr.empty()) {
                problem = "<extract> " + std::string(sources[0]->xml) + " names nothing";
            }
            break;
        }
        if (!problem.empty()) {
            error(expr_line, problem);
        }
        ex.secret = model::is_secret_name(ex.var);
        if (const auto secret = node.attribute("secret")) {
            const std::string_view value = secret.value();
            if (value == "true") {
                ex.secret = true;
            } else if (value == "false") {
                ex.secret = false;
            } else {
                error(line_of(node, "secret"),
                      "secret must be true or false, not " + quoted(value));
            }
        }
        if (!has_var) {
            return std::nullopt;
        }
        return ex;
    }

    // One <expect> gives one check per subject: `status="200" redirect.host="x"` is two
    // equals checks; an operator attribute applies to the one subject that names a path
    // (json, header, cookie, ...) or is written empty (`body="" contains="..."`).
    void load_expect(const pugi::xml_node& node, model::Step& step, const VarSet& defined) {
        check_no_children(node);
        Names allowed;
        for (const auto& s : subject_specs) {
            allowed.push_back(s.xml);
        }
        for (const auto& o : op_specs) {
            allowed.push_back(o.xml);
        }
        allowed.insert(allowed.end(), cookie_attributes.begin(), cookie_attributes.end());
        allowed.insert(allowed.end(), expect_meta.begin(), expect_meta.end());
        check_attributes(node, allowed, {"clause"});
        const int line = line_of(node);

        model::Check base;
        base.where = where(node);
        if (const auto clause = node.attribute("clause")) {
            base.clauses = split_ws(clause.value());
            if (base.clauses.empty()) {
                error(line_of(node, "clause"), "clause is empty: name at least one spec clause");
            }
            for (const auto& id : base.clauses) {
                if (!ids_.is_clause(id)) {
                    error(line_of(node, "clause"), "unknown clause id " + quoted(id));
                }
            }
        }
        if (const auto check = node.attribute("check")) {
            base.check_id = std::string(trim(check.value()));
            if (!ids_.is_check(base.check_id)) {
                error(line_of(node, "check"),
                      "unknown check id " + quoted(base.check_id) + " (a §24 id such as J1-08)");
            }
        }
        if (const auto severity = node.attribute("severity")) {
            const std::string_view value = severity.value();
            if (value == "warning") {
                base.severity = model::Severity::warning;
            } else if (value != "failure") {
                error(line_of(node, "severity"),
                      "unknown severity " + quoted(value) + " (allowed: failure, warning)");
            }
        }
        const std::string description = node.attribute("description").value();

        struct Present {
            const SubjectSpec* spec;
            std::string value;
        };
        std::vector<Present> subjects;
        for (const auto& s : subject_specs) {
            if (const auto attr = node.attribute(std::string(s.xml).c_str())) {
                subjects.push_back({&s, attr.value()});
            }
        }
        std::vector<const OpSpec*> ops;
        for (const auto& o : op_specs) {
            if (node.attribute(std::string(o.xml).c_str())) {
                ops.push_back(&o);
            }
        }
        std::vector<std::string_view> attrs;
        for (const auto a : cookie_attributes) {
            if (node.attribute(std::string(a).c_str())) {
                attrs.push_back(a);
            }
        }
        if (subjects.empty()) {
            Names names;
            for (const auto& s : subject_specs) {
                names.push_back(s.xml);
            }
            error(line, "<expect> needs a subject: one of " + join(names));
            return;
        }
        if (ops.size() > 1) {
            error(line_of(node, ops[1]->xml),
                  "two operators on one <expect>, " + std::string(ops[0]->xml) + " and " +
                      std::string(ops[1]->xml) + ": write one <expect> for each");
            return;
        }
        const OpSpec* op = ops.empty() ? nullptr : ops[0];
        const Present* open = nullptr;
        if (op != nullptr) {
            int open_count = 0;
            for (const auto& s : subjects) {
                const bool takes_op = s.spec->names_something
                                          ? s.spec->subject != CheckSubject::cookie_absent
                                          : s.value.empty();
                if (takes_op) {
                    ++open_count;
                    if (open == nullptr) {
                        open = &s;
                    } else if (open_count == 2) {
                        error(line_of(node, op->xml),
                              std::string(op->xml) + " applies to one subject, but both " +
                                  std::string(open->spec->xml) + " and " +
                                  std::string(s.spec->xml) + " are given without a value");
                        return;
                    }
                }
            }
            const bool only_no_cookie =
                std::all_of(subjects.begin(), subjects.end(), [](const Present& s) {
                    return s.spec->subject == CheckSubject::cookie_absent;
                });
            if (open == nullptr && only_no_cookie) {
                error(line_of(node, op->xml),
                      "no-cookie takes no operator: it checks that the cookie is not set");
                return;
            }
            if (open == nullptr) {
                error(line_of(node, op->xml), std::string(op->xml) +
                                                  " has no subject: write the subject without a "
                                                  "value, e.g. " +
                                                  std::string(subjects[0].spec->xml) + "=\"\" " +
                                                  std::string(op->xml) + "=\"...\"");
                return;
            }
        }
        const Present* cookie = nullptr;
        for (const auto& s : subjects) {
            if (s.spec->subject == CheckSubject::cookie_set) {
                cookie = &s;
            }
        }
        if (!attrs.empty() && cookie == nullptr) {
            error(line_of(node, attrs[0]), std::string(attrs[0]) +
                                               " checks a Set-Cookie attribute: it needs "
                                               "cookie=\"NAME\" on the same <expect>");
        }

        for (const auto& s : subjects) {
            model::Check check = base;
            check.subject = s.spec->subject;
            const int subject_line = line_of(node, s.spec->xml);
            if (s.spec->names_something) {
                check.path = s.value;
                if (!validate_path(check, subject_line)) {
                    continue;
                }
            }
            if (check.subject == CheckSubject::cookie_absent) {
                check.op = CheckOp::absent;
            } else if (&s == open) {
                check.op = op->op;
                check.expected.text = node.attribute(std::string(op->xml).c_str()).value();
                if (!validate_op(check, line_of(node, op->xml), defined)) {
                    continue;
                }
            } else if (s.spec->names_something) {
                if (check.subject == CheckSubject::cookie_set && !attrs.empty()) {
                    continue; // the attribute checks below imply the cookie is set
                }
                check.op = CheckOp::exists;
            } else {
                check.op = CheckOp::equals;
                check.expected.text = s.value;
                if (!validate_op(check, subject_line, defined)) {
                    continue;
                }
            }
            check.description =
                description.empty() ? describe_check(check, check.expected.text) : description;
            step.checks.push_back(std::move(check));
        }
        if (cookie != nullptr) {
            for (const auto a : attrs) {
                model::Check check = base;
                check.subject = CheckSubject::cookie_set;
                check.path = cookie->value;
                check.attribute = std::string(a);
                check.op = CheckOp::equals;
                check.expected.text = node.attribute(std::string(a).c_str()).value();
                const int attr_line = line_of(node, a);
                if (one_of(a, boolean_cookie_attributes) && check.expected.text != "true" &&
                    check.expected.text != "false") {
                    error(attr_line, std::string(a) + " must be true or false, not " +
                                         quoted(check.expected.text));
                    continue;
                }
                if (a == "max-age" && !check.expected.text.empty() &&
                    !is_number(check.expected.text) &&
                    check.expected.text.find("${") == std::string::npos) {
                    error(attr_line, "max-age " + quoted(check.expected.text) + " is not a number");
                    continue;
                }
                check_template(check.expected.text, attr_line, a, defined);
                check.description =
                    description.empty() ? describe_check(check, check.expected.text) : description;
                step.checks.push_back(std::move(check));
            }
        }
    }

    bool validate_path(const model::Check& check, int line) {
        std::string problem;
        switch (check.subject) {
        case CheckSubject::json:
            problem = json_pointer_problem(check.path);
            break;
        case CheckSubject::xpath:
            problem = xpath_problem(check.path);
            break;
        default:
            if (trim(check.path).empty()) {
                problem = std::string(subject_name(check.subject)) + " names nothing";
            }
            break;
        }
        if (!problem.empty()) {
            error(line, problem);
            return false;
        }
        return true;
    }

    // Operator/subject compatibility and the operator's value.
    bool validate_op(model::Check& check, int line, const VarSet& defined) {
        const std::string subject(subject_name(check.subject));
        const std::string op(op_name(check.op));
        std::string& value = check.expected.text;
        const bool literal = value.find("${") == std::string::npos;
        auto fail = [&](std::string message) {
            error(line, std::move(message));
            return false;
        };
        switch (check.op) {
        case CheckOp::exists:
        case CheckOp::absent:
            if (check.subject == CheckSubject::status || check.subject == CheckSubject::final_url ||
                check.subject == CheckSubject::final_path ||
                check.subject == CheckSubject::elapsed_ms) {
                return fail(subject + " is always there: " + op + " does not apply");
            }
            if (value != "true" && value != "false") {
                return fail(op + " must be true or false, not " + quoted(value));
            }
            if (value == "false") {
                check.op = check.op == CheckOp::exists ? CheckOp::absent : CheckOp::exists;
            }
            value.clear();
            return true;
        case CheckOp::type_is:
            if (check.subject != CheckSubject::json) {
                return fail("type applies to json only, not to " + subject);
            }
            if (!one_of(std::string_view(value), json_types)) {
                return fail("unknown JSON type " + quoted(value) +
                            " (allowed: " + join(json_types) + ")");
            }
            return true;
        case CheckOp::less_than:
            if (check.subject != CheckSubject::status && check.subject != CheckSubject::json &&
                check.subject != CheckSubject::header &&
                check.subject != CheckSubject::elapsed_ms) {
                return fail("less-than compares numbers: it applies to status, json, header "
                            "and elapsed-ms, not to " +
                            subject);
            }
            if (literal && !is_number(value)) {
                return fail("less-than " + quoted(value) + " is not a number");
            }
            break;
        case CheckOp::matches:
            if (literal) {
                if (auto problem = regex_problem(value); !problem.empty()) {
                    return fail(problem);
                }
            }
            break;
        default:
            break;
        }
        if (check.subject == CheckSubject::elapsed_ms && check.op != CheckOp::less_than) {
            return fail("elapsed-ms takes less-than only");
        }
        if (check.subject == CheckSubject::status && check.op == CheckOp::equals && literal) {
            if (value.size() != 3 || !std::all_of(value.begin(), value.end(),
                                                  [](char c) { return c >= '0' && c <= '9'; })) {
                return fail("status " + quoted(value) + " is not a three-digit status code");
            }
        }
        const std::size_t errors_before = errors_.size();
        check_template(value, line, subject + " " + op, defined);
        return errors_.size() == errors_before;
    }

    std::string_view text_;
    std::string file_;
    const SpecIds& ids_;
    std::vector<std::size_t> line_starts_;
    std::vector<LoadError> errors_;
    VarSet predefined_;
    VarSet defined_;
    std::map<std::string, Definition, std::less<>> definitions_;
    std::map<std::string, int, std::less<>> step_lines_;
};

} // namespace

LoadResult load_journey_text(std::string_view xml, const std::string& file_name, const SpecIds& ids,
                             const std::vector<std::string>& predefined) {
    return Loader(xml, file_name, ids, predefined).run();
}

LoadResult load_journey_file(const std::string& path, const SpecIds& ids,
                             const std::vector<std::string>& predefined) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        LoadResult result;
        result.errors.push_back({{path, 0}, "cannot read the file"});
        return result;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return load_journey_text(text.str(), path, ids, predefined);
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
