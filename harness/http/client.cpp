// The HTTP client of a virtual user (see client.hpp): ClientContext (options, the shared TLS
// context, the transport) and Session (cookie jar, client headers, redirects). The wire is the
// transport's: network_transport.cpp holds the Beast code.
#include "harness/http/client.hpp"

#include "harness/http/network_transport.hpp"
#include "harness/http/tls_context.hpp"
#include "harness/http/url.hpp"
#include "support/text/strings.hpp"

#include <algorithm>
#include <fstream>
#include <stdexcept>

namespace logintest::harness::http {

namespace ssl = boost::asio::ssl;
using boost::system::error_code;
using model::Outcome;

namespace {

using SteadyClock = std::chrono::steady_clock;

bool has_header(const std::vector<Header>& headers, std::string_view name) {
    return std::any_of(headers.begin(), headers.end(),
                       [&](const Header& h) { return support::iequals(h.name, name); });
}

double milliseconds_since(SteadyClock::time_point start) {
    return std::chrono::duration<double, std::milli>(SteadyClock::now() - start).count();
}

// The Host header: the name as in the URL, with the port only when it is not the default.
std::string host_header(const UrlParts& url) {
    bool default_port =
        (url.scheme == "http" && url.port == 80) || (url.scheme == "https" && url.port == 443);
    if (default_port) {
        bool ipv6 = url.host.find(':') != std::string::npos;
        return ipv6 ? "[" + url.host + "]" : url.host;
    }
    return host_port(url);
}

// CR, LF or NUL in a header would let a template inject headers; refuse the request.
std::optional<std::string> invalid_request_text(const Request& request) {
    auto bad = [](std::string_view s) {
        return s.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos;
    };
    if (request.method.empty() || request.method.find_first_of(" \t\r\n") != std::string::npos) {
        return "invalid HTTP method '" + request.method + "'";
    }
    for (const Header& h : request.headers) {
        if (h.name.empty() || bad(h.name) || bad(h.value) || h.name.find(':') != h.name.npos) {
            return "invalid header '" + h.name + "'";
        }
    }
    return std::nullopt;
}

// The request as sent: the caller's headers, then what the client adds unless the caller
// already set it. A caller's own Cookie header replaces the jar's cookies for this hop.
Request with_client_headers(Request request, const UrlParts& url, const CookieJar& jar,
                            const ClientOptions& options) {
    std::vector<Header>& headers = request.headers;
    if (!has_header(headers, "Host")) {
        headers.push_back({"Host", host_header(url)});
    }
    if (!has_header(headers, "User-Agent") && !options.user_agent.empty()) {
        headers.push_back({"User-Agent", options.user_agent});
    }
    if (!has_header(headers, "Cookie")) {
        if (std::string cookies = jar.header_for(url); !cookies.empty()) {
            headers.push_back({"Cookie", std::move(cookies)});
        }
    }
    bool sends_body = !request.body.empty() || request.method == "POST" ||
                      request.method == "PUT" || request.method == "PATCH";
    if (sends_body && !has_header(headers, "Content-Length")) {
        headers.push_back({"Content-Length", std::to_string(request.body.size())});
    }
    if (!has_header(headers, "Connection")) {
        headers.push_back({"Connection", "keep-alive"});
    }
    return request;
}

bool is_redirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

bool same_origin(const UrlParts& a, const UrlParts& b) {
    return a.scheme == b.scheme && a.host == b.host && a.port == b.port;
}

// The next request of a redirect chain. The first `caller_headers` headers of `previous` are
// the caller's; the rest were added by the client and are added again for the next hop.
// 303, and 301/302 after POST, become GET without body (as browsers do). A caller's Cookie
// header is not carried (the jar decides), nor Authorization to another origin.
Request redirected_request(const Request& previous, std::size_t caller_headers, int status,
                           std::string next_url, const UrlParts& from, UrlMemo& urls) {
    Request next;
    bool to_get = (status == 303 && previous.method != "HEAD") ||
                  ((status == 301 || status == 302) && previous.method == "POST");
    next.method = to_get ? "GET" : previous.method;
    if (!to_get) {
        next.body = previous.body;
    }
    auto to = urls.parse(next_url);
    bool cross_origin = !to || !same_origin(from, *to);
    for (std::size_t i = 0; i < caller_headers && i < previous.headers.size(); ++i) {
        const Header& h = previous.headers[i];
        bool drop = support::iequals(h.name, "Cookie") ||
                    (to_get && (support::iequals(h.name, "Content-Type") ||
                                support::iequals(h.name, "Content-Length"))) ||
                    (cross_origin && support::iequals(h.name, "Authorization"));
        if (!drop) {
            next.headers.push_back(h);
        }
    }
    next.url = std::move(next_url);
    return next;
}

} // namespace
ClientContext::ClientContext(ClientOptions options, Transport* transport)
    : options_(std::move(options)), transport_(transport), tls_(std::make_unique<Tls>()) {}

ClientContext::ClientContext(ClientOptions options) : ClientContext(std::move(options), nullptr) {
    if (std::string error = set_up_tls(); !error.empty()) {
        throw std::runtime_error(error);
    }
}

ClientContext::CreateResult ClientContext::create(ClientOptions options, Transport* transport) {
    // Not make_unique: the constructor is private.
    std::unique_ptr<ClientContext> context(new ClientContext(std::move(options), transport));
    if (std::string error = context->set_up_tls(); !error.empty()) {
        return {nullptr, std::move(error)};
    }
    return {std::move(context), {}};
}

// Every step through the error_code overloads: nothing here throws (only the allocation of
// the SSL context itself could, as any allocation).
std::string ClientContext::set_up_tls() {
    ssl::context& context = tls_->ssl;
    error_code ec;
    context.set_options(
        ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3, ec);
    if (ec) {
        return "cannot set up TLS: " + ec.message();
    }
    // Idle TLS connections should not keep OpenSSL's record buffers (thousands under load).
    SSL_CTX_set_mode(context.native_handle(), SSL_MODE_RELEASE_BUFFERS);
    if (!options_.ca_file.empty()) {
        if (!std::ifstream(options_.ca_file)) {
            return "cannot read CA file '" + options_.ca_file + "'";
        }
        context.load_verify_file(options_.ca_file, ec);
        if (ec) {
            return "cannot load CA file '" + options_.ca_file + "': " + ec.message();
        }
    }
    if (options_.verify_tls) {
        context.set_verify_mode(ssl::verify_peer, ec);
        error_code ignored; // no system store is fine when ca_file is the trust anchor
        context.set_default_verify_paths(ignored);
    } else {
        context.set_verify_mode(ssl::verify_none, ec);
    }
    if (ec) {
        return "cannot set up TLS: " + ec.message();
    }
    return {};
}

ClientContext::~ClientContext() = default;

Session::Session(boost::asio::any_io_executor executor, const ClientContext& context)
    : context_(context), own_transport_(context.transport() != nullptr
                                            ? nullptr
                                            : make_network_transport(std::move(executor), context)),
      transport_(context.transport() != nullptr ? *context.transport() : *own_transport_) {}

Session::~Session() = default;

void Session::release_idle_buffers() {
    transport_.release_idle_buffers();
    urls_.clear(); // refilled by the next visit's first requests
}

TlsCounts Session::tls_counts() const {
    return transport_.tls_counts();
}

void Session::close_connections() {
    transport_.close_connections();
}

boost::asio::awaitable<FetchResult> Session::fetch(Request request, bool follow_redirects) {
    const ClientOptions& options = context_.options();
    FetchResult result;
    const auto fetch_start = SteadyClock::now();
    auto last_hop_end = fetch_start; // one clock read per hop end serves hop and fetch
    Request current = std::move(request);
    for (int redirects = 0;; ++redirects) {
        result.final_url = current.url;
        auto url = urls_.parse(current.url);
        if (!url) {
            result.outcome = Outcome::request_error;
            result.error = "not an absolute http(s) URL: '" + current.url + "'";
            break;
        }
        if (auto invalid = invalid_request_text(current)) {
            result.outcome = Outcome::request_error;
            result.error = std::move(*invalid);
            break;
        }
        const std::size_t caller_headers = current.headers.size();
        Exchange exchange;
        exchange.request = with_client_headers(std::move(current), *url, jar_, options);
        const auto hop_start = redirects == 0 ? fetch_start : SteadyClock::now();
        // The one virtual call of the exchange: the network, or a test's in-memory transport.
        auto failure = co_await transport_.exchange(*url, exchange.request, exchange.response);
        last_hop_end = SteadyClock::now();
        exchange.elapsed_ms =
            std::chrono::duration<double, std::milli>(last_hop_end - hop_start).count();
        if (failure) {
            result.outcome = failure->outcome;
            result.error = std::move(failure->message);
            result.error_value = failure->error_value;
            break;
        }
        for (std::string_view set_cookie : exchange.response.headers_named("Set-Cookie")) {
            jar_.store(*url, set_cookie);
        }
        result.exchanges.push_back(std::move(exchange));
        const Exchange& done = result.exchanges.back();
        auto location = done.response.header("Location");
        if (!follow_redirects || !is_redirect(done.response.status) || !location) {
            break;
        }
        if (redirects >= options.max_redirects) {
            result.outcome = Outcome::too_many_redirects;
            result.error = "more than " + std::to_string(options.max_redirects) +
                           " redirects; the last one to " + std::string(*location);
            break;
        }
        // A Location that is not an http(s) URL (file:, gopher:, javascript:, ...) ends the
        // step with the reason; the 3xx is kept as the last hop.
        RedirectTarget next = redirect_target(done.request.url, *location);
        if (!next.ok()) {
            result.outcome = Outcome::request_error;
            result.error = "the " + std::to_string(done.response.status) +
                           " redirect is not followed: " + next.refused;
            break;
        }
        current = redirected_request(done.request, caller_headers, done.response.status,
                                     std::move(next.url), *url, urls_);
    }
    // The hop that ended last is the end of the fetch (a request that could not be built
    // ends now).
    result.elapsed_ms =
        result.outcome == Outcome::request_error
            ? milliseconds_since(fetch_start)
            : std::chrono::duration<double, std::milli>(last_hop_end - fetch_start).count();
    co_return result;
}

} // namespace logintest::harness::http
