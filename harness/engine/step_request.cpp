// Builds a step's request from its templates (see step_request.hpp).
#include "harness/engine/step_request.hpp"

#include "harness/http/url.hpp"
#include "support/url/percent.hpp"

namespace logintest::harness::engine {

namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

// Expands named templates into pairs; the first expansion error, if any.
std::optional<std::string> expand_pairs(const std::vector<model::NamedTemplate>& named,
                                        const JourneyState& state, Pairs& pairs) {
    std::string text;
    for (const auto& n : named) {
        if (auto error = expand_into(n.value, state, text)) {
            return error;
        }
        pairs.emplace_back(n.name, text);
    }
    return std::nullopt;
}

// The headers, then the body: a <form> (url-encoded, with its Content-Type unless the step
// sets one) or a raw body. `pairs` is the caller's (empty) buffer, reused.
std::optional<std::string> add_headers_and_body(const model::Step& step, const JourneyState& state,
                                                http::Request& request, Pairs& pairs) {
    std::string text;
    bool has_content_type = false;
    for (const auto& h : step.headers) {
        if (auto error = expand_into(h.value, state, text)) {
            return error;
        }
        has_content_type = has_content_type || h.name == "Content-Type";
        request.headers.push_back({h.name, text});
    }
    if (!step.form.empty()) {
        if (auto error = expand_pairs(step.form, state, pairs)) {
            return error;
        }
        request.body = support::form_encode(pairs);
        if (!has_content_type) {
            request.headers.push_back({"Content-Type", "application/x-www-form-urlencoded"});
        }
    } else if (step.body) {
        return expand_into(*step.body, state, request.body);
    }
    return std::nullopt;
}

} // namespace

std::variant<http::Request, BuildError> build_request(const model::Step& step,
                                                      const JourneyState& state) {
    http::Request request;
    request.method = step.method;
    if (auto error = expand_into(step.url, state, request.url)) {
        return explain(*error, state);
    }
    Pairs pairs;
    if (auto error = expand_pairs(step.query, state, pairs)) {
        return explain(*error, state);
    }
    if (!pairs.empty()) {
        request.url = http::append_query(request.url, pairs);
    }
    pairs.clear();
    if (auto error = add_headers_and_body(step, state, request, pairs)) {
        return explain(*error, state);
    }
    return request;
}

} // namespace logintest::harness::engine
