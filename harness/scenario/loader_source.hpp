// One scenario file as the loader sees it: its path, its text and pugixml document, and the
// line of any node or attribute (pugixml gives byte offsets; an attribute's line is found by
// scanning its element's start tag). The loader keeps one per file (includes add more).
#pragma once

#include <pugixml.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace logintest::harness::scenario {

class SourceText {
public:
    SourceText(std::string path, std::string text);
    SourceText(const SourceText&) = delete;
    SourceText& operator=(const SourceText&) = delete;

    const std::string& path() const { return path_; }
    const std::string& text() const { return text_; }

    // Parses the text; the result says where a syntax error is (line_of_offset).
    pugi::xml_parse_result parse();
    const pugi::xml_document& document() const { return doc_; }

    int line_of_offset(std::ptrdiff_t offset) const;
    int line_of(const pugi::xml_node& node) const;
    // The line of attribute `name` in the start tag of `node` (the element's line if absent).
    int line_of(const pugi::xml_node& node, std::string_view name) const;

private:
    std::string path_;
    std::string text_;
    std::vector<std::size_t> line_starts_;
    pugi::xml_document doc_;
};

} // namespace logintest::harness::scenario
