// What the handler-level tests of both mock hosts share: a synchronous call through a host's
// front door, a cookie-keeping send, a JSON body, and form-encoded fields. asurso_test_support.hpp
// and esia_test_support.hpp bring these into their own namespaces.
#pragma once

#include "mocks/common/handler.hpp"
#include "mocks/common/http_message.hpp"
#include "support/url/percent.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace logintest::mocks::host_testing {

// Runs a request through a host's handle() and returns the response (handlers answer
// synchronously).
template <class App> common::Response call(App& app, common::Request req) {
    std::optional<common::Response> out;
    app.handle(req, common::Responder([&out](common::Response r) { out = std::move(r); }));
    if (!out) {
        throw std::runtime_error("handler did not answer synchronously");
    }
    return std::move(*out);
}

inline boost::json::value body_json(const common::Response& r) {
    return boost::json::parse(r.body);
}

// One overload only, so `form_encode({{"name", "value"}})` reads as fields.
inline std::string form_encode(const std::vector<std::pair<std::string, std::string>>& fields) {
    return support::form_encode(fields);
}

// Keeps what one Set-Cookie header sets: the last non-empty value; an empty or Max-Age=0 value
// removes the cookie (NS-SESSION-2).
inline void keep_cookie(std::map<std::string, std::string>& cookies, std::string_view set_cookie) {
    const auto pair = set_cookie.substr(0, set_cookie.find(';'));
    const auto eq = pair.find('=');
    const std::string name(pair.substr(0, eq));
    const std::string value(pair.substr(eq + 1));
    if (value.empty() || set_cookie.find("Max-Age=0") != std::string_view::npos) {
        cookies.erase(name);
    } else {
        cookies[name] = value;
    }
}

// Sends a request with a Cookie header from `cookies` and keeps what the answer sets.
template <class App>
common::Response send_with_cookies(App& app, std::map<std::string, std::string>& cookies,
                                   std::string method, std::string target, std::string body,
                                   std::string content_type, std::vector<common::Header> headers) {
    std::string cookie_header;
    for (const auto& [name, value] : cookies) {
        cookie_header += (cookie_header.empty() ? "" : "; ") + name + "=" + value;
    }
    if (!cookie_header.empty()) {
        headers.push_back({"Cookie", cookie_header});
    }
    if (!content_type.empty()) {
        headers.push_back({"Content-Type", content_type});
    }
    common::Response r = call(app, common::make_request(std::move(method), std::move(target),
                                                        std::move(headers), std::move(body)));
    for (const auto set : r.headers_named("Set-Cookie")) {
        keep_cookie(cookies, set);
    }
    return r;
}

} // namespace logintest::mocks::host_testing
