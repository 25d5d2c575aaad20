// The skeleton of every esia HTML page (GEN-2: well-formed XHTML, `&` written `&amp;` also in
// URLs), the same head as common::HtmlWriter writes; bodies are built from pieces escaped
// with common::xml_escape. Pure; thread-safe.
#pragma once

#include "mocks/common/html.hpp"

#include <string>
#include <string_view>

namespace logintest::mocks::esia {

using common::xml_escape;

// `<!DOCTYPE html><html …><head>…<title>title</title></head><body>body</body></html>`;
// `title` is escaped here, `body` must already be well-formed.
std::string xhtml_page(std::string_view title, std::string_view body);

} // namespace logintest::mocks::esia
