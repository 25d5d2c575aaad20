// Subject lookup in a text (see subject.hpp): the final body, or the `of` text of a check or
// extract, as JSON (a value at a JSON pointer), as HTML (the text an XPath selects) or as is.
// The parses come from the step's StepParses, so a body is parsed once per step.
#include "harness/checks/subject.hpp"

#include "harness/checks/html_document.hpp"
#include "harness/checks/json_values.hpp"

#include <boost/json.hpp>

namespace logintest::harness::checks {
namespace {

namespace json = boost::json;

// Why `text` cannot be read as JSON.
std::string not_json(const Lookup& lookup, const std::string& text, const StepView& step) {
    if (lookup.of != nullptr) {
        const std::string what =
            "the text of " + (lookup.of_written ? *lookup.of_written : std::string());
        return text.empty() ? what + " is empty, not JSON" : what + " is not JSON";
    }
    return text.empty()
               ? "the body is empty, not JSON"
               : "the body is not JSON (" + content_type_of(step.fetch.final_response()) + ")";
}

Subject json_subject(const Lookup& lookup, const std::string& text, TextSource source,
                     const StepView& step) {
    Subject s;
    const json::value* document = step.parses.json(text, source);
    if (document == nullptr) {
        s.error = not_json(lookup, text, step);
        return s;
    }
    std::error_code ec;
    const json::value* found = document->find_pointer(lookup.path, ec);
    if (found == nullptr) {
        s.missing = "no value at " + (lookup.path.empty() ? std::string("/") : lookup.path);
        return s;
    }
    if (found->is_string()) {
        const json::string& value = found->get_string();
        s.refer(std::string_view(value.data(), value.size())); // views the parse: no copy
    } else {
        s.own(json_text(*found));
    }
    if (found->is_number()) {
        s.number = found->to_number<double>();
    }
    s.json = found;
    return s;
}

Subject xpath_subject(const Lookup& lookup, const std::string& text, TextSource source,
                      const StepView& step) {
    Subject s;
    XPathValue value = evaluate_xpath(step.parses.html(text, source), lookup.path);
    if (!value.error.empty()) {
        s.error = std::move(value.error);
    } else if (!value.text) {
        s.missing = "no node matches";
    } else {
        s.own(std::move(*value.text));
        s.number = parse_number(s.text());
    }
    return s;
}

} // namespace

std::string content_type_of(const http::Response& response) {
    const auto ct = response.header("Content-Type");
    return ct ? std::string(*ct) : std::string("no Content-Type");
}

Subject body_subject(const Lookup& lookup, const StepView& step) {
    const std::string& text = lookup.of != nullptr ? *lookup.of : step.fetch.final_response().body;
    const TextSource source = lookup.of != nullptr ? TextSource::of : TextSource::body;
    if (lookup.subject == model::CheckSubject::json) {
        return json_subject(lookup, text, source, step);
    }
    if (lookup.subject == model::CheckSubject::xpath) {
        return xpath_subject(lookup, text, source, step);
    }
    Subject s;
    s.refer(text);
    if (text.empty()) {
        s.missing = lookup.of != nullptr ? "the text is empty" : "the body is empty";
    }
    return s;
}

} // namespace logintest::harness::checks
