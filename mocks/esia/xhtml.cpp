// XHTML page skeleton and escaping (xhtml.hpp).
#include "mocks/esia/xhtml.hpp"

namespace logintest::mocks::esia {

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
            out.push_back(c);
        }
    }
    return out;
}

std::string xhtml_page(std::string_view title, std::string_view body) {
    std::string out = "<!DOCTYPE html>\n<html lang=\"ru\">\n<head>\n<meta charset=\"utf-8\"/>\n"
                      "<title>";
    out += xml_escape(title);
    out += "</title>\n</head>\n<body>\n";
    out += body;
    out += "\n</body>\n</html>\n";
    return out;
}

} // namespace logintest::mocks::esia
