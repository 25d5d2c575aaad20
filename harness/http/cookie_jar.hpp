// CookieJar: the cookie store of one virtual user, following RFC 6265 §5 (storage model):
// host-only vs domain cookies, default-path and path matching, Expires/Max-Age expiry,
// Secure, HttpOnly and SameSite attributes, several Set-Cookie headers per answer, and a
// clearing cookie followed by a real one in the same answer (the later one wins).
// Time is passed in, so tests need no clock. Not thread-safe (one per session).
#pragma once

#include "harness/http/url.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace logintest::harness::http {

// One cookie with what its Set-Cookie header said: checks on attributes read these fields and
// never parse the header again.
struct Cookie {
    std::string name;
    std::string value;
    std::string domain; // canonical lowercase host (host-only) or domain
    bool host_only = true;
    std::string path = "/";
    std::optional<std::chrono::system_clock::time_point> expires; // nullopt = session cookie
    bool secure = false;
    bool http_only = false;
    std::string same_site; // as sent: "", "Strict", "Lax", "None"
    // The Max-Age and Expires attributes as parsed (the last valid one of each; nullopt when
    // the header has none). `expires` above is the expiry they give.
    std::optional<std::int64_t> max_age;
    std::optional<std::chrono::sys_seconds> expires_attribute;
};

class CookieJar {
public:
    using Clock = std::chrono::system_clock;

    // Stores one Set-Cookie header received from `request_url`. Malformed or rejected
    // cookies (e.g. a Domain the host does not domain-match) are ignored, as a browser does.
    // Returns the cookie as parsed when it was accepted (also when it deleted a cookie).
    std::optional<Cookie> store(std::string_view request_url, std::string_view set_cookie,
                                Clock::time_point now = Clock::now());
    // The same with the request URL already parsed (the client's hot path).
    std::optional<Cookie> store(const UrlParts& request_url, std::string_view set_cookie,
                                Clock::time_point now = Clock::now());

    // The Cookie header value for a request to `url` ("" when none apply), ordered by
    // longer path first, then earlier creation (RFC 6265 §5.4).
    std::string header_for(std::string_view url, Clock::time_point now = Clock::now()) const;
    std::string header_for(const UrlParts& url, Clock::time_point now = Clock::now()) const;

    // The live cookie with this name that would be sent to `url`, if any.
    std::optional<Cookie> find(std::string_view name, std::string_view url,
                               Clock::time_point now = Clock::now()) const;
    // The same with the URL already parsed; nullptr when none (no copy).
    const Cookie* find(std::string_view name, const UrlParts& url,
                       Clock::time_point now = Clock::now()) const;

    // Every live cookie (for checks and debugging).
    std::vector<Cookie> all(Clock::time_point now = Clock::now()) const;

    void clear() { cookies_.clear(); }
    std::size_t size() const { return cookies_.size(); }

private:
    struct Stored {
        Cookie cookie;
        std::uint64_t created = 0; // insertion order, kept when a cookie is replaced
    };
    std::vector<Stored> cookies_;
    std::uint64_t next_created_ = 0;
};

// Parses a Set-Cookie header value without storing it (for checks on attributes).
// Returns nullopt when it has no name=value pair. Attributes the header does not carry stay
// empty: `domain` and `path` are "" without Domain/Path (so a check can tell `Path=/` from
// no Path), `host_only` is false only with a Domain attribute. `expires` comes from Max-Age
// (relative to `now`, winning over Expires) or Expires; `max_age` and `expires_attribute`
// keep the attributes themselves.
[[nodiscard]] std::optional<Cookie> parse_set_cookie(std::string_view set_cookie);
[[nodiscard]] std::optional<Cookie> parse_set_cookie(std::string_view set_cookie,
                                                     std::chrono::system_clock::time_point now);

} // namespace logintest::harness::http
