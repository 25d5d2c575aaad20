// GEN-3 query and form parsing (form.hpp).
#include "mocks/common/form.hpp"

#include "support/url/percent.hpp"

namespace logintest::mocks::common {

std::optional<std::string_view> Params::get(std::string_view name) const {
    for (const auto& [key, value] : items_) {
        if (key == name) {
            return std::string_view(value);
        }
    }
    return std::nullopt;
}

std::string_view Params::value_or_empty(std::string_view name) const {
    return get(name).value_or(std::string_view{});
}

std::size_t Params::count(std::string_view name) const {
    std::size_t n = 0;
    for (const auto& item : items_) {
        if (item.first == name) {
            ++n;
        }
    }
    return n;
}

bool Params::any_repeated(std::initializer_list<std::string_view> names) const {
    for (const auto name : names) {
        if (count(name) > 1) {
            return true;
        }
    }
    return false;
}

// The split on '&' and '=' is by hand on purpose: Boost.URL's query grammar
// (params_encoded_view) refuses raw bytes outside RFC 3986's query characters, which the mock
// has always accepted; the escapes themselves are decoded by Boost.URL (support/url).
support::Result<Params> parse_params(std::string_view encoded) {
    std::vector<std::pair<std::string, std::string>> items;
    std::string_view rest = encoded;
    while (!rest.empty()) {
        const auto amp = rest.find('&');
        const std::string_view pair = rest.substr(0, amp);
        rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
        if (pair.empty()) {
            continue; // "a=1&&b=2"
        }
        const auto eq = pair.find('=');
        auto name = support::percent_decode(pair.substr(0, eq), true);
        auto value = eq == std::string_view::npos
                         ? std::optional<std::string>(std::string{})
                         : support::percent_decode(pair.substr(eq + 1), true);
        if (!name || !value) {
            return support::Problem{"", 0, "malformed percent escape"};
        }
        items.emplace_back(std::move(*name), std::move(*value));
    }
    return Params(std::move(items));
}

} // namespace logintest::mocks::common
