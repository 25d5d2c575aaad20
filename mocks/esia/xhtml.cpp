// XHTML page skeleton (xhtml.hpp).
#include "mocks/esia/xhtml.hpp"

namespace logintest::mocks::esia {

std::string xhtml_page(std::string_view title, std::string_view body) {
    std::string out = "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"ru\" "
                      "xml:lang=\"ru\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>";
    out += xml_escape(title);
    out += "</title>\n</head>\n<body>\n";
    out += body;
    out += "\n</body>\n</html>\n";
    return out;
}

} // namespace logintest::mocks::esia
