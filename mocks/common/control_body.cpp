// Strict control-plane bodies (control_body.hpp).
#include "mocks/common/control_body.hpp"

#include "mocks/common/responses.hpp"
#include "support/text/strings.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <set>

namespace logintest::mocks::common {

Response body_errors(const std::vector<std::string>& errors) {
    boost::json::object body;
    std::string text;
    boost::json::array list;
    for (const auto& e : errors) {
        text += (text.empty() ? "" : "; ") + e;
        list.emplace_back(e);
    }
    body["message"] = text;
    body["errors"] = std::move(list);
    return json(400, body);
}

std::optional<Response> read_control_body(std::string_view body,
                                          const support::ConfigSchema& schema,
                                          std::initializer_list<const char*> required,
                                          std::string_view expected) {
    boost::system::error_code ec;
    const auto root = boost::json::parse(body, ec);
    if (ec || !root.is_object()) {
        return body_errors({"expected a JSON object " + std::string(expected)});
    }
    std::vector<std::string> errors;
    std::set<std::string> seen;
    schema.apply(root, "", errors, &seen);
    for (const char* key : required) {
        if (seen.count(key) == 0 && !root.get_object().contains(key)) {
            errors.push_back(std::string(key) + ": missing (expected " + std::string(expected) +
                             ")");
        }
    }
    if (!errors.empty()) {
        return body_errors(errors);
    }
    return std::nullopt;
}

std::optional<Response> expect_no_body(const Request& req) {
    if (support::trim_ows(req.body).empty()) {
        return std::nullopt;
    }
    boost::system::error_code ec;
    const auto root = boost::json::parse(req.body, ec);
    if (!ec && root.is_object() && root.get_object().empty()) {
        return std::nullopt;
    }
    return body_errors({"this endpoint takes no body (or {})"});
}

} // namespace logintest::mocks::common
