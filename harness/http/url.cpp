// URL helpers over Boost.URL: parsing absolute http(s) URLs into the parts the client needs,
// RFC 3986 reference resolution for redirects, and form-style query reading and writing.
// Nothing is cached here: a caller that needs a URL's parts more than once keeps its UrlParts.
#include "harness/http/url.hpp"

#include "support/text/strings.hpp"
#include "support/url/percent.hpp"

#include <boost/url.hpp>

#include <cctype>
#include <charconv>

namespace logintest::harness::http {

namespace urls = boost::urls;

namespace {

// The host in lowercase, decoded only when it holds a percent-escape (it seldom does): the
// client parses every request's URL, so this builds the one string it keeps and no other.
std::string lowercase_host(const urls::url_view& u) {
    const auto encoded = u.encoded_host_address();
    std::string host =
        encoded.find('%') == urls::string_view::npos ? std::string(encoded) : u.host_address();
    for (char& c : host) {
        c = support::to_lower(c);
    }
    return host;
}

// Servers put raw UTF-8 or spaces into Location headers; browsers percent-encode such bytes
// before resolving. Everything outside the characters a URI may contain is escaped here.
std::string escape_invalid_uri_chars(std::string_view s) {
    static constexpr auto allowed =
        urls::unreserved_chars + urls::gen_delim_chars + urls::sub_delim_chars + '%';
    return urls::encode(s, allowed);
}

// RFC 3986 §5.2.4, hand-written on purpose: Boost.URL 1.81's resolve() leaves "/../x" when a
// reference climbs above the root ("http://a/b/c" + "../../x" gives "http://a/../x"), where
// browsers and the RFC give "http://a/x". Applied only to a resolved path that still holds a
// dot segment; drop it when the Boost in use is fixed (url_test pins the RFC's examples).
std::string remove_dot_segments(std::string_view in) {
    std::string out;
    auto pop_segment = [&out] {
        std::size_t last = out.rfind('/');
        out.erase(last == std::string::npos ? 0 : last);
    };
    while (!in.empty()) {
        if (in.starts_with("../")) {
            in.remove_prefix(3);
        } else if (in.starts_with("./") || in.starts_with("/./")) {
            in.remove_prefix(2);
        } else if (in == "/.") {
            in = "/";
        } else if (in.starts_with("/../")) {
            in.remove_prefix(3);
            pop_segment();
        } else if (in == "/..") {
            in = "/";
            pop_segment();
        } else if (in == "." || in == "..") {
            in = {};
        } else {
            std::size_t end = in.find('/', 1);
            end = end == std::string_view::npos ? in.size() : end;
            out.append(in.substr(0, end));
            in.remove_prefix(end);
        }
    }
    return out;
}

// Parses a URI reference, escaping stray characters first when the raw text is not valid.
std::optional<urls::url> parse_reference(std::string_view text) {
    if (auto parsed = urls::parse_uri_reference(text)) {
        return urls::url(*parsed);
    }
    std::string escaped = escape_invalid_uri_chars(text);
    if (auto parsed = urls::parse_uri_reference(escaped)) {
        return urls::url(*parsed);
    }
    return std::nullopt;
}

} // namespace

std::optional<UrlParts> parse_url(std::string_view url) {
    auto parsed = urls::parse_uri(url);
    if (!parsed) {
        return std::nullopt;
    }
    const urls::url_view& u = *parsed;
    std::uint16_t default_port = 0;
    if (u.scheme_id() == urls::scheme::http) {
        default_port = 80;
    } else if (u.scheme_id() == urls::scheme::https) {
        default_port = 443;
    } else {
        return std::nullopt;
    }
    if (!u.has_authority() || u.encoded_host().empty() ||
        u.host_type() == urls::host_type::ipvfuture) {
        return std::nullopt;
    }
    // Boost.URL 1.81 reads "http://h:8080x/p" as port 8080 and the path "x/p"; after an
    // authority the path is empty or starts with '/' (RFC 3986 §3.3; tests/fuzz url).
    if (!u.encoded_path().empty() && !u.encoded_path().starts_with('/')) {
        return std::nullopt;
    }
    UrlParts parts;
    parts.scheme = default_port == 80 ? "http" : "https";
    parts.host = lowercase_host(u);
    parts.port = default_port;
    if (u.has_port() && !u.port().empty()) {
        // port_number() wraps values above 65535, so read the digits here.
        unsigned port = 0;
        auto text = u.port();
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), port);
        if (ec != std::errc() || end != text.data() + text.size() || port == 0 || port > 65535) {
            return std::nullopt;
        }
        parts.port = static_cast<std::uint16_t>(port);
    }
    parts.path = u.encoded_path().empty() ? std::string("/") : std::string(u.encoded_path());
    if (u.has_query()) {
        parts.target.reserve(parts.path.size() + 1 + u.encoded_query().size());
        parts.target += parts.path;
        parts.target += '?';
        parts.target += u.encoded_query();
    } else {
        parts.target = parts.path;
    }
    return parts;
}

std::optional<UrlParts> UrlMemo::parse(std::string_view url) {
    for (const Entry& e : entries_) {
        if (e.url == url) {
            return e.parts;
        }
    }
    if (entries_.size() < capacity) {
        entries_.push_back(Entry{std::string(url), parse_url(url)});
        return entries_.back().parts;
    }
    Entry& slot = entries_[next_];
    next_ = (next_ + 1) % capacity;
    slot.url.assign(url);
    slot.parts = parse_url(url);
    return slot.parts;
}

void UrlMemo::clear() {
    std::vector<Entry>().swap(entries_);
    next_ = 0;
}

std::optional<std::string> resolve_url(std::string_view base, std::string_view location) {
    auto base_url = urls::parse_uri(base);
    if (!base_url) {
        return std::nullopt;
    }
    auto reference = parse_reference(support::trim(location));
    if (!reference) {
        return std::nullopt;
    }
    urls::url resolved;
    if (!urls::resolve(*base_url, *reference, resolved)) {
        return std::nullopt;
    }
    const urls::string_view path = resolved.encoded_path();
    std::string text(resolved.buffer());
    if (path.find("/.") != urls::string_view::npos) {
        // Spliced into the text: Boost.URL 1.81's set_encoded_path("/") on a URL with an
        // authority writes "/./" ("http://h/a" + "../" gave "http://h/./"; tests/fuzz url).
        const auto at = static_cast<std::size_t>(path.data() - resolved.buffer().data());
        text.replace(at, path.size(), remove_dot_segments(path));
    }
    return text;
}

std::optional<std::string> query_param(std::string_view url, std::string_view name) {
    auto parsed = parse_reference(url);
    // An empty query: Boost.URL 1.81's params() iterator reads past the end of "http://h/?#f"
    // (SEGV; a Location a hostile target sends; tests/fuzz url).
    if (!parsed || parsed->encoded_query().empty()) {
        return std::nullopt;
    }
    for (const urls::param& p : parsed->params(urls::encoding_opts(true))) {
        if (p.key == name) {
            return p.value;
        }
    }
    return std::nullopt;
}

std::string append_query(std::string_view url,
                         const std::vector<std::pair<std::string, std::string>>& params) {
    // Every byte outside the unreserved set percent-encoded, so `+`, `&` and `=` inside a
    // value survive any form decoder.
    const std::string query = support::form_encode(params);
    if (query.empty()) {
        return std::string(url);
    }
    // Insert before any fragment, after any existing query. The URL is expanded template text
    // that need not be a valid URI yet (the client escapes it when sending), so the encoded
    // pairs are spliced in as text rather than through a parsed boost::urls::url.
    std::string out(url);
    std::size_t hash = out.find('#');
    std::size_t insert_at = hash == std::string::npos ? out.size() : hash;
    std::size_t question = out.find('?');
    bool has_query = question != std::string::npos && question < insert_at;
    bool query_empty = has_query && question + 1 == insert_at;
    std::string piece;
    if (!has_query) {
        piece = "?" + query;
    } else if (query_empty || out[insert_at - 1] == '&') {
        piece = query;
    } else {
        piece = "&" + query;
    }
    out.insert(insert_at, piece);
    return out;
}

} // namespace logintest::harness::http

namespace logintest::harness::http {

// The scheme of an absolute URL as written, when it is a plain one (RFC 3986 §3.1, at most 32
// characters): the only part of a refused Location a message repeats.
namespace {
std::optional<std::string> plain_scheme(std::string_view url) {
    const auto colon = url.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 32) {
        return std::nullopt;
    }
    std::string scheme;
    for (const char c : url.substr(0, colon)) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') {
            return std::nullopt;
        }
        scheme += support::to_lower(c);
    }
    return scheme;
}
} // namespace

RedirectTarget redirect_target(std::string_view from, std::string_view location) {
    auto next = resolve_url(from, location);
    if (next && parse_url(*next)) {
        return {std::move(*next), {}};
    }
    const auto scheme = next ? plain_scheme(*next) : std::nullopt;
    if (!scheme) {
        return {{}, "its Location is not a URL"};
    }
    if (*scheme == "http" || *scheme == "https") {
        return {{}, "its Location is not a valid " + *scheme + " URL (no host, or a bad port)"};
    }
    return {{},
            "its Location is a '" + *scheme + ":' URL, and only http and https URLs are followed"};
}

} // namespace logintest::harness::http
