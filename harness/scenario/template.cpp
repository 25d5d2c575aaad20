// Template expansion: a small recursive-descent parser of `${...}` placeholders (variable
// names, 'quoted literals', nested function calls) and its evaluator. `$$` is a literal `$`;
// a `$` not followed by `{` or `$` is kept as is, so regexes ending in `$` need no escape.
#include "harness/scenario/template.hpp"

#include "harness/scenario/functions.hpp"

#include <cstddef>

namespace logintest::harness::scenario {
namespace {

struct Node {
    enum class Kind { variable, literal, call };
    Kind kind = Kind::variable;
    std::string text; // variable name, literal value or function name
    std::vector<Node> args;
};

struct Segment {
    bool is_expr = false;
    std::string text; // literal text when !is_expr
    Node expr;
};

struct Parsed {
    std::vector<Segment> segments;
    std::string error;
};

bool is_name_char(char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '.' || c == '-' || c >= 0x80;
}

// Parses the expression of one placeholder; `pos` starts after `${` and ends after `}`.
class ExprParser {
public:
    ExprParser(std::string_view text, std::size_t pos) : text_(text), pos_(pos) {}

    bool parse(Node& out, std::string& error) {
        if (!term(out, 0, error)) {
            return false;
        }
        skip_ws();
        if (pos_ >= text_.size()) {
            error = "unterminated '${': missing '}'";
            return false;
        }
        if (text_[pos_] != '}') {
            error = "unexpected '" + std::string(1, text_[pos_]) + "' at offset " +
                    std::to_string(pos_) + ", expected '}'";
            return false;
        }
        ++pos_;
        return true;
    }

    std::size_t pos() const { return pos_; }

private:
    void skip_ws() {
        while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' ||
                                       text_[pos_] == '\n' || text_[pos_] == '\r')) {
            ++pos_;
        }
    }

    bool term(Node& out, int depth, std::string& error) {
        if (depth > max_call_depth) {
            error = "function calls nested more than " + std::to_string(max_call_depth) + " deep";
            return false;
        }
        skip_ws();
        if (pos_ >= text_.size()) {
            error = "unterminated '${': missing '}'";
            return false;
        }
        if (text_[pos_] == '\'') {
            return literal(out, error);
        }
        const std::size_t start = pos_;
        while (pos_ < text_.size() && is_name_char(text_[pos_])) {
            ++pos_;
        }
        if (pos_ == start) {
            error = text_[pos_] == '}'
                        ? std::string("empty '${}'")
                        : "unexpected '" + std::string(1, text_[pos_]) + "' at offset " +
                              std::to_string(pos_) + ", expected a name or a 'literal'";
            return false;
        }
        out.text = std::string(text_.substr(start, pos_ - start));
        skip_ws();
        if (pos_ < text_.size() && text_[pos_] == '(') {
            ++pos_;
            out.kind = Node::Kind::call;
            return arguments(out, depth, error);
        }
        out.kind = Node::Kind::variable;
        return true;
    }

    bool literal(Node& out, std::string& error) {
        ++pos_; // opening quote
        out.kind = Node::Kind::literal;
        while (pos_ < text_.size() && text_[pos_] != '\'') {
            if (text_[pos_] == '\\' && pos_ + 1 < text_.size()) {
                ++pos_;
            }
            out.text += text_[pos_++];
        }
        if (pos_ >= text_.size()) {
            error = "unterminated 'literal'";
            return false;
        }
        ++pos_; // closing quote
        return true;
    }

    bool arguments(Node& call, int depth, std::string& error) {
        skip_ws();
        if (pos_ < text_.size() && text_[pos_] == ')') {
            ++pos_;
            return true;
        }
        for (;;) {
            Node arg;
            if (!term(arg, depth + 1, error)) {
                return false;
            }
            call.args.push_back(std::move(arg));
            skip_ws();
            if (pos_ >= text_.size()) {
                error = "unterminated call of " + call.text + "(): missing ')'";
                return false;
            }
            if (text_[pos_] == ')') {
                ++pos_;
                return true;
            }
            if (text_[pos_] != ',') {
                error = "unexpected '" + std::string(1, text_[pos_]) + "' at offset " +
                        std::to_string(pos_) + " in the arguments of " + call.text +
                        "(), expected ',' or ')'";
                return false;
            }
            ++pos_;
        }
    }

    std::string_view text_;
    std::size_t pos_;
};

Parsed parse(std::string_view text) {
    Parsed parsed;
    std::string literal;
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] != '$' || i + 1 >= text.size()) {
            literal += text[i++];
            continue;
        }
        if (text[i + 1] == '$') {
            literal += '$';
            i += 2;
            continue;
        }
        if (text[i + 1] != '{') {
            literal += text[i++];
            continue;
        }
        if (!literal.empty()) {
            parsed.segments.push_back({false, std::move(literal), {}});
            literal.clear();
        }
        ExprParser p(text, i + 2);
        Segment seg;
        seg.is_expr = true;
        if (!p.parse(seg.expr, parsed.error)) {
            parsed.error = "in '" + std::string(text) + "': " + parsed.error;
            return parsed;
        }
        parsed.segments.push_back(std::move(seg));
        i = p.pos();
    }
    if (!literal.empty()) {
        parsed.segments.push_back({false, std::move(literal), {}});
    }
    return parsed;
}

bool evaluate(const Node& node, const Variables& vars, std::string& out, std::string& error) {
    switch (node.kind) {
    case Node::Kind::literal:
        out = node.text;
        return true;
    case Node::Kind::variable: {
        const auto it = vars.find(node.text);
        if (it == vars.end()) {
            error = "undefined variable '" + node.text + "'";
            return false;
        }
        out = it->second;
        return true;
    }
    case Node::Kind::call: {
        std::vector<std::string> args;
        args.reserve(node.args.size());
        for (const Node& arg : node.args) {
            std::string value;
            if (!evaluate(arg, vars, value, error)) {
                return false;
            }
            args.push_back(std::move(value));
        }
        FunctionResult r = call_function(node.text, args);
        if (!r.error.empty()) {
            error = std::move(r.error);
            return false;
        }
        if (r.value.size() > max_expansion_bytes) {
            error =
                node.text + "() makes more than " + std::to_string(max_expansion_bytes) + " bytes";
            return false;
        }
        out = std::move(r.value);
        return true;
    }
    }
    return false;
}

void collect(const Node& node, TemplateRefs& refs) {
    switch (node.kind) {
    case Node::Kind::literal:
        return;
    case Node::Kind::variable:
        refs.variables.push_back(node.text);
        return;
    case Node::Kind::call:
        refs.functions.push_back(node.text);
        refs.calls.push_back({node.text, node.args.size()});
        for (const Node& arg : node.args) {
            collect(arg, refs);
        }
        return;
    }
}

} // namespace

ExpandResult expand(const model::Template& tpl, const Variables& vars) {
    // Fast path: nothing to expand.
    if (tpl.text.find('$') == std::string::npos) {
        return {tpl.text, ""};
    }
    const Parsed parsed = parse(tpl.text);
    if (!parsed.error.empty()) {
        return {"", parsed.error};
    }
    ExpandResult result;
    for (const Segment& seg : parsed.segments) {
        if (!seg.is_expr) {
            result.text += seg.text;
            continue;
        }
        std::string value;
        if (!evaluate(seg.expr, vars, value, result.error)) {
            result.text.clear();
            return result;
        }
        if (value.size() > max_expansion_bytes - result.text.size()) {
            result.text.clear();
            result.error = "the template expands to more than " +
                           std::to_string(max_expansion_bytes) + " bytes";
            return result;
        }
        result.text += value;
    }
    return result;
}

TemplateRefs parse_template(const model::Template& tpl) {
    TemplateRefs refs;
    const Parsed parsed = parse(tpl.text);
    refs.syntax_error = parsed.error;
    for (const Segment& seg : parsed.segments) {
        if (seg.is_expr) {
            refs.has_placeholders = true;
            collect(seg.expr, refs);
        }
    }
    return refs;
}

} // namespace logintest::harness::scenario
