// Extracts and checks of a fetched step (see step_judge.hpp).
#include "harness/engine/step_judge.hpp"

#include "harness/engine/step_results.hpp"
#include "harness/redaction/redaction.hpp"

#include <fmt/format.h>

namespace logintest::harness::engine {

namespace {

using model::Verdict;

// A failure's text, built only when an observer asks for it.
template <class Build> class LazyDetail final : public FailureDetail {
public:
    explicit LazyDetail(Build build) : build_(std::move(build)) {}
    model::CheckResult describe() const override { return build_(); }

private:
    Build build_;
};

Verdict bad_verdict(const model::Check& check) {
    return check.severity == model::Severity::warning ? Verdict::warn : Verdict::fail;
}

bool is_secret_extract(const model::Extract& extract) {
    if (extract.secret || redaction::is_secret_name(extract.var)) {
        return true;
    }
    const auto slash = extract.expr.rfind('/');
    const std::string last =
        slash == std::string::npos ? extract.expr : extract.expr.substr(slash + 1);
    return redaction::is_secret_name(last);
}

// An extracted value becomes a variable (a form: one per control, `as.<name>`, `as.action`,
// `as.method`); secret values are registered with the scrubber.
void store_extracted(const model::Extract& extract, checks::ExtractResult value,
                     JourneyState& state) {
    if (extract.source == model::ExtractSource::form) {
        for (auto& [name, field] : value.fields) {
            const std::string var = extract.var + "." + name;
            if (extract.secret || redaction::is_secret_name(var) ||
                redaction::is_secret_name(name)) {
                state.scrubber.add(field);
            }
            state.unavailable.erase(var);
            state.vars[var] = std::move(field);
        }
        return;
    }
    if (is_secret_extract(extract)) {
        state.scrubber.add(value.value);
    }
    state.unavailable.erase(extract.var);
    state.vars[extract.var] = std::move(value.value);
}

void judge_extracts(StepRun& step, const checks::StepView& view) {
    JourneyState& state = step.journey.state;
    const auto& extracts = step.step.extracts;
    for (std::size_t i = 0; i < extracts.size(); ++i) {
        const model::Extract& extract = extracts[i];
        ++step.event.checks;
        std::string of;
        checks::ExtractResult value;
        if (extract.of) {
            if (auto error = expand_into(*extract.of, state, of)) {
                value.error = "cannot expand of: " + explain(*error, state).message;
            }
        }
        if (value.error.empty()) {
            value = checks::extract(extract, view, extract.of ? &of : nullptr);
        }
        if (value.ok()) {
            store_extracted(extract, std::move(value), state);
            continue;
        }
        state.vars.erase(extract.var);
        state.unavailable[extract.var] = fmt::format("step '{}' could not extract", step.step.name);
        const LazyDetail detail([&] {
            model::CheckResult r = extract_failure(extract, value.error);
            scrub(r, state.scrubber);
            return r;
        });
        step.failed(step.step.checks.size() + i, Verdict::fail, detail);
    }
}

// Expands a check's expected value and `of` into the given buffers; the error, if any.
std::optional<std::string> expand_check(const model::Check& check, const JourneyState& state,
                                        std::string& expected, std::string& of) {
    auto error = expand_into(check.expected, state, expected);
    if (!error && check.of) {
        error = expand_into(*check.of, state, of);
    }
    return error;
}

void judge_checks(StepRun& step, const checks::StepView& view) {
    const JourneyState& state = step.journey.state;
    const auto& step_checks = step.step.checks;
    std::string expected;
    std::string of;
    for (std::size_t i = 0; i < step_checks.size(); ++i) {
        const model::Check& check = step_checks[i];
        if (check.mock_only && !step.journey.context.mock) {
            continue; // SKIP, not counted
        }
        ++step.event.checks;
        const Verdict verdict =
            expand_check(check, state, expected, of)
                ? bad_verdict(check)
                : checks::verdict_of(check, expected, view, check.of ? &of : nullptr);
        if (verdict == Verdict::pass) {
            continue;
        }
        const LazyDetail detail([&] {
            model::CheckResult r = describe_check(step, check);
            scrub(r, state.scrubber);
            return r;
        });
        step.failed(i, verdict, detail);
    }
}

} // namespace

void judge(StepRun& step) {
    judge_extracts(step, step.view());
    judge_checks(step, step.view());
}

model::CheckResult describe_check(const StepRun& step, const model::Check& check) {
    const JourneyState& state = step.journey.state;
    if (check.mock_only && !step.journey.context.mock) {
        return check_result(check, Verdict::skip, needs_the_mock);
    }
    std::string expected;
    std::string of;
    if (auto error = expand_check(check, state, expected, of)) {
        return check_result(check, bad_verdict(check),
                            "cannot expand the expected value: " + explain(*error, state).message,
                            Described::generated);
    }
    return checks::evaluate(check, expected, step.view(), check.of ? &of : nullptr);
}

} // namespace logintest::harness::engine
