// Builders for the responses every mock host sends: JSON (GEN-1: application/json;
// charset=utf-8, raw UTF-8), HTML (GEN-2), 302 redirects (GEN-4), `{"message":...}` errors
// (GEN-7) and the full-store 503 of MOCK-CAP-1. Pure; thread-safe.
#pragma once

#include "mocks/common/cookies.hpp"
#include "mocks/common/http_message.hpp"

#include <boost/json/fwd.hpp>

#include <string>
#include <string_view>

namespace logintest::mocks::common {

inline constexpr std::string_view json_content_type = "application/json; charset=utf-8";
inline constexpr std::string_view html_content_type = "text/html; charset=utf-8";
// MOCK-CAP-1: the message of a full store.
inline constexpr std::string_view text_unavailable = "Сервис временно недоступен";

// GEN-1: a JSON response of an already serialized body.
Response json_text(int status, std::string body);
// GEN-1: a JSON response of `value`, serialized with raw UTF-8.
Response json(int status, const boost::json::value& value);
// GEN-7: `{"message":"<text>"}`.
Response message(int status, std::string_view text);
// GEN-2: an HTML page.
Response html(int status, std::string body);
// GEN-4: 302 with an absolute Location.
Response redirect(std::string location);
// A response without a body (and without Content-Type).
Response empty(int status);
// 500 `{"message":"Internal Server Error"}`: a handler failed or dropped its Responder.
Response internal_error();
// MOCK-CAP-1: 503 `{"message":"Сервис временно недоступен"}` with Retry-After: 1.
Response store_full();

// Appends a Set-Cookie header (MOCK-HOST-6 attributes, see cookies.hpp).
void add_cookie(Response& response, const CookieSpec& cookie);

} // namespace logintest::mocks::common
