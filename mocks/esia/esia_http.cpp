// esia HTTP conventions (esia_http.hpp).
#include "mocks/esia/esia_http.hpp"
#include "mocks/common/issued_secrets.hpp"

#include "mocks/common/random.hpp"
#include "mocks/common/responses.hpp"
#include "mocks/esia/json_keys.hpp"

#include <boost/json/parse.hpp>

namespace logintest::mocks::esia {

std::string new_session_id() {
    return common::issued_secret("ESIA_SESSION", common::random_b64url(32));
}

void set_session_cookie(const EsiaState& state, Response& response, const std::string& value) {
    common::add_cookie(response,
                       {std::string(session_cookie_name), value, std::nullopt, state.config.tls});
}

void clear_session_cookie(const EsiaState& state, Response& response) {
    common::add_cookie(response, {std::string(session_cookie_name), "", 0, state.config.tls});
}

std::optional<std::string> rotate_session(EsiaState& state, const std::string& session_id) {
    const auto now = state.now();
    auto session = state.sessions.take(session_id, now);
    if (!session) {
        return std::nullopt;
    }
    const auto expires = now + std::chrono::seconds(state.config.session_idle_s);
    std::string fresh = new_session_id();
    if (state.sessions.insert(fresh, *session, expires, now) == SessionStore::Insert::inserted) {
        return fresh;
    }
    // Filled up meanwhile: keep the old value rather than lose the session.
    state.sessions.insert(session_id, std::move(*session), expires, now);
    return std::nullopt;
}

std::optional<common::Params> query_params(const Request& req,
                                           std::initializer_list<std::string_view> once) {
    auto parsed = common::parse_params(req.query); // GEN-3
    if (!parsed || parsed->any_repeated(once)) {
        return std::nullopt; // GEN-9
    }
    return std::move(*parsed);
}

std::optional<common::Params> form_params(const Request& req,
                                          std::initializer_list<std::string_view> once) {
    if (req.header("content-type") || !req.body.empty()) {
        if (req.media_type() != "application/x-www-form-urlencoded") {
            return std::nullopt; // GEN-9: e.g. JSON sent to a form endpoint
        }
    }
    auto parsed = common::parse_params(req.body);
    if (!parsed || parsed->any_repeated(once)) {
        return std::nullopt;
    }
    return std::move(*parsed);
}

Response api_bad_request() {
    return common::json_text(400, R"({"failed":"BAD_REQUEST"})");
}

Response api_not_json() {
    return common::json_text(400, R"({"error":"bad_request"})");
}

std::optional<boost::json::object> api_body(const Request& req, bool empty_ok,
                                            std::optional<Response>& error) {
    if (req.body.empty() && empty_ok) {
        if (req.header("content-type") && req.media_type() != "application/json") {
            error = api_bad_request(); // GEN-9
            return std::nullopt;
        }
        return boost::json::object{};
    }
    if (req.header("content-type") && req.media_type() != "application/json") {
        error = api_bad_request(); // GEN-9: e.g. a form sent to the JSON API
        return std::nullopt;
    }
    boost::system::error_code ec;
    auto value = boost::json::parse(req.body, ec);
    if (ec || !value.is_object()) {
        error = api_not_json(); // ESIA-LOGIN-4
        return std::nullopt;
    }
    if (has_repeated_top_level_key(req.body)) {
        error = api_bad_request(); // GEN-9: a member given twice
        return std::nullopt;
    }
    return std::move(value.as_object());
}

} // namespace logintest::mocks::esia
