// Query strings and application/x-www-form-urlencoded bodies (GEN-3): `+` is a space,
// `%2B` is `+`, names are case-sensitive, and every occurrence is kept in order so an
// endpoint can refuse a parameter that arrives repeated (GEN-9). Pure; thread-safe.
#pragma once

#include "support/text/problem.hpp"

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace logintest::mocks::common {

class Params {
public:
    Params() = default;
    explicit Params(std::vector<std::pair<std::string, std::string>> items)
        : items_(std::move(items)) {}

    // The first value of `name`, if present.
    std::optional<std::string_view> get(std::string_view name) const;
    // The first value of `name`, or "" if absent.
    std::string_view value_or_empty(std::string_view name) const;
    bool has(std::string_view name) const { return count(name) > 0; }
    std::size_t count(std::string_view name) const;
    // GEN-9: true if any of `names` occurs more than once.
    bool any_repeated(std::initializer_list<std::string_view> names) const;
    const std::vector<std::pair<std::string, std::string>>& items() const { return items_; }

private:
    std::vector<std::pair<std::string, std::string>> items_;
};

// Parses "a=1&b=x+y&c=%2B" (also a form body). An empty string gives no parameters;
// "a" alone gives a="" ; a malformed percent escape fails the whole parse (GEN-9: 400).
[[nodiscard]] support::Result<Params> parse_params(std::string_view encoded);

} // namespace logintest::mocks::common
