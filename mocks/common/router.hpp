// Router: maps (method, path) to a Handler. Patterns are exact paths whose segments may be
// `{name}` placeholders (one whole segment, percent-decoded into Request::path_params).
// GEN-5: an unknown path answers 404, a known path with another method 405 with `Allow`.
// Routes are added before the server starts; dispatch() is then const and thread-safe.
#pragma once

#include "mocks/common/handler.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace logintest::mocks::common {

class Router {
public:
    // Adds a route; `pattern` starts with '/' (e.g. "/mock/admin/users/{login}").
    void add(std::string method, std::string_view pattern, Handler handler);

    struct Match {
        const Handler* handler = nullptr; // null: no route for this method
        std::vector<std::pair<std::string, std::string>> params;
        std::string allow; // methods of the path, "GET, POST" (empty if the path is unknown)
    };
    Match match(std::string_view method, std::string_view raw_path) const;

    // Runs the matching handler with req.path_params set, or answers 404 / 405 itself.
    void dispatch(Request& req, Responder respond) const;

private:
    struct Route {
        std::string method;
        std::vector<std::string> segments; // "{name}" marks a placeholder
        Handler handler;
    };
    std::vector<Route> routes_;
};

} // namespace logintest::mocks::common
