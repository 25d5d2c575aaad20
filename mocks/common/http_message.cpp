// Accessors of the plain request and response types (http_message.hpp).
#include "mocks/common/http_message.hpp"

#include "mocks/common/cookies.hpp"
#include "support/text/strings.hpp"

namespace logintest::mocks::common {

std::optional<std::string_view> Request::header(std::string_view name) const {
    for (const auto& h : headers) {
        if (support::iequals(h.name, name)) {
            return std::string_view(h.value);
        }
    }
    return std::nullopt;
}

std::size_t Request::header_count(std::string_view name) const {
    std::size_t n = 0;
    for (const auto& h : headers) {
        if (support::iequals(h.name, name)) {
            ++n;
        }
    }
    return n;
}

std::optional<std::string> Request::cookie(std::string_view name) const {
    for (const auto& h : headers) {
        if (!support::iequals(h.name, "cookie")) {
            continue;
        }
        if (auto value = find_cookie(h.value, name)) {
            return value;
        }
    }
    return std::nullopt;
}

std::string Request::media_type() const {
    const auto value = header("content-type");
    if (!value) {
        return {};
    }
    std::string_view type = *value;
    if (const auto semi = type.find(';'); semi != std::string_view::npos) {
        type = type.substr(0, semi);
    }
    return support::to_lower(support::trim_ows(type));
}

std::string_view Request::path_param(std::string_view name) const {
    for (const auto& [key, value] : path_params) {
        if (key == name) {
            return value;
        }
    }
    return {};
}

Request make_request(std::string method, std::string target, std::vector<Header> headers,
                     std::string body, std::string peer_address) {
    Request req;
    req.method = std::move(method);
    req.target = std::move(target);
    // Origin form; a fragment never reaches a server but is dropped if one is sent.
    const std::string_view origin = std::string_view(req.target).substr(0, req.target.find('#'));
    const auto q = origin.find('?');
    req.path = std::string(origin.substr(0, q));
    if (q != std::string_view::npos) {
        req.query = std::string(origin.substr(q + 1));
    }
    req.headers = std::move(headers);
    req.body = std::move(body);
    req.peer_address = std::move(peer_address);
    return req;
}

Response& Response::add_header(std::string name, std::string value) {
    headers.push_back({std::move(name), std::move(value)});
    return *this;
}

std::optional<std::string_view> Response::header(std::string_view name) const {
    for (const auto& h : headers) {
        if (support::iequals(h.name, name)) {
            return std::string_view(h.value);
        }
    }
    return std::nullopt;
}

std::vector<std::string_view> Response::headers_named(std::string_view name) const {
    std::vector<std::string_view> out;
    for (const auto& h : headers) {
        if (support::iequals(h.name, name)) {
            out.emplace_back(h.value);
        }
    }
    return out;
}

} // namespace logintest::mocks::common
