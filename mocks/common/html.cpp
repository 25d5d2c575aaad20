// XHTML writing (html.hpp).
#include "mocks/common/html.hpp"

namespace logintest::mocks::common {

std::string xml_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

HtmlWriter::HtmlWriter(std::string_view title, std::string_view lang) {
    out_ += "<!DOCTYPE html>\n";
    open("html", {{"xmlns", "http://www.w3.org/1999/xhtml"}, {"lang", lang}, {"xml:lang", lang}});
    open("head");
    void_element("meta", {{"charset", "utf-8"}});
    element("title", {}, title);
    close();
    open("body");
}

void HtmlWriter::write_open(std::string_view tag, std::initializer_list<HtmlAttr> attrs) {
    out_ += '<';
    out_ += tag;
    for (const auto& a : attrs) {
        out_ += ' ';
        out_ += a.name;
        out_ += "=\"";
        out_ += xml_escape(a.value);
        out_ += '"';
    }
}

HtmlWriter& HtmlWriter::open(std::string_view tag, std::initializer_list<HtmlAttr> attrs) {
    write_open(tag, attrs);
    out_ += '>';
    open_.emplace_back(tag);
    return *this;
}

HtmlWriter& HtmlWriter::close() {
    if (!open_.empty()) {
        out_ += "</" + open_.back() + ">";
        open_.pop_back();
    }
    return *this;
}

HtmlWriter& HtmlWriter::element(std::string_view tag, std::initializer_list<HtmlAttr> attrs,
                                std::string_view text) {
    write_open(tag, attrs);
    out_ += '>';
    out_ += xml_escape(text);
    out_ += "</";
    out_ += tag;
    out_ += '>';
    return *this;
}

HtmlWriter& HtmlWriter::void_element(std::string_view tag, std::initializer_list<HtmlAttr> attrs) {
    write_open(tag, attrs);
    out_ += "/>";
    return *this;
}

HtmlWriter& HtmlWriter::text(std::string_view text) {
    out_ += xml_escape(text);
    return *this;
}

HtmlWriter& HtmlWriter::script(std::string_view js) {
    out_ += "<script>//<![CDATA[\n";
    out_ += js;
    out_ += "\n//]]></script>";
    return *this;
}

std::string HtmlWriter::finish() {
    while (!open_.empty()) {
        close();
    }
    out_ += '\n';
    return std::move(out_);
}

} // namespace logintest::mocks::common
