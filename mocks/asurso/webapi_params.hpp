// GEN-3 / GEN-9 for asurso /webapi/*: the query or form parameters of a request, refused
// with 400 `{"message":"Некорректный запрос"}` when malformed, when a parameter the endpoint
// takes once arrives repeated, or when a body is not a form. Checked before anything else
// so a refused request has no side effects. Pure; thread-safe.
#pragma once

#include "mocks/common/form.hpp"
#include "mocks/common/http_message.hpp"

#include <initializer_list>
#include <optional>
#include <string_view>

namespace logintest::mocks::asurso {

// The query parameters, or nullopt (answer bad_request()).
std::optional<common::Params> query_params(const common::Request& req,
                                           std::initializer_list<std::string_view> once);

// The form body parameters, or nullopt. A body or a declared Content-Type must be
// application/x-www-form-urlencoded (GEN-9); an empty body without a type has no parameters.
std::optional<common::Params> form_params(const common::Request& req,
                                          std::initializer_list<std::string_view> once);

// GEN-9: 400 `{"message":"Некорректный запрос"}` (T-BAD-REQUEST).
common::Response bad_request();

} // namespace logintest::mocks::asurso
