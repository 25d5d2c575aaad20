// Test support for the asurso pages: parses a page as XML with pugixml (GEN-2: the mock's
// pages are well-formed XHTML) and reads elements by id and XPath, with text compared as a
// tester does (trimmed, whitespace runs collapsed to one space).
#pragma once

#include <pugixml.hpp>

#include <string>
#include <string_view>

namespace logintest::mocks::testing {

// GEN-2: text content trimmed and with each whitespace run collapsed to one space.
inline std::string collapse_space(std::string_view s) {
    std::string out;
    bool space = false;
    for (const char c : s) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) {
            out += ' ';
            space = false;
        }
        out += c;
    }
    return out;
}

class Page {
public:
    explicit Page(const std::string& body) {
        result_ =
            doc_.load_buffer(body.data(), body.size(), pugi::parse_default | pugi::parse_doctype);
    }

    // GEN-2: well-formed XML.
    bool well_formed() const { return static_cast<bool>(result_); }
    std::string error() const { return result_.description(); }

    pugi::xml_node by_id(std::string_view id) const {
        return node("//*[@id='" + std::string(id) + "']");
    }
    pugi::xml_node node(const std::string& xpath) const {
        return doc_.select_node(xpath.c_str()).node();
    }
    std::size_t count(const std::string& xpath) const {
        return doc_.select_nodes(xpath.c_str()).size();
    }
    // The collapsed text content of the element with this id ("" if absent).
    std::string text(std::string_view id) const { return text_of(by_id(id)); }
    static std::string text_of(pugi::xml_node n) {
        if (!n) {
            return {};
        }
        return collapse_space(pugi::xpath_query("string(.)").evaluate_string(n));
    }
    std::string attr(std::string_view id, const char* name) const {
        return by_id(id).attribute(name).value();
    }

private:
    pugi::xml_document doc_;
    pugi::xml_parse_result result_;
};

} // namespace logintest::mocks::testing
