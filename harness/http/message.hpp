// Plain HTTP messages as the harness sees them: a request to send, an answer received, and
// the record of one fetch (every hop of a redirect chain). No Beast types here, so checks,
// extractors and the engine can read them without compiling Beast.
#pragma once

#include "harness/model/result.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace logintest::harness::http {

struct Header {
    std::string name;
    std::string value;
};

struct Request {
    std::string method = "GET";
    std::string url;             // absolute http:// or https:// URL
    std::vector<Header> headers; // Host, Cookie, Content-Length are added by the client
    std::string body;
};

struct Response {
    int status = 0;
    std::vector<Header> headers; // in wire order, repeated names kept (Set-Cookie)
    std::string body;

    // The first header with this name (case-insensitive), if any.
    std::optional<std::string_view> header(std::string_view name) const;
    // Every header with this name (case-insensitive), in wire order.
    std::vector<std::string_view> headers_named(std::string_view name) const;
};

// One request and its answer inside a fetch.
struct Exchange {
    Request request; // as sent, with the Cookie header the jar added
    Response response;
    double elapsed_ms = 0;
};

// The whole of one fetch: with redirects followed there is one Exchange per hop. When
// `outcome` is not ok the last request got no (usable) answer and `exchanges` holds only
// the hops that completed.
struct FetchResult {
    model::Outcome outcome = model::Outcome::ok;
    std::string error;   // human text for a transport error, e.g. "connection refused"
    int error_value = 0; // errno of a system error behind `outcome` (EMFILE, EADDRNOTAVAIL), or 0
    std::vector<Exchange> exchanges;
    std::string final_url; // URL of the last request made
    double elapsed_ms = 0;

    bool ok() const { return outcome == model::Outcome::ok; }
    // The last answer; only valid when !exchanges.empty().
    const Response& final_response() const { return exchanges.back().response; }
};

} // namespace logintest::harness::http
