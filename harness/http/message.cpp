// Header lookup for Response (case-insensitive, as HTTP field names are).
#include "harness/http/message.hpp"

#include <boost/algorithm/string/predicate.hpp>

namespace logintest::harness::http {

std::optional<std::string_view> Response::header(std::string_view name) const {
    for (const auto& h : headers) {
        if (boost::algorithm::iequals(h.name, name)) {
            return std::string_view(h.value);
        }
    }
    return std::nullopt;
}

std::vector<std::string_view> Response::headers_named(std::string_view name) const {
    std::vector<std::string_view> found;
    for (const auto& h : headers) {
        if (boost::algorithm::iequals(h.name, name)) {
            found.emplace_back(h.value);
        }
    }
    return found;
}

} // namespace logintest::harness::http
