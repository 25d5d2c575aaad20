// §14.6: consent. ESIA-LOGIN-25 decisions through the JSON API
// (`/aas/oauth2/api/scope/allow|deny`) and the page `/login/consent` (ESIA-LOGIN-26).
#include "mocks/common/responses.hpp"
#include "mocks/esia/esia_errors.hpp"
#include "mocks/esia/esia_http.hpp"
#include "mocks/esia/handlers.hpp"
#include "mocks/esia/login_flow.hpp"
#include "mocks/esia/login_pages.hpp"
#include "mocks/esia/scopes.hpp"
#include "mocks/esia/xhtml.hpp"

#include <set>

namespace logintest::mocks::esia {
namespace {

namespace k = text_keys;

LoginOutcome decide_locked(EsiaState& state, EsiaSession& session, bool allow) {
    // A decision needs a pending authorization waiting for consent (ESIA-LOGIN-24).
    if (!has_valid_pending(session, state.config, state.now()) || !session.pending->subject) {
        return LoginOutcome::failure("SESSION_EXPIRED");
    }
    const Subject subject = *session.pending->subject;
    const PendingAuthorization& pending = *session.pending;
    if (!allow) {
        // ESIA-LOGIN-25: deny -> DONE with access_denied / ESIA-007004, state unchanged.
        LoginOutcome o;
        o.action = LoginAction::done;
        o.redirect_url =
            error_redirect_url(pending.redirect_uri, EsiaError::access_denied, pending.state);
        session.pending.reset();
        return o;
    }
    // ESIA-LOGIN-25: allow -> the grant is recorded for good, then ESIA-LOGIN-7 step 3.
    const auto scopes = scopes_without_openid(pending.scope);
    state.accounts.grant(subject.oid, pending.client_id,
                         std::set<std::string>(scopes.begin(), scopes.end()));
    return issue_code(state, session, subject);
}

struct ConsentView {
    std::string client_name;
    std::vector<std::string> scopes;
};

// ESIA-LOGIN-26.
Response consent_page(const EsiaState& state, const ConsentView& view) {
    const auto& t = state.texts;
    std::string b = "<h1 id=\"consent-title\">" + xml_escape(t.get(k::consent_title)) + "</h1>\n";
    b += "<p id=\"consent-client\">" + xml_escape(view.client_name) + "</p>\n";
    b += "<ul id=\"consent-scopes\">\n";
    for (const auto& s : view.scopes) {
        b += "<li>" + xml_escape(EsiaTexts::scope_description(s)) + "</li>\n";
    }
    b += "</ul>\n<form id=\"consent-form\" method=\"post\" action=\"" +
         xml_escape(state.config.public_base_url + "/login/consent") + "\">\n";
    b += "<button id=\"grantAuthorization\" type=\"submit\" name=\"decision\" value=\"allow\">" +
         xml_escape(t.get(k::consent_allow)) + "</button>\n";
    b += "<button id=\"denyAuthorization\" type=\"submit\" name=\"decision\" value=\"deny\">" +
         xml_escape(t.get(k::consent_deny)) + "</button>\n</form>";
    return common::html(200, xhtml_page(t.get(k::title), b));
}

Response api_decision(EsiaState& state, const Request& req, bool allow) {
    // GEN-9: no query parameters are taken; the body is empty or a JSON object.
    std::optional<Response> error;
    if (!query_params(req, {})) {
        return api_bad_request();
    }
    if (!api_body(req, true, error)) {
        return std::move(*error);
    }
    return outcome_response(state,
                            run_scope_decision(state, req.cookie(session_cookie_name), allow));
}

} // namespace

LoginOutcome run_scope_decision(EsiaState& state, const std::optional<std::string>& session_id,
                                bool allow) {
    auto outcome = with_session(state, session_id, [&](EsiaSession& session) {
        return decide_locked(state, session, allow);
    });
    LoginOutcome result = outcome ? std::move(*outcome) : LoginOutcome::failure("SESSION_EXPIRED");
    finish_outcome(state, session_id, result);
    return result;
}

Response post_api_scope_allow(EsiaState& state, const Request& req) {
    return api_decision(state, req, true);
}

Response post_api_scope_deny(EsiaState& state, const Request& req) {
    return api_decision(state, req, false);
}

Response get_consent_page(EsiaState& state, const Request& req) {
    const auto view = with_session(
        state, req.cookie(session_cookie_name), [&](EsiaSession& s) -> std::optional<ConsentView> {
            if (!has_valid_pending(s, state.config, state.now()) || !s.pending->subject) {
                return std::nullopt;
            }
            const auto client = state.clients.find(s.pending->client_id);
            return ConsentView{client ? client->name : s.pending->client_id,
                               scopes_without_openid(s.pending->scope)};
        });
    if (!view || !*view) {
        return login_page(state, false, "", state.texts.get(k::session_expired));
    }
    return consent_page(state, **view);
}

Response post_consent_page(EsiaState& state, const Request& req) {
    const auto form = form_params(req, {"decision"});
    const auto decision = form ? form->value_or_empty("decision") : std::string_view{};
    if (!form || (decision != "allow" && decision != "deny")) {
        return error_page(state.texts, EsiaError::invalid_parameter); // GEN-9
    }
    const auto outcome =
        run_scope_decision(state, req.cookie(session_cookie_name), decision == "allow");
    if (outcome.action || outcome.store_full) {
        return outcome_redirect(state, outcome);
    }
    return login_page(state, false, "", state.texts.get(k::session_expired));
}

} // namespace logintest::mocks::esia
