// XHTML pages of the mock hosts (GEN-2): well-formed XML that HTML5 parsers read the same
// way. HtmlWriter escapes every text and attribute value, closes what it opens, writes
// non-void elements with an end tag (`<div></div>`, never `<div/>`, which HTML5 would
// leave open) and wraps scripts in CDATA behind a JS comment. Used by asurso's portal,
// login and app pages (and by esia's pages). Plain value type; not shared between threads.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace logintest::mocks::common {

// Text for element content or a quoted attribute value: & < > " ' escaped.
std::string xml_escape(std::string_view text);

struct HtmlAttr {
    std::string_view name;
    std::string_view value;
};

class HtmlWriter {
public:
    // Starts `<!DOCTYPE html><html ...><head>` with the charset, `<title>` and the body.
    explicit HtmlWriter(std::string_view title, std::string_view lang = "ru");

    // `<tag attrs>`; closed by close() (or by finish()).
    HtmlWriter& open(std::string_view tag, std::initializer_list<HtmlAttr> attrs = {});
    HtmlWriter& close();
    // `<tag attrs>text</tag>`.
    HtmlWriter& element(std::string_view tag, std::initializer_list<HtmlAttr> attrs,
                        std::string_view text = {});
    // A void element: `<tag attrs/>` (input, meta, br).
    HtmlWriter& void_element(std::string_view tag, std::initializer_list<HtmlAttr> attrs);
    HtmlWriter& text(std::string_view text);
    // `<script>//<![CDATA[ ... //]]></script>`; `js` must not contain "]]>" or "</script".
    HtmlWriter& script(std::string_view js);

    // Closes everything still open and returns the document.
    std::string finish();

private:
    void write_open(std::string_view tag, std::initializer_list<HtmlAttr> attrs);
    std::string out_;
    std::vector<std::string> open_;
};

} // namespace logintest::mocks::common
