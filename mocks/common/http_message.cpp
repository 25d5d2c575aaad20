// Accessors of the plain request and response types (http_message.hpp).
#include "mocks/common/http_message.hpp"

#include "mocks/common/cookies.hpp"
#include "support/text/strings.hpp"

#include <boost/url/parse.hpp>

#include <algorithm>

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

namespace {

// RFC 9112 §3.2.2: an absolute-form target ("http://127.0.0.1:8080/path?q") is served as its
// origin form, and its authority replaces any Host header. False when `target` is not an
// absolute http(s) URI (origin form, asterisk form, garbage: left as they are).
bool to_origin_form(std::string& target, std::vector<Header>& headers) {
    if (target.empty() || target.front() == '/' || target == "*") {
        return false;
    }
    const auto uri = boost::urls::parse_absolute_uri(target);
    if (!uri || !uri->has_authority() ||
        (uri->scheme_id() != boost::urls::scheme::http &&
         uri->scheme_id() != boost::urls::scheme::https)) {
        return false;
    }
    std::string origin = uri->encoded_path().empty() ? "/" : std::string(uri->encoded_path());
    if (uri->has_query()) {
        origin += "?" + std::string(uri->encoded_query());
    }
    const std::string host(uri->encoded_host_and_port());
    std::erase_if(headers, [](const Header& h) { return support::iequals(h.name, "host"); });
    headers.push_back({"Host", host});
    target = std::move(origin);
    return true;
}

} // namespace

Request make_request(std::string method, std::string target, std::vector<Header> headers,
                     std::string body, std::string peer_address) {
    Request req;
    req.method = std::move(method);
    to_origin_form(target, headers);
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

namespace {

// RFC 9110 §5.6.2 tchar.
bool is_tchar(unsigned char c) {
    constexpr std::string_view specials = "!#$%&'*+-.^_`|~";
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           specials.find(static_cast<char>(c)) != std::string_view::npos;
}

// RFC 9110 §5.5 field-value: VCHAR, obs-text, SP and HTAB; no CR, LF, NUL or other CTL.
bool is_field_char(unsigned char c) {
    return c == '\t' || (c >= 0x20 && c != 0x7f);
}

} // namespace

const Header* unsafe_header(const Response& response) {
    for (const auto& h : response.headers) {
        const bool name_ok =
            !h.name.empty() && std::all_of(h.name.begin(), h.name.end(), [](char c) {
                return is_tchar(static_cast<unsigned char>(c));
            });
        const bool value_ok = std::all_of(h.value.begin(), h.value.end(), [](char c) {
            return is_field_char(static_cast<unsigned char>(c));
        });
        if (!name_ok || !value_ok) {
            return &h;
        }
    }
    return nullptr;
}

} // namespace logintest::mocks::common
