// The Set-Cookie attributes a `cookie` check may compare (`<expect cookie="NSSESSIONID"
// http-only="true" path="/"/>`), as written in scenario XML and as the model's enum. The
// loader turns the names into model::CookieAttribute once; harness/checks names them back in
// verdict texts. Constant data, no state.
#pragma once

#include "harness/model/scenario.hpp"

#include <array>
#include <string_view>

namespace logintest::harness::scenario {

struct CookieAttributeSpec {
    std::string_view xml;
    model::CookieAttribute attribute;
    bool boolean; // written true or false
};

inline constexpr std::array<CookieAttributeSpec, 7> cookie_attribute_specs = {{
    {"http-only", model::CookieAttribute::http_only, true},
    {"host-only", model::CookieAttribute::host_only, true},
    {"secure", model::CookieAttribute::secure, true},
    {"path", model::CookieAttribute::path, false},
    {"domain", model::CookieAttribute::domain, false},
    {"same-site", model::CookieAttribute::same_site, false},
    {"max-age", model::CookieAttribute::max_age, false},
}};

// "http-only", "max-age", ...; "" for none.
constexpr std::string_view cookie_attribute_name(model::CookieAttribute attribute) {
    for (const auto& spec : cookie_attribute_specs) {
        if (spec.attribute == attribute) {
            return spec.xml;
        }
    }
    return {};
}

} // namespace logintest::harness::scenario
