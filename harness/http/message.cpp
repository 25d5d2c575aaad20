// Header lookup for Response (case-insensitive, as HTTP field names are).
#include "harness/http/message.hpp"

namespace logintest::harness::http {

namespace {

// HTTP field names are ASCII: fold case without a locale (this runs for every answer).
bool same_name(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i];
        char y = b[i];
        x = (x >= 'A' && x <= 'Z') ? static_cast<char>(x + 32) : x;
        y = (y >= 'A' && y <= 'Z') ? static_cast<char>(y + 32) : y;
        if (x != y) {
            return false;
        }
    }
    return true;
}

} // namespace

std::optional<std::string_view> Response::header(std::string_view name) const {
    for (const auto& h : headers) {
        if (same_name(h.name, name)) {
            return std::string_view(h.value);
        }
    }
    return std::nullopt;
}

std::vector<std::string_view> Response::headers_named(std::string_view name) const {
    std::vector<std::string_view> found;
    for (const auto& h : headers) {
        if (same_name(h.name, name)) {
            found.emplace_back(h.value);
        }
    }
    return found;
}

} // namespace logintest::harness::http
