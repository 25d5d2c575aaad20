// §14.2: the JSON login API the real ESIA page calls, `POST /aas/oauth2/api/login`
// (ESIA-LOGIN-4..6). The state machine itself is in password_login.cpp.
#include "mocks/common/responses.hpp"
#include "mocks/esia/esia_http.hpp"
#include "mocks/esia/handlers.hpp"
#include "mocks/esia/login_flow.hpp"

namespace logintest::mocks::esia {

Response post_api_login(EsiaState& state, const Request& req) {
    // GEN-9: no query parameters are taken; ESIA-LOGIN-4: the body is a JSON object.
    std::optional<Response> error;
    if (!query_params(req, {})) {
        return api_bad_request();
    }
    const auto body = api_body(req, false, error);
    if (!body) {
        return std::move(*error);
    }

    // ESIA-LOGIN-4: {"login","password","idType"?,"foreign_computer"?}; fields of the wrong
    // type make the body unusable.
    LoginInput input;
    const auto string_field = [&](std::string_view name, std::string& out) {
        const auto* v = body->if_contains(name);
        if (v == nullptr || v->is_null()) {
            return true;
        }
        if (!v->is_string()) {
            return false;
        }
        out = std::string(v->get_string());
        return true;
    };
    std::string id_type;
    if (!string_field("login", input.login) || !string_field("password", input.password) ||
        !string_field("idType", id_type)) {
        return api_not_json();
    }
    if (!id_type.empty()) {
        input.id_type = std::move(id_type);
    }
    if (const auto* fc = body->if_contains("foreign_computer"); fc != nullptr && !fc->is_null()) {
        if (fc->is_bool()) {
            input.foreign_computer = fc->get_bool();
        } else if (fc->is_string()) {
            input.foreign_computer = fc->get_string() == "on" || fc->get_string() == "true";
        } else {
            return api_not_json();
        }
    }

    // ESIA-LOGIN-5, -6: 200 with the action or the failure.
    return outcome_response(state,
                            run_password_login(state, req.cookie(session_cookie_name), input));
}

} // namespace logintest::mocks::esia
