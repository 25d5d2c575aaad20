// Reading control-plane request bodies as strictly as the §23 configuration file (MOCK-CP-10):
// one JSON object read with a support::ConfigSchema (types, ranges, unknown keys, every
// problem with its key path), required keys checked, and a 400 {"message","errors"} answer
// listing every problem. Endpoints that take no body accept none or `{}`. Used by the
// control-plane handlers of common/ and both hosts. Pure; thread-safe.
#pragma once

#include "mocks/common/http_message.hpp"
#include "support/config/config_schema.hpp"

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace logintest::mocks::common {

// 400 {"message":"<problems joined by '; '>","errors":[…]}.
Response body_errors(const std::vector<std::string>& errors);

// Reads `body` into the fields bound by `schema`; nullopt when valid, else the 400 answer.
// `expected` shows the shape in the message of a body that is no JSON object.
[[nodiscard]] std::optional<Response> read_control_body(std::string_view body,
                                                        const support::ConfigSchema& schema,
                                                        std::initializer_list<const char*> required,
                                                        std::string_view expected);

// A body-less endpoint (POST /mock/reset, …): an empty body or `{}`; else 400.
[[nodiscard]] std::optional<Response> expect_no_body(const Request& req);

} // namespace logintest::mocks::common
