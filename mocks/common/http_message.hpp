// Plain HTTP request and response as mock handlers see them. No Beast here: the server
// (server.cpp) converts to and from the wire, so handlers and their tests compile without
// Beast. A Request is owned by the connection (or the test) that made it and stays valid
// and unchanged until its Responder is invoked; a Response is a value.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace logintest::mocks::common {

struct Header {
    std::string name;
    std::string value;
};

struct Request {
    std::string method = "GET";
    std::string target = "/";    // raw request target: path and query, percent-encoded
    std::string path = "/";      // raw path part of target (still percent-encoded)
    std::string query;           // raw query without '?', empty if none
    std::vector<Header> headers; // in wire order, repeated names kept
    std::string body;
    std::string peer_address; // e.g. "127.0.0.1"; loopback decides MOCK-CP-1
    // Decoded values of the `{name}` segments of the matched route (set by Router).
    std::vector<std::pair<std::string, std::string>> path_params;

    // The first header with this name (case-insensitive).
    std::optional<std::string_view> header(std::string_view name) const;
    // How many headers carry this name (case-insensitive).
    std::size_t header_count(std::string_view name) const;
    // The value of the first cookie with this name across all Cookie headers.
    std::optional<std::string> cookie(std::string_view name) const;
    // The media type of Content-Type, lowercase, without parameters ("" if absent).
    std::string media_type() const;
    // The decoded value of a `{name}` route segment ("" if the route has none).
    std::string_view path_param(std::string_view name) const;
};

// A request for `method` and `target`, with path and query split off the target. An
// absolute-form target (RFC 9112 §3.2.2: a server MUST accept it) becomes its origin form and
// its authority the request's only Host header.
Request make_request(std::string method, std::string target, std::vector<Header> headers = {},
                     std::string body = {}, std::string peer_address = "127.0.0.1");

// How the server puts a Response on the wire. Handlers leave it `normal`; only injected
// faults (MOCK-FAULT-2, faults.hpp) ask for the other two.
enum class Delivery {
    normal,
    reset,    // no answer: close the connection abortively (RST)
    truncate, // headers with the full Content-Length, then `truncate_bytes` of the body, close
};

struct Response {
    int status = 200;
    std::vector<Header> headers; // sent in this order; Content-Length is added by the server
    std::string body;
    Delivery delivery = Delivery::normal;
    std::size_t truncate_bytes = 0; // Delivery::truncate only

    // Appends a header (repeated names allowed, e.g. Set-Cookie).
    Response& add_header(std::string name, std::string value);
    // The first header with this name (case-insensitive).
    std::optional<std::string_view> header(std::string_view name) const;
    // Every header with this name (case-insensitive), in order.
    std::vector<std::string_view> headers_named(std::string_view name) const;
};

// The first header of `response` that must not go on the wire (issue 10, finding 2: response
// splitting): a name that is not an RFC 9110 token, or a value holding CR, LF, NUL or another
// control character but HTAB. nullptr when every header is safe. The server refuses such a
// response (500 and a log line naming the header, never its value).
const Header* unsafe_header(const Response& response);

} // namespace logintest::mocks::common
