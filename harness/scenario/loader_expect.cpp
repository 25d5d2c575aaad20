// The loader's <expect>: one check per subject (`status="200" redirect.host="x"` is two
// equals checks), at most one operator for the one open subject, cookie attribute checks,
// `of="template"` for json/xpath/body, `mock-only`, clause and §24 check ids.
#include "harness/scenario/check_names.hpp"
#include "harness/scenario/loader_impl.hpp"

#include <charconv>

namespace logintest::harness::scenario {

using model::CheckOp;
using model::CheckSubject;
using schema::join;
using schema::Names;
using schema::trim;

// One <expect> gives one check per subject: `status="200" redirect.host="x"` is two
// equals checks; an operator attribute applies to the one subject that names a path
// (json, header, cookie, ...) or is written empty (`body="" contains="..."`).
void Loader::load_expect(const pugi::xml_node& node, model::Step& step, const VarSet& defined) {
    check_no_children(node);
    Names allowed;
    for (const auto& s : schema::subject_specs) {
        allowed.push_back(s.xml);
    }
    for (const auto& o : schema::op_specs) {
        allowed.push_back(o.xml);
    }
    allowed.insert(allowed.end(), schema::cookie_attributes.begin(),
                   schema::cookie_attributes.end());
    allowed.insert(allowed.end(), schema::expect_meta.begin(), schema::expect_meta.end());
    check_attributes(node, allowed, {"clause"});
    const int line = line_of(node);

    model::Check base;
    base.where = where(node);
    if (const auto clause = node.attribute("clause")) {
        base.clauses = schema::split_ws(clause.value());
        if (base.clauses.empty()) {
            error(line_of(node, "clause"), "clause is empty: name at least one spec clause");
        }
        for (const auto& id : base.clauses) {
            if (!ids_.is_clause(id)) {
                error(line_of(node, "clause"), "unknown clause id " + schema::quoted(id));
            }
        }
    }
    if (const auto check = node.attribute("check")) {
        base.check_id = std::string(trim(check.value()));
        if (!ids_.is_check(base.check_id)) {
            error(line_of(node, "check"), "unknown check id " + schema::quoted(base.check_id) +
                                              " (a §24 id such as J1-08)");
        }
    }
    if (const auto severity = node.attribute("severity")) {
        const std::string_view value = severity.value();
        if (value == "warning") {
            base.severity = model::Severity::warning;
        } else if (value != "failure") {
            error(line_of(node, "severity"),
                  "unknown severity " + schema::quoted(value) + " (allowed: failure, warning)");
        }
    }
    const std::string description = node.attribute("description").value();
    base.mock_only = flag(node, "mock-only");
    if (const auto hop = node.attribute("hop")) {
        const std::string_view text = hop.value();
        int value = 0;
        const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (text.empty() || ec != std::errc() || ptr != text.data() + text.size() || value < 0 ||
            value > 100) {
            error(line_of(node, "hop"),
                  "hop " + schema::quoted(text) + " must be a hop number from 0 to 100");
        } else {
            base.hop = value;
        }
    }
    if (const auto of = node.attribute("of")) {
        base.of = model::Template{of.value()};
        check_template(base.of->text, line_of(node, "of"), "of", defined);
    }

    struct Present {
        const schema::SubjectSpec* spec;
        std::string value;
    };
    std::vector<Present> subjects;
    for (const auto& s : schema::subject_specs) {
        if (const auto attr = node.attribute(std::string(s.xml).c_str())) {
            subjects.push_back({&s, attr.value()});
        }
    }
    std::vector<const schema::OpSpec*> ops;
    for (const auto& o : schema::op_specs) {
        if (node.attribute(std::string(o.xml).c_str())) {
            ops.push_back(&o);
        }
    }
    std::vector<std::string_view> attrs;
    for (const auto a : schema::cookie_attributes) {
        if (node.attribute(std::string(a).c_str())) {
            attrs.push_back(a);
        }
    }
    if (subjects.empty()) {
        Names names;
        for (const auto& s : schema::subject_specs) {
            names.push_back(s.xml);
        }
        error(line, "<expect> needs a subject: one of " + join(names));
        return;
    }
    if (base.of) {
        for (const auto& s : subjects) {
            if (!s.spec->takes_of) {
                error(line_of(node, "of"), "of replaces the body: it applies to json, xpath and "
                                           "body, not to " +
                                               std::string(s.spec->xml));
                return;
            }
        }
    }
    if (ops.size() > 1) {
        error(line_of(node, ops[1]->xml),
              "two operators on one <expect>, " + std::string(ops[0]->xml) + " and " +
                  std::string(ops[1]->xml) + ": write one <expect> for each");
        return;
    }
    const schema::OpSpec* op = ops.empty() ? nullptr : ops[0];
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
                              std::string(open->spec->xml) + " and " + std::string(s.spec->xml) +
                              " are given without a value");
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
        if (check.hop && check.subject != CheckSubject::redirect_host &&
            check.subject != CheckSubject::redirect_path &&
            check.subject != CheckSubject::location_query &&
            check.subject != CheckSubject::header) {
            error(line_of(node, "hop"), "hop applies to redirect.host, redirect.path, "
                                        "location.query and header, not to " +
                                            std::string(s.spec->xml));
            continue;
        }
        if (s.spec->names_something) {
            check.path = s.value;
            if (!validate_path(check, subject_line, defined)) {
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
            if (schema::one_of(a, schema::boolean_cookie_attributes) &&
                check.expected.text != "true" && check.expected.text != "false" &&
                check.expected.text.find("${") == std::string::npos) {
                error(attr_line, std::string(a) + " must be true or false, not " +
                                     schema::quoted(check.expected.text));
                continue;
            }
            if (a == "max-age" && !check.expected.text.empty() &&
                !schema::is_number(check.expected.text) &&
                check.expected.text.find("${") == std::string::npos) {
                error(attr_line,
                      "max-age " + schema::quoted(check.expected.text) + " is not a number");
                continue;
            }
            check_template(check.expected.text, attr_line, a, defined);
            check.description =
                description.empty() ? describe_check(check, check.expected.text) : description;
            step.checks.push_back(std::move(check));
        }
    }
}

bool Loader::validate_path(const model::Check& check, int line, const VarSet& defined) {
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
bool Loader::validate_op(model::Check& check, int line, const VarSet& defined) {
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
            if (auto problem = schema::regex_problem(value); !problem.empty()) {
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
