// Subject lookup: the one place that finds what a check looks at, or what an extractor takes,
// in one step's answer (status, a JSON value, a header, a cookie, a redirect target, a query
// parameter, an XPath text, a variable, ...). A check's subject and an extract's source are
// both turned into a Lookup; find_subject() answers it with the value, or why it is absent,
// or why it cannot be looked at. Used by evaluate.cpp and extract.cpp; the texts it returns
// view the step's answer and parses, so a Subject lives no longer than its StepView.
#pragma once

#include "harness/checks/evaluate.hpp"

#include <boost/json/fwd.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace logintest::harness::checks {

// What a check looks at, once found.
class Subject {
public:
    // The value found: `own` keeps a text made for it, `refer` views a text that outlives the
    // Subject (the step's answer or parses, the variables, the jar).
    void own(std::string text) {
        owned_ = std::move(text);
        owns_ = true;
        present_ = true;
    }
    void refer(std::string_view text) {
        view_ = text;
        owns_ = false;
        present_ = true;
    }
    bool present() const { return present_; } // false: absent (see `missing`)
    std::string_view text() const { return owns_ ? std::string_view(owned_) : view_; }

    const boost::json::value* json = nullptr; // the JSON value, for the json subject
    std::optional<double> number;             // numeric value for less-than, when it has one
    std::string missing;                      // why it is absent, e.g. "no value at /at"
    std::string error;                        // why it cannot be looked at at all

private:
    std::string owned_;
    std::string_view view_;
    bool owns_ = false;
    bool present_ = false;
};

// One question to a step's answer.
struct Lookup {
    model::CheckSubject subject = model::CheckSubject::status;
    const std::string& path; // JSON pointer, header/cookie/parameter/variable name, XPath
    std::optional<int> hop;  // hop N of the redirect chain instead of the first/final answer
    model::CookieAttribute attribute = model::CookieAttribute::none; // cookie_set only
    const std::string* of = nullptr;         // expanded `of` text read instead of the final body
    const std::string* of_written = nullptr; // the `of` template as written, for messages
};

Lookup lookup_of(const model::Check& check, const std::string* of);
// The subject an extract source reads (form and regex read the body).
model::CheckSubject subject_of(model::ExtractSource source);

[[nodiscard]] Subject find_subject(const Lookup& lookup, const StepView& step);

// The families find_subject() dispatches to, one file each.
Subject body_subject(const Lookup& lookup, const StepView& step);     // subject_body.cpp
Subject cookie_subject(const Lookup& lookup, const StepView& step);   // subject_cookie.cpp
Subject location_subject(const Lookup& lookup, const StepView& step); // subject_location.cpp

// The answer's Content-Type as messages name it ("no Content-Type" without one).
std::string content_type_of(const http::Response& response);

// A number written in `s` (surrounding whitespace allowed), if it is one.
std::optional<double> parse_number(std::string_view s);

} // namespace logintest::harness::checks
