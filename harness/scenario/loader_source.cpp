// Line numbers of nodes and attributes of one scenario file (see loader_source.hpp).
#include "harness/scenario/loader_source.hpp"

#include <algorithm>

namespace logintest::harness::scenario {

SourceText::SourceText(std::string path, std::string text)
    : path_(std::move(path)), text_(std::move(text)) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text_.size(); ++i) {
        if (text_[i] == '\n') {
            line_starts_.push_back(i + 1);
        }
    }
}

pugi::xml_parse_result SourceText::parse() {
    return doc_.load_buffer(text_.data(), text_.size(),
                            pugi::parse_default | pugi::parse_ws_pcdata_single,
                            pugi::encoding_utf8);
}

int SourceText::line_of_offset(std::ptrdiff_t offset) const {
    if (offset < 0) {
        return 0;
    }
    const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(),
                                     static_cast<std::size_t>(offset));
    return static_cast<int>(it - line_starts_.begin());
}

int SourceText::line_of(const pugi::xml_node& node) const {
    return line_of_offset(node.offset_debug());
}

// Scans the start tag from the element name, skipping quoted values, so a value that contains
// `name=` cannot confuse it.
int SourceText::line_of(const pugi::xml_node& node, std::string_view name) const {
    const std::ptrdiff_t start = node.offset_debug();
    const std::string_view text = text_;
    if (start < 0 || static_cast<std::size_t>(start) >= text.size()) {
        return line_of(node);
    }
    std::size_t i = static_cast<std::size_t>(start);
    auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (i < text.size() && !is_space(text[i]) && text[i] != '>' && text[i] != '/') {
        ++i;
    }
    while (i < text.size()) {
        while (i < text.size() && is_space(text[i])) {
            ++i;
        }
        if (i >= text.size() || text[i] == '>' || text[i] == '/') {
            break;
        }
        const std::size_t name_start = i;
        while (i < text.size() && !is_space(text[i]) && text[i] != '=') {
            ++i;
        }
        if (text.substr(name_start, i - name_start) == name) {
            return line_of_offset(static_cast<std::ptrdiff_t>(name_start));
        }
        while (i < text.size() && text[i] != '"' && text[i] != '\'') {
            ++i;
        }
        if (i >= text.size()) {
            break;
        }
        const char quote = text[i++];
        while (i < text.size() && text[i] != quote) {
            ++i;
        }
        ++i;
    }
    return line_of(node);
}

} // namespace logintest::harness::scenario
