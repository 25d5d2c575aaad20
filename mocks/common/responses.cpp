// Response builders (responses.hpp).
#include "mocks/common/responses.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

namespace logintest::mocks::common {

namespace {

Response with_body(int status, std::string_view content_type, std::string body) {
    Response r;
    r.status = status;
    r.add_header("Content-Type", std::string(content_type));
    r.body = std::move(body);
    return r;
}

} // namespace

Response json_text(int status, std::string body) {
    return with_body(status, json_content_type, std::move(body));
}

Response json(int status, const boost::json::value& value) {
    // Boost.JSON writes non-ASCII characters as raw UTF-8 (GEN-1), escaping only what JSON
    // requires.
    return json_text(status, boost::json::serialize(value));
}

Response message(int status, std::string_view text) {
    boost::json::object body;
    body["message"] = text;
    return json(status, body);
}

Response html(int status, std::string body) {
    return with_body(status, html_content_type, std::move(body));
}

Response redirect(std::string location) {
    Response r;
    r.status = 302;
    r.add_header("Location", std::move(location));
    return r;
}

Response empty(int status) {
    Response r;
    r.status = status;
    return r;
}

Response internal_error() {
    return message(500, "Internal Server Error");
}

Response store_full() {
    Response r = message(503, text_unavailable);
    r.add_header("Retry-After", "1");
    return r;
}

void add_cookie(Response& response, const CookieSpec& cookie) {
    response.add_header("Set-Cookie", set_cookie_value(cookie));
}

} // namespace logintest::mocks::common
