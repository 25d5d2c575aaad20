// The skeleton of every esia HTML page (GEN-2: well-formed XHTML, `&` written `&amp;` also in
// URLs) and the escaping that keeps it well-formed whatever text or URL goes in. Pages are
// built as strings from escaped pieces. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace logintest::mocks::esia {

// Escapes `&`, `<`, `>`, `"` and `'` for XML text and attribute values.
std::string xml_escape(std::string_view text);

// `<!DOCTYPE html><html lang="ru"><head>…<title>title</title></head><body>body</body></html>`;
// `title` is escaped here, `body` must already be well-formed.
std::string xhtml_page(std::string_view title, std::string_view body);

} // namespace logintest::mocks::esia
