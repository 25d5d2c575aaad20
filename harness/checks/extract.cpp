// Extractors: a value taken from one step's answer into a variable. Every source but regex and
// form is a subject lookup (subject.hpp), the same one the checks make; only the wording of a
// failure is the extractor's own. regex searches the body with the pattern the loader
// compiled; form reads a <form> of the body's HTML parse (html_form.hpp).
#include "harness/checks/evaluate.hpp"

#include "harness/checks/html_form.hpp"
#include "harness/checks/subject.hpp"
#include "harness/redaction/redaction.hpp"
#include "harness/scenario/pattern.hpp"

namespace logintest::harness::checks {
namespace {

using model::ExtractSource;

Lookup lookup_of(const model::Extract& ex, const std::string* of) {
    return Lookup{subject_of(ex.source),        ex.expr, std::nullopt,
                  model::CookieAttribute::none, of,      ex.of ? &ex.of->text : nullptr};
}

// "the text of ${jwt_payload(id_token)}" or "the body": what an extract read.
std::string what_was_read(const model::Extract& ex, const std::string* of) {
    if (of == nullptr) {
        return "the body";
    }
    return "the text of " + (ex.of ? ex.of->text : std::string());
}

// Why the lookup of an extract found nothing, in the extractor's words.
std::string problem(const model::Extract& ex, const Subject& s, const StepView& step,
                    const std::string* of) {
    switch (ex.source) {
    case ExtractSource::json:
        if (!s.error.empty()) {
            return of != nullptr ? what_was_read(ex, of) + " is not JSON"
                                 : "the body is not JSON (" +
                                       content_type_of(step.fetch.final_response()) + ")";
        }
        return "no JSON value at " + (ex.expr.empty() ? std::string("/") : ex.expr);
    case ExtractSource::cookie:
        return "the jar holds no cookie " + ex.expr + " for " +
               redaction::redact_url(step.fetch.final_url);
    case ExtractSource::xpath:
        return s.error.empty() ? "no node matches " + ex.expr : s.error;
    default:
        return s.error.empty() ? s.missing : s.error;
    }
}

ExtractResult extract_regex(const model::Extract& ex, std::string_view text,
                            const std::string* of) {
    std::optional<scenario::Pattern> compiled; // an extract built without the loader
    const scenario::Pattern* re = ex.pattern.get();
    if (re == nullptr) {
        std::string error;
        compiled = scenario::Pattern::compile(ex.expr, error);
        if (!compiled) {
            return {"", error};
        }
        re = &*compiled;
    }
    auto match = re->search(text);
    if (!match.error.empty()) {
        return {"", what_was_read(ex, of) + ": " + match.error};
    }
    if (!match.found) {
        return {"", what_was_read(ex, of) + " does not match " + ex.expr};
    }
    return {std::move(match.value), ""};
}

ExtractResult extract_form(const model::Extract& ex, const StepView& step, const std::string* of) {
    const auto& page = of != nullptr
                           ? step.parses.html(*of, TextSource::of)
                           : step.parses.html(step.fetch.final_response().body, TextSource::body);
    FormValues form = read_form(page, ex.expr, step.fetch.final_url);
    if (!form.ok()) {
        return {"", form.error};
    }
    ExtractResult result;
    result.fields = std::move(form.fields);
    result.fields.emplace_back("action", std::move(form.action));
    result.fields.emplace_back("method", std::move(form.method));
    return result;
}

} // namespace

ExtractResult extract(const model::Extract& ex, const StepView& step, const std::string* of) {
    if (step.fetch.exchanges.empty()) {
        return {"", "the step got no answer"};
    }
    if (ex.source == ExtractSource::form) {
        return extract_form(ex, step, of);
    }
    const Subject s = find_subject(lookup_of(ex, of), step);
    if (ex.source == ExtractSource::regex) {
        return extract_regex(ex, s.text(), of);
    }
    if (s.present() && s.error.empty()) {
        return {std::string(s.text()), ""};
    }
    return {"", problem(ex, s, step, of)};
}

} // namespace logintest::harness::checks
