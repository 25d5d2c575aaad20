// A browser's view of an HTML form: the successful controls of the form an XPath selects, with
// the values a submit would send, plus the form's resolved action URL and method. Used by the
// `form` extract (`<extract form="//form[@id='x']" as="card"/>`). Pure function over the
// HTML5 parse of harness/checks/html_document.
#pragma once

#include <pugixml.hpp>

#include <string>
#include <utility>
#include <vector>

namespace logintest::harness::checks {

struct FormValues {
    // name -> value of every successful control, in document order (the first one of a name
    // wins when a name repeats, as a `card.<name>` variable holds one value).
    std::vector<std::pair<std::string, std::string>> fields;
    std::string action; // absolute URL (the page's URL when the form has no action)
    std::string method; // uppercase, GET by default
    std::string error;  // "no form matches ...", a bad XPath; empty on success
    bool ok() const { return error.empty(); }
};

// The form `xpath` selects in `doc` (the first node found, which must be a <form>), its
// controls read as a browser submitting it would: text-like inputs with their value (default
// ""), checked checkboxes/radios (value default "on"), selects (the selected option's value,
// else the first option's), textareas; buttons, image/submit/reset/file inputs and disabled
// or nameless controls are left out. `page_url` resolves a relative action.
FormValues read_form(const pugi::xml_document& doc, const std::string& xpath,
                     const std::string& page_url);

} // namespace logintest::harness::checks
