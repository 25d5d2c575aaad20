// Checks over one step's answer: find the subject (subject.hpp), then apply the operator
// (operators.hpp). Anything that keeps a check from being evaluated is a FAIL (or WARN) with
// the reason; secrets are masked (display.hpp) before they reach CheckResult.
#include "harness/checks/evaluate.hpp"

#include "harness/checks/display.hpp"
#include "harness/checks/operators.hpp"
#include "harness/checks/subject.hpp"
#include "harness/scenario/check_names.hpp"

namespace logintest::harness::checks {
namespace {

using model::Verdict;

Verdict bad_verdict(const model::Check& check) {
    return check.severity == model::Severity::warning ? Verdict::warn : Verdict::fail;
}

bool has_answer(const StepView& step) {
    return !step.fetch.exchanges.empty() && step.fetch.ok();
}

} // namespace

std::string describe(const model::Check& check, const std::string& expected) {
    return scenario::describe_check(check, expected);
}

model::CheckResult evaluate(const model::Check& check, const std::string& expected,
                            const StepView& step, const std::string* of) {
    model::CheckResult result;
    result.description = check.description.empty() ? describe(check, expected) : check.description;
    result.clauses = check.clauses;
    result.check_id = check.check_id;
    result.where = check.where;
    const Verdict bad = bad_verdict(check);
    if (!has_answer(step)) {
        result.verdict = bad;
        result.actual = "(no answer)";
        result.message = "the step got no usable answer (" +
                         std::string(model::to_string(step.fetch.outcome)) +
                         (step.fetch.error.empty() ? "" : ": " + step.fetch.error) + ")";
        return result;
    }
    const Subject subject = find_subject(lookup_of(check, of), step);
    if (!subject.error.empty()) {
        result.verdict = bad;
        result.actual = "(not evaluated)";
        result.message = label(check) + ": " + subject.error;
        return result;
    }
    result.actual = Shower(check)(subject);
    Judgement j = judge(check, expected, subject);
    result.verdict = j.passed ? Verdict::pass : bad;
    result.message = std::move(j.message);
    return result;
}

model::Verdict verdict_of(const model::Check& check, const std::string& expected,
                          const StepView& step, const std::string* of) {
    if (!has_answer(step)) {
        return bad_verdict(check);
    }
    const Subject subject = find_subject(lookup_of(check, of), step);
    if (!subject.error.empty()) {
        return bad_verdict(check);
    }
    return judge(check, expected, subject).passed ? Verdict::pass : bad_verdict(check);
}

} // namespace logintest::harness::checks
