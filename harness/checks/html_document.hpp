// HTML pages as XPath-able documents: a page is parsed with gumbo's HTML5 algorithm (tag soup,
// unclosed elements, unquoted attributes and entities are fine, GEN-2) and copied into a
// pugixml document, so every check and extract on a page is plain XPath. Used by
// harness/checks for the `xpath` subject and extract. Pure functions; the returned document
// owns all its strings and is independent of the input.
#pragma once

#include <pugixml.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace logintest::harness::checks {

// The HTML5 parse of `html` as elements (lowercase HTML names), attributes, text and comments
// under one <html> root. Never fails: any input gives some document, as in a browser.
pugi::xml_document parse_html(std::string_view html);

// The text of a node as GEN-2 compares it: an attribute's value, or the text content of an
// element with every run of whitespace collapsed to one space and both ends trimmed.
std::string node_text(const pugi::xpath_node& node);

struct XPathValue {
    std::optional<std::string> text; // nullopt when a node-set query found nothing
    std::string error;               // a malformed XPath; empty on success
};

// Evaluates `xpath` on `doc`: a node-set query gives node_text() of its first node; a string,
// number or boolean query (`count(//li)`, `string(//a/@href)`) gives its value as text.
XPathValue evaluate_xpath(const pugi::xml_document& doc, const std::string& xpath);

} // namespace logintest::harness::checks
