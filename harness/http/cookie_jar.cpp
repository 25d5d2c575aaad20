// CookieJar: RFC 6265 §5.2 (parsing Set-Cookie), §5.3 (storage) and §5.4 (the Cookie header),
// with the RFC 6265bis additions browsers apply: Secure cookies only from https, a plain-http
// answer cannot shadow a Secure cookie, the __Secure-/__Host- prefixes, expiry capped at 400
// days. There is no public-suffix list: a Domain without an inner dot is refused instead.
//
// Hand-written on purpose: Beast and Boost.URL have no cookie support, and the libraries that
// do (libcurl's jar, browser engines) are not in the kept set nor usable per virtual user
// without their transport. The RFC's storage model is small and every rule is tested.
#include "harness/http/cookie_jar.hpp"

#include "harness/http/cookie_date.hpp"
#include "harness/http/url.hpp"
#include "support/text/strings.hpp"

#include <boost/url/ipv4_address.hpp>
#include <boost/url/ipv6_address.hpp>

#include <algorithm>
#include <limits>

namespace logintest::harness::http {

namespace {

using Clock = std::chrono::system_clock;
constexpr auto max_lifetime = std::chrono::days(400); // RFC 6265bis §5.6.1/§5.6.2

// A parsed Set-Cookie header before the request URL and the clock are applied.
struct SetCookie {
    Cookie cookie; // domain and path as in the attributes, "" when absent
    bool has_domain = false;
    bool has_path = false;
};

// RFC 6265bis §5.6 step 2/4: control characters make the whole cookie invalid.
bool has_control_chars(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) {
        auto u = static_cast<unsigned char>(c);
        return (u < 0x20 && u != '\t') || u == 0x7F;
    });
}

bool is_ip_address(std::string_view host) {
    return boost::urls::parse_ipv4_address(host).has_value() ||
           boost::urls::parse_ipv6_address(host).has_value();
}

// Max-Age = ["-"] 1*DIGIT; huge values saturate (they are capped later anyway).
std::optional<std::int64_t> parse_max_age(std::string_view text) {
    bool negative = !text.empty() && text.front() == '-';
    std::string_view digits = negative ? text.substr(1) : text;
    if (digits.empty()) {
        return std::nullopt;
    }
    std::int64_t value = 0;
    for (char c : digits) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        if (value < std::numeric_limits<std::int64_t>::max() / 10 - 10) {
            value = value * 10 + (c - '0');
        }
    }
    return negative ? -value : value;
}

void apply_attribute(SetCookie& out, std::string_view name, std::string_view value) {
    Cookie& c = out.cookie;
    if (support::iequals(name, "expires")) {
        if (auto date = parse_cookie_date(value)) {
            c.expires_attribute = *date;
        }
    } else if (support::iequals(name, "max-age")) {
        if (auto age = parse_max_age(value)) {
            c.max_age = *age;
        }
    } else if (support::iequals(name, "domain")) {
        if (!value.empty() && value.front() == '.') {
            value.remove_prefix(1); // §5.2.3: a leading dot is ignored
        }
        if (!value.empty()) {
            c.domain = support::to_lower(value);
            out.has_domain = true;
        }
    } else if (support::iequals(name, "path")) {
        // §5.2.4: an empty or relative Path means the default-path.
        out.has_path = !value.empty() && value.front() == '/';
        c.path = out.has_path ? std::string(value) : std::string();
    } else if (support::iequals(name, "secure")) {
        c.secure = true;
    } else if (support::iequals(name, "httponly")) {
        c.http_only = true;
    } else if (support::iequals(name, "samesite")) {
        c.same_site = std::string(value);
    }
}

// §5.2: name=value up to the first ';' (split at the FIRST '=', so values may hold '='),
// then attributes; the last occurrence of an attribute wins.
std::optional<SetCookie> parse(std::string_view header) {
    std::size_t semicolon = header.find(';');
    std::string_view pair = header.substr(0, semicolon);
    std::size_t equals = pair.find('=');
    if (equals == std::string_view::npos) {
        return std::nullopt;
    }
    std::string_view name = support::trim_ows(pair.substr(0, equals));
    std::string_view value = support::trim_ows(pair.substr(equals + 1));
    if (name.empty() || has_control_chars(name) || has_control_chars(value)) {
        return std::nullopt;
    }
    SetCookie out;
    out.cookie.name = std::string(name);
    out.cookie.value = std::string(value);
    out.cookie.path.clear();
    out.cookie.host_only = true;
    std::string_view rest =
        semicolon == std::string_view::npos ? std::string_view() : header.substr(semicolon + 1);
    while (!rest.empty()) {
        std::size_t end = rest.find(';');
        std::string_view attribute = rest.substr(0, end);
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
        std::size_t eq = attribute.find('=');
        std::string_view attr_name = support::trim_ows(attribute.substr(0, eq));
        std::string_view attr_value = eq == std::string_view::npos
                                          ? std::string_view()
                                          : support::trim_ows(attribute.substr(eq + 1));
        apply_attribute(out, attr_name, attr_value);
    }
    if (out.has_domain) {
        out.cookie.host_only = false;
    }
    return out;
}

// The expiry of a parsed cookie: Max-Age wins over Expires (§5.3 step 3); both are capped at
// 400 days and clamped at the epoch, so the nanosecond clock cannot overflow. A time at or
// before `now` means "delete".
std::optional<Clock::time_point> expiry_of(const SetCookie& parsed, Clock::time_point now) {
    using std::chrono::seconds;
    auto now_s = std::chrono::floor<seconds>(now);
    auto latest = now_s + std::chrono::duration_cast<seconds>(max_lifetime);
    const Cookie& c = parsed.cookie;
    if (c.max_age) {
        if (*c.max_age <= 0) {
            return Clock::time_point{};
        }
        auto cap = std::chrono::duration_cast<seconds>(max_lifetime).count();
        return now + seconds(std::min<std::int64_t>(*c.max_age, cap));
    }
    if (c.expires_attribute) {
        auto clamped = std::clamp(*c.expires_attribute, std::chrono::sys_seconds{}, latest);
        return Clock::time_point(clamped.time_since_epoch());
    }
    return std::nullopt;
}

// §5.1.3 domain-match: identical, or `host` ends with "." + `domain` and is not an IP address.
bool domain_match(std::string_view host, std::string_view domain) {
    if (host == domain) {
        return true;
    }
    return host.size() > domain.size() && host.ends_with(domain) &&
           host[host.size() - domain.size() - 1] == '.' && !is_ip_address(host);
}

// §5.1.4 path-match.
bool path_match(std::string_view request_path, std::string_view cookie_path) {
    if (request_path == cookie_path) {
        return true;
    }
    if (!request_path.starts_with(cookie_path)) {
        return false;
    }
    return cookie_path.ends_with('/') || request_path[cookie_path.size()] == '/';
}

// §5.1.4 default-path: the request path up to, not including, its last '/'.
std::string default_path(std::string_view uri_path) {
    if (uri_path.empty() || uri_path.front() != '/') {
        return "/";
    }
    std::size_t last = uri_path.rfind('/');
    return last == 0 ? std::string("/") : std::string(uri_path.substr(0, last));
}

bool is_live(const Cookie& c, Clock::time_point now) {
    return !c.expires || *c.expires > now;
}

// §5.4 step 1: would `c` be sent with a request to this URL?
bool applies_to(const Cookie& c, const UrlParts& url) {
    bool host_ok = c.host_only ? url.host == c.domain : domain_match(url.host, c.domain);
    return host_ok && path_match(url.path, c.path) && (!c.secure || url.scheme == "https");
}

// Applies the request URL to a parsed cookie (§5.3 steps 5-7 and the bis prefix rules);
// false when the cookie must be ignored.
bool bind_to_origin(SetCookie& parsed, const UrlParts& url) {
    Cookie& c = parsed.cookie;
    if (c.secure && url.scheme != "https") {
        return false; // RFC 6265bis §5.7 step 8
    }
    if (support::istarts_with(c.name, "__Secure-") && !c.secure) {
        return false;
    }
    if (support::istarts_with(c.name, "__Host-") &&
        (!c.secure || parsed.has_domain || !parsed.has_path || c.path != "/")) {
        return false;
    }
    if (!parsed.has_domain) {
        c.host_only = true;
        c.domain = url.host;
    } else if (is_ip_address(url.host)) {
        if (c.domain != url.host) {
            return false; // a Domain on an IP host must equal it, and then means host-only
        }
        c.host_only = true;
    } else if (!domain_match(url.host, c.domain) ||
               (c.domain.find('.') == std::string::npos && c.domain != url.host)) {
        // Not the host's domain, or (no public-suffix list) a top-level domain such as "ru".
        return false;
    } else {
        c.host_only = false;
    }
    if (!parsed.has_path) {
        c.path = default_path(url.path);
    }
    return true;
}

} // namespace

std::optional<Cookie> parse_set_cookie(std::string_view set_cookie) {
    return parse_set_cookie(set_cookie, Clock::now());
}

std::optional<Cookie> parse_set_cookie(std::string_view set_cookie, Clock::time_point now) {
    auto parsed = parse(set_cookie);
    if (!parsed) {
        return std::nullopt;
    }
    parsed->cookie.expires = expiry_of(*parsed, now);
    return std::move(parsed->cookie);
}

std::optional<Cookie> CookieJar::store(std::string_view request_url, std::string_view set_cookie,
                                       Clock::time_point now) {
    auto url = parse_url(request_url);
    if (!url) {
        return std::nullopt;
    }
    return store(*url, set_cookie, now);
}

std::optional<Cookie> CookieJar::store(const UrlParts& request_url, std::string_view set_cookie,
                                       Clock::time_point now) {
    auto parsed = parse(set_cookie);
    const UrlParts* url = &request_url;
    if (!parsed || !bind_to_origin(*parsed, *url)) {
        return std::nullopt;
    }
    Cookie& c = parsed->cookie;
    c.expires = expiry_of(*parsed, now);
    std::erase_if(cookies_, [&](const Stored& s) { return !is_live(s.cookie, now); });

    // RFC 6265bis §5.7 step 16: plain http must not overwrite or shadow a Secure cookie.
    if (!c.secure && url->scheme != "https") {
        for (const Stored& s : cookies_) {
            const Cookie& old = s.cookie;
            if (old.secure && old.name == c.name &&
                (domain_match(c.domain, old.domain) || domain_match(old.domain, c.domain)) &&
                path_match(c.path, old.path)) {
                return std::nullopt;
            }
        }
    }

    auto same = std::find_if(cookies_.begin(), cookies_.end(), [&](const Stored& s) {
        return s.cookie.name == c.name && s.cookie.domain == c.domain && s.cookie.path == c.path;
    });
    if (!is_live(c, now)) {
        if (same != cookies_.end()) {
            cookies_.erase(same); // an expired cookie deletes its namesake (§5.3 step 11)
        }
    } else if (same != cookies_.end()) {
        same->cookie = c; // replacing keeps the creation time (§5.3 step 11.3)
    } else {
        cookies_.push_back(Stored{c, next_created_++});
    }
    return std::move(c);
}

std::string CookieJar::header_for(std::string_view url, Clock::time_point now) const {
    if (cookies_.empty()) {
        return {}; // a new visitor's first request: nothing to parse
    }
    auto parts = parse_url(url);
    if (!parts) {
        return {};
    }
    return header_for(*parts, now);
}

std::string CookieJar::header_for(const UrlParts& url, Clock::time_point now) const {
    if (cookies_.empty()) {
        return {};
    }
    const UrlParts* parts = &url;
    std::vector<const Stored*> matching;
    for (const Stored& s : cookies_) {
        if (is_live(s.cookie, now) && applies_to(s.cookie, *parts)) {
            matching.push_back(&s);
        }
    }
    // §5.4 step 2: longer paths first, then earlier creation.
    std::sort(matching.begin(), matching.end(), [](const Stored* a, const Stored* b) {
        if (a->cookie.path.size() != b->cookie.path.size()) {
            return a->cookie.path.size() > b->cookie.path.size();
        }
        return a->created < b->created;
    });
    std::string header;
    for (const Stored* s : matching) {
        if (!header.empty()) {
            header += "; ";
        }
        header += s->cookie.name;
        header += '=';
        header += s->cookie.value;
    }
    return header;
}

std::optional<Cookie> CookieJar::find(std::string_view name, std::string_view url,
                                      Clock::time_point now) const {
    auto parts = parse_url(url);
    if (!parts) {
        return std::nullopt;
    }
    const Cookie* found = find(name, *parts, now);
    return found ? std::optional<Cookie>(*found) : std::nullopt;
}

const Cookie* CookieJar::find(std::string_view name, const UrlParts& url,
                              Clock::time_point now) const {
    const Stored* best = nullptr;
    for (const Stored& s : cookies_) {
        if (s.cookie.name != name || !is_live(s.cookie, now) || !applies_to(s.cookie, url)) {
            continue;
        }
        // The one sent first: longest path, then oldest.
        if (!best || s.cookie.path.size() > best->cookie.path.size() ||
            (s.cookie.path.size() == best->cookie.path.size() && s.created < best->created)) {
            best = &s;
        }
    }
    return best ? &best->cookie : nullptr;
}

std::vector<Cookie> CookieJar::all(Clock::time_point now) const {
    // cookies_ is in creation order: new cookies are appended, replacements stay in place.
    std::vector<Cookie> out;
    out.reserve(cookies_.size());
    for (const Stored& s : cookies_) {
        if (is_live(s.cookie, now)) {
            out.push_back(s.cookie);
        }
    }
    return out;
}

} // namespace logintest::harness::http
