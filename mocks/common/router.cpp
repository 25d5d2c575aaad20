// GEN-5 routing (router.hpp).
#include "mocks/common/router.hpp"

#include "mocks/common/responses.hpp"
#include "support/url/percent.hpp"

#include <algorithm>
#include <optional>

namespace logintest::mocks::common {
namespace {

// "/a/b/" -> {"a", "b", ""}: a trailing slash is a segment of its own, so "/x" != "/x/".
std::vector<std::string_view> split_path(std::string_view path) {
    std::vector<std::string_view> out;
    if (path.empty() || path.front() != '/') {
        return out;
    }
    path.remove_prefix(1);
    while (true) {
        const auto slash = path.find('/');
        out.push_back(path.substr(0, slash));
        if (slash == std::string_view::npos) {
            break;
        }
        path.remove_prefix(slash + 1);
    }
    return out;
}

bool is_placeholder(std::string_view segment) {
    return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

// The decoded placeholder values if `route` matches the raw segments.
std::optional<std::vector<std::pair<std::string, std::string>>>
match_segments(const std::vector<std::string>& route, const std::vector<std::string_view>& path) {
    if (route.size() != path.size()) {
        return std::nullopt;
    }
    std::vector<std::pair<std::string, std::string>> params;
    for (std::size_t i = 0; i < route.size(); ++i) {
        auto decoded = support::percent_decode(path[i], false);
        if (!decoded) {
            return std::nullopt;
        }
        if (is_placeholder(route[i])) {
            if (decoded->empty()) {
                return std::nullopt;
            }
            params.emplace_back(route[i].substr(1, route[i].size() - 2), std::move(*decoded));
        } else if (*decoded != route[i]) {
            return std::nullopt;
        }
    }
    return params;
}

} // namespace

void Router::add(std::string method, std::string_view pattern, Handler handler) {
    Route route;
    route.method = std::move(method);
    for (const auto segment : split_path(pattern)) {
        route.segments.emplace_back(segment);
    }
    route.handler = std::move(handler);
    routes_.push_back(std::move(route));
}

Router::Match Router::match(std::string_view method, std::string_view raw_path) const {
    Match result;
    const auto segments = split_path(raw_path);
    std::vector<std::string> allowed;
    for (const auto& route : routes_) {
        auto params = match_segments(route.segments, segments);
        if (!params) {
            continue;
        }
        if (route.method == method && result.handler == nullptr) {
            result.handler = &route.handler;
            result.params = std::move(*params);
        }
        if (std::find(allowed.begin(), allowed.end(), route.method) == allowed.end()) {
            allowed.push_back(route.method);
        }
    }
    std::sort(allowed.begin(), allowed.end());
    for (const auto& m : allowed) {
        if (!result.allow.empty()) {
            result.allow += ", ";
        }
        result.allow += m;
    }
    return result;
}

void Router::dispatch(Request& req, Responder respond) const {
    auto found = match(req.method, req.path);
    if (found.handler != nullptr) {
        req.path_params = std::move(found.params);
        (*found.handler)(req, std::move(respond));
        return;
    }
    if (found.allow.empty()) {
        respond(message(404, "Not Found")); // GEN-5: unknown path
        return;
    }
    Response r = message(405, "Method Not Allowed"); // GEN-5: known path, wrong method
    r.add_header("Allow", found.allow);
    respond(std::move(r));
}

} // namespace logintest::mocks::common
