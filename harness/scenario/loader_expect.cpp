// The loader's <expect>: one check per subject (`status="200" redirect.host="x"` is two
// equals checks), at most one operator for the one open subject, cookie attribute checks,
// `of="template"` for json/xpath/body, `mock-only`, clause and §24 check ids. A `matches`
// regex without `${` is compiled here, once, into the check (model::Check::pattern).
//
// The reading is split into pure helpers that return the problems they find with the
// attribute they are about (reported by load_expect in the order they are found) and the
// Loader members that validate values and templates.
#include "harness/scenario/check_names.hpp"
#include "harness/scenario/cookie_attributes.hpp"
#include "harness/scenario/loader_impl.hpp"
#include "harness/scenario/pattern.hpp"
#include "harness/scenario/template.hpp"

#include <charconv>
#include <optional>

namespace logintest::harness::scenario {

using model::CheckOp;
using model::CheckSubject;
using schema::join;
using schema::Names;
using schema::trim;

namespace {

constexpr bool same_names_as_schema() {
    for (std::size_t i = 0; i < cookie_attribute_specs.size(); ++i) {
        if (cookie_attribute_specs[i].xml != schema::cookie_attributes[i]) {
            return false;
        }
    }
    return cookie_attribute_specs.size() == schema::cookie_attributes.size();
}
static_assert(same_names_as_schema(), "cookie_attributes.hpp and loader_schema.hpp disagree");

// A problem with one attribute of the <expect> ("" = the element itself).
struct Problem {
    std::string_view attr;
    std::string message;
};
using Problems = std::vector<Problem>;

// Every attribute an <expect> may carry, in the order "allowed: ..." lists them.
const Names& expect_attribute_names() {
    static const Names names = [] {
        Names allowed;
        for (const auto& s : schema::subject_specs) {
            allowed.push_back(s.xml);
        }
        for (const auto& o : schema::op_specs) {
            allowed.push_back(o.xml);
        }
        for (const auto& a : cookie_attribute_specs) {
            allowed.push_back(a.xml);
        }
        allowed.insert(allowed.end(), schema::expect_meta.begin(), schema::expect_meta.end());
        return allowed;
    }();
    return names;
}

// clause, check and severity: what every check of the <expect> shares.
model::Check read_base(const pugi::xml_node& node, const SpecIds& ids, Problems& problems) {
    model::Check base;
    if (const auto clause = node.attribute("clause")) {
        base.clauses = schema::split_ws(clause.value());
        if (base.clauses.empty()) {
            problems.push_back({"clause", "clause is empty: name at least one spec clause"});
        }
        for (const auto& id : base.clauses) {
            if (!ids.is_clause(id)) {
                problems.push_back({"clause", "unknown clause id " + schema::quoted(id)});
            }
        }
    }
    if (const auto check = node.attribute("check")) {
        base.check_id = std::string(trim(check.value()));
        if (!ids.is_check(base.check_id)) {
            problems.push_back({"check", "unknown check id " + schema::quoted(base.check_id) +
                                             " (a §24 id such as J1-08)"});
        }
    }
    if (const auto severity = node.attribute("severity")) {
        const std::string_view value = severity.value();
        if (value == "warning") {
            base.severity = model::Severity::warning;
        } else if (value != "failure") {
            problems.push_back({"severity", "unknown severity " + schema::quoted(value) +
                                                " (allowed: failure, warning)"});
        }
    }
    return base;
}

std::optional<int> read_hop(const pugi::xml_node& node, Problems& problems) {
    const auto hop = node.attribute("hop");
    if (!hop) {
        return std::nullopt;
    }
    const std::string_view text = hop.value();
    int value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || ptr != text.data() + text.size() || value < 0 ||
        value > 100) {
        problems.push_back(
            {"hop", "hop " + schema::quoted(text) + " must be a hop number from 0 to 100"});
        return std::nullopt;
    }
    return value;
}

// A subject attribute as written.
struct Present {
    const schema::SubjectSpec* spec;
    std::string value;
};

// The subjects, operator and cookie attributes of an <expect>, and how they combine.
struct Shape {
    std::vector<Present> subjects;
    std::vector<const schema::OpSpec*> ops;
    std::vector<const CookieAttributeSpec*> attrs;
    const schema::OpSpec* op = nullptr;
    std::optional<std::size_t> open;   // the subject the operator applies to
    std::optional<std::size_t> cookie; // the cookie="NAME" subject, for attribute checks
};

Shape read_attributes(const pugi::xml_node& node) {
    Shape shape;
    for (const auto& s : schema::subject_specs) {
        if (const auto attr = node.attribute(std::string(s.xml).c_str())) {
            shape.subjects.push_back({&s, attr.value()});
        }
    }
    for (const auto& o : schema::op_specs) {
        if (node.attribute(std::string(o.xml).c_str())) {
            shape.ops.push_back(&o);
        }
    }
    for (const auto& a : cookie_attribute_specs) {
        if (node.attribute(std::string(a.xml).c_str())) {
            shape.attrs.push_back(&a);
        }
    }
    for (std::size_t i = 0; i < shape.subjects.size(); ++i) {
        if (shape.subjects[i].spec->subject == CheckSubject::cookie_set) {
            shape.cookie = i;
        }
    }
    return shape;
}

// The one subject the operator applies to: one named (json="/x") or written empty (body="").
std::optional<Problem> find_open(Shape& shape) {
    const schema::OpSpec& op = *shape.op;
    for (std::size_t i = 0; i < shape.subjects.size(); ++i) {
        const Present& s = shape.subjects[i];
        const bool takes_op = s.spec->names_something
                                  ? s.spec->subject != CheckSubject::cookie_absent
                                  : s.value.empty();
        if (!takes_op) {
            continue;
        }
        if (shape.open) {
            return Problem{op.xml, std::string(op.xml) + " applies to one subject, but both " +
                                       std::string(shape.subjects[*shape.open].spec->xml) +
                                       " and " + std::string(s.spec->xml) +
                                       " are given without a value"};
        }
        shape.open = i;
    }
    if (shape.open) {
        return std::nullopt;
    }
    const bool only_no_cookie =
        std::all_of(shape.subjects.begin(), shape.subjects.end(), [](const Present& s) {
            return s.spec->subject == CheckSubject::cookie_absent;
        });
    if (only_no_cookie) {
        return Problem{op.xml, "no-cookie takes no operator: it checks that the cookie is not set"};
    }
    return Problem{op.xml, std::string(op.xml) +
                               " has no subject: write the subject without a value, e.g. " +
                               std::string(shape.subjects[0].spec->xml) + "=\"\" " +
                               std::string(op.xml) + "=\"...\""};
}

// How the attributes combine; a problem that stops the whole <expect>, if any.
std::optional<Problem> check_shape(Shape& shape, const model::Check& base) {
    if (shape.subjects.empty()) {
        Names names;
        for (const auto& s : schema::subject_specs) {
            names.push_back(s.xml);
        }
        return Problem{"", "<expect> needs a subject: one of " + join(names)};
    }
    if (base.of) {
        for (const auto& s : shape.subjects) {
            if (!s.spec->takes_of) {
                return Problem{"of", "of replaces the body: it applies to json, xpath and body, "
                                     "not to " +
                                         std::string(s.spec->xml)};
            }
        }
    }
    if (shape.ops.size() > 1) {
        return Problem{shape.ops[1]->xml, "two operators on one <expect>, " +
                                              std::string(shape.ops[0]->xml) + " and " +
                                              std::string(shape.ops[1]->xml) +
                                              ": write one <expect> for each"};
    }
    shape.op = shape.ops.empty() ? nullptr : shape.ops[0];
    return shape.op != nullptr ? find_open(shape) : std::nullopt;
}

bool takes_hop(CheckSubject subject) {
    return subject == CheckSubject::redirect_host || subject == CheckSubject::redirect_path ||
           subject == CheckSubject::location_query || subject == CheckSubject::header;
}

// The check of subject `index`, before its path and value are validated.
struct Planned {
    model::Check check;
    bool keep = true;       // false: the attribute checks stand for it (cookie with attributes)
    std::string_view op_at; // the attribute whose value validate_op checks; "" = none
};

Planned plan_check(const model::Check& base, const Shape& shape, std::size_t index,
                   const pugi::xml_node& node) {
    const Present& s = shape.subjects[index];
    Planned p{base};
    model::Check& check = p.check;
    check.subject = s.spec->subject;
    if (s.spec->names_something) {
        check.path = s.value;
    }
    if (check.subject == CheckSubject::cookie_absent) {
        check.op = CheckOp::absent;
    } else if (shape.open == index) {
        check.op = shape.op->op;
        check.expected.text = node.attribute(std::string(shape.op->xml).c_str()).value();
        p.op_at = shape.op->xml;
    } else if (s.spec->names_something) {
        p.keep = !(check.subject == CheckSubject::cookie_set && !shape.attrs.empty());
        check.op = CheckOp::exists;
    } else {
        check.op = CheckOp::equals;
        check.expected.text = s.value;
        p.op_at = s.spec->xml;
    }
    return p;
}

// A cookie attribute check (`http-only="true"` next to cookie="NAME"), or a problem.
std::optional<model::Check> attribute_check(const model::Check& base, const std::string& cookie,
                                            const CookieAttributeSpec& a,
                                            const pugi::xml_node& node, Problems& problems) {
    model::Check check = base;
    check.subject = CheckSubject::cookie_set;
    check.path = cookie;
    check.cookie_attribute = a.attribute;
    check.op = CheckOp::equals;
    check.expected.text = node.attribute(std::string(a.xml).c_str()).value();
    const std::string& value = check.expected.text;
    const bool literal = value.find("${") == std::string::npos;
    if (a.boolean && value != "true" && value != "false" && literal) {
        problems.push_back(
            {a.xml, std::string(a.xml) + " must be true or false, not " + schema::quoted(value)});
        return std::nullopt;
    }
    if (a.attribute == model::CookieAttribute::max_age && !value.empty() &&
        !schema::is_number(value) && literal) {
        problems.push_back({a.xml, "max-age " + schema::quoted(value) + " is not a number"});
        return std::nullopt;
    }
    return check;
}

// A regex without `${`, compiled as the engine would expand it (`$$` is one `$`); the problem
// in words when it does not compile.
std::string compile_literal_pattern(model::Check& check) {
    const std::string& written = check.expected.text;
    if (auto problem = schema::regex_problem(written); !problem.empty()) {
        return problem;
    }
    const ExpandResult text = expand(check.expected, Variables{});
    std::string error;
    check.pattern = Pattern::compile_shared(text.ok() ? text.text : written, error);
    return error;
}

} // namespace

// One <expect> gives one check per subject: `status="200" redirect.host="x"` is two
// equals checks; an operator attribute applies to the one subject that names a path
// (json, header, cookie, ...) or is written empty (`body="" contains="..."`).
void Loader::load_expect(const pugi::xml_node& node, model::Step& step,
                         const DefinedVars& defined) {
    check_no_children(node);
    check_attributes(node, expect_attribute_names(), {"clause"});
    Problems problems;
    auto report = [&] {
        for (auto& p : problems) {
            error(p.attr.empty() ? line_of(node) : line_of(node, p.attr), std::move(p.message));
        }
        problems.clear();
    };
    model::Check base = read_base(node, ids_, problems);
    base.where = where(node);
    report();
    const std::string description = node.attribute("description").value();
    base.mock_only = flag(node, "mock-only");
    base.hop = read_hop(node, problems);
    report();
    if (const auto of = node.attribute("of")) {
        base.of = model::Template{of.value()};
        check_template(base.of->text, line_of(node, "of"), "of", defined);
    }
    Shape shape = read_attributes(node);
    if (auto stop = check_shape(shape, base)) {
        problems.push_back(std::move(*stop));
        return report();
    }
    if (!shape.attrs.empty() && !shape.cookie) {
        problems.push_back({shape.attrs[0]->xml, std::string(shape.attrs[0]->xml) +
                                                     " checks a Set-Cookie attribute: it needs "
                                                     "cookie=\"NAME\" on the same <expect>"});
        report();
    }
    auto add = [&](model::Check check) {
        check.description =
            description.empty() ? describe_check(check, check.expected.text) : description;
        step.checks.push_back(std::move(check));
    };
    for (std::size_t i = 0; i < shape.subjects.size(); ++i) {
        const schema::SubjectSpec& spec = *shape.subjects[i].spec;
        if (base.hop && !takes_hop(spec.subject)) {
            error(line_of(node, "hop"), "hop applies to redirect.host, redirect.path, "
                                        "location.query and header, not to " +
                                            std::string(spec.xml));
            continue;
        }
        Planned p = plan_check(base, shape, i, node);
        if (spec.names_something && !validate_path(p.check, line_of(node, spec.xml), defined)) {
            continue;
        }
        if (p.keep && (p.op_at.empty() || validate_op(p.check, line_of(node, p.op_at), defined))) {
            add(std::move(p.check));
        }
    }
    for (const CookieAttributeSpec* a : shape.cookie ? shape.attrs : decltype(shape.attrs){}) {
        auto check = attribute_check(base, shape.subjects[*shape.cookie].value, *a, node, problems);
        report();
        if (check) {
            check_template(check->expected.text, line_of(node, a->xml), a->xml, defined);
            add(std::move(*check));
        }
    }
}

bool Loader::validate_path(const model::Check& check, int line, const DefinedVars& defined) {
    std::string problem;
    switch (check.subject) {
    case CheckSubject::json:
        problem = schema::json_pointer_problem(check.path);
        break;
    case CheckSubject::xpath:
        problem = schema::xpath_problem(check.path);
        break;
    case CheckSubject::variable:
        if (!schema::is_identifier(check.path, true)) {
            problem = "var " + schema::quoted(check.path) + " is not a variable name";
        } else if (!defined.contains(check.path)) {
            check_template("${" + check.path + "}", line, "var", defined);
            return false;
        }
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
bool Loader::validate_op(model::Check& check, int line, const DefinedVars& defined) {
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
            return fail(op + " must be true or false, not " + schema::quoted(value));
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
        if (!schema::one_of(std::string_view(value), schema::json_types)) {
            return fail("unknown JSON type " + schema::quoted(value) +
                        " (allowed: " + join(schema::json_types) + ")");
        }
        return true;
    case CheckOp::less_than:
        if (check.subject != CheckSubject::status && check.subject != CheckSubject::json &&
            check.subject != CheckSubject::header && check.subject != CheckSubject::elapsed_ms) {
            return fail("less-than compares numbers: it applies to status, json, header "
                        "and elapsed-ms, not to " +
                        subject);
        }
        if (literal && !schema::is_number(value)) {
            return fail("less-than " + schema::quoted(value) + " is not a number");
        }
        break;
    case CheckOp::matches:
        if (literal) {
            if (auto problem = compile_literal_pattern(check); !problem.empty()) {
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
        if (value.size() != 3 ||
            !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            return fail("status " + schema::quoted(value) + " is not a three-digit status code");
        }
    }
    const std::size_t errors_before = errors_.size();
    check_template(value, line, subject + " " + op, defined);
    return errors_.size() == errors_before;
}

} // namespace logintest::harness::scenario
