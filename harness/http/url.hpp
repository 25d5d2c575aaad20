// URL helpers over Boost.URL used by the client, checks and engine: resolving a redirect
// Location against the current URL, splitting host/port, reading and appending query
// parameters with percent-encoding. Pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace logintest::harness::http {

struct UrlParts {
    std::string scheme;     // "http" or "https"
    std::string host;       // lowercase, without brackets
    std::uint16_t port = 0; // explicit or the scheme's default
    std::string target;     // path + "?" + query, at least "/"
    std::string path;
};

// Parses an absolute http(s) URL; nullopt when it is not one. Not cached: a caller that reads
// the same URL again (a base URL, a step's final URL) keeps the result.
[[nodiscard]] std::optional<UrlParts> parse_url(std::string_view url);

// The last few URLs parsed with their parts, for a user that parses the same few URLs again
// and again: the client's Session, whose every request in a load run goes to one of a handful
// of URLs (Boost.URL 1.81 takes about 0.7 µs to parse a short URL, a hit here one string
// compare). The entries grow as URLs are seen, up to `capacity`, so a virtual user that only
// ever asks one URL keeps one entry (an idle load user's memory is a measured figure,
// bench/memory_per_vu.sh). Owned by its user, one per Session; not thread-safe.
class UrlMemo {
public:
    static constexpr std::size_t capacity = 8;

    // parse_url(url), from memory when `url` is one of the last ones parsed here.
    [[nodiscard]] std::optional<UrlParts> parse(std::string_view url);
    // Forgets every URL and frees the entries (a user going idle keeps nothing).
    void clear();

private:
    struct Entry {
        std::string url;
        std::optional<UrlParts> parts;
    };
    std::vector<Entry> entries_; // at most `capacity`; then the oldest is replaced
    std::size_t next_ = 0;
};

// RFC 3986 §5 reference resolution: `location` (absolute or relative) against `base`.
[[nodiscard]] std::optional<std::string> resolve_url(std::string_view base,
                                                     std::string_view location);

// Where a redirect leads: the absolute http(s) URL of `location` resolved against `from`, or
// why the client does not follow it (`refused`, naming the scheme and no more of the URL:
// "its Location is a 'gopher:' URL, and only http and https URLs are followed"). Pure; the
// entry point for fuzzing redirect resolution.
struct RedirectTarget {
    std::string url;
    std::string refused; // empty when `url` is followed
    bool ok() const { return refused.empty(); }
};
[[nodiscard]] RedirectTarget redirect_target(std::string_view from, std::string_view location);

// The decoded value of the first query parameter `name` of `url` (form rules: `+` is a
// space), if present.
[[nodiscard]] std::optional<std::string> query_param(std::string_view url, std::string_view name);

// Appends name=value pairs to the query of `url`, percent-encoded.
std::string append_query(std::string_view url,
                         const std::vector<std::pair<std::string, std::string>>& params);

} // namespace logintest::harness::http
