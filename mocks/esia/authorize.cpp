// §13: the authorization endpoint, `GET /aas/oauth2/v2/ac` and the legacy `/aas/oauth2/ac`,
// step by step in the order of ESIA-AC-2 (the first failing step decides the answer): errors
// of steps 1-3 are pages (ESIA-AC-3), later ones redirects (ESIA-AC-4); success stores the
// pending authorization in the ESIA session (ESIA-AC-5) and either shows the login page or
// signs in at once (ESIA-AC-6).
#include "mocks/common/random.hpp"
#include "mocks/common/responses.hpp"
#include "mocks/esia/client_signature.hpp"
#include "mocks/esia/esia_errors.hpp"
#include "mocks/esia/esia_http.hpp"
#include "mocks/esia/handlers.hpp"
#include "mocks/esia/login_flow.hpp"
#include "mocks/esia/scopes.hpp"

namespace logintest::mocks::esia {
namespace {

enum class Protocol { v2, legacy };

Response failure_page(EsiaState& state, EsiaError e) {
    state.counters.add_keyed("ac_errors", error_info(e).code); // MOCK-CP-4
    return error_page(state.texts, e);
}

// ESIA-AC-7: every answer after step 3 goes back to redirect_uri with the request's state.
Response answer_sso(EsiaState& state, const LoginOutcome& outcome) {
    if (outcome.store_full) {
        return common::store_full(); // MOCK-CAP-1
    }
    if (outcome.action == LoginAction::done) {
        return common::redirect(outcome.redirect_url); // ESIA-AC-6: single sign-on
    }
    if (outcome.action == LoginAction::scope_consent) {
        return common::redirect(state.config.public_base_url + "/login/consent");
    }
    return common::redirect(state.config.public_base_url + "/login/");
}

Response authorize(EsiaState& state, const Request& req, Protocol protocol) {
    const auto parsed = common::parse_params(req.query); // GEN-3
    if (!parsed) {
        return failure_page(state, EsiaError::invalid_parameter);
    }
    const common::Params& q = *parsed;
    // GEN-9: a repeated client_id or redirect_uri leaves no redirect target to trust.
    if (q.any_repeated({"client_id", "redirect_uri"})) {
        return failure_page(state, EsiaError::invalid_parameter);
    }
    const std::string client_id(q.value_or_empty("client_id"));
    const std::string redirect_uri(q.value_or_empty("redirect_uri"));

    // Step 1: client_id and redirect_uri present and non-empty.
    if (client_id.empty() || redirect_uri.empty()) {
        return failure_page(state, EsiaError::missing_parameter);
    }
    // Step 2: a registered client.
    const auto client = state.clients.find(client_id);
    if (!client) {
        return failure_page(state, EsiaError::unknown_client);
    }
    // Step 3: a registered redirect_uri (any, with the `skip-redirect-uri-check` defect).
    if (!client->allows_redirect_uri(redirect_uri) &&
        !state.on(common::Defect::skip_redirect_uri_check)) {
        return failure_page(state, EsiaError::redirect_uri_not_registered);
    }

    // From here on errors redirect (ESIA-AC-4) with the state as received (ESIA-AC-7).
    std::optional<std::string> request_state;
    if (const auto s = q.get("state")) {
        request_state = std::string(*s);
    }
    const auto fail = [&](EsiaError e) {
        state.counters.add_keyed("ac_errors", error_info(e).code);
        return error_redirect(redirect_uri, e, request_state);
    };
    // GEN-9: any other parameter repeated.
    if (q.any_repeated({"client_secret", "client_certificate_hash", "scope", "response_type",
                        "state", "timestamp", "access_type", "scope_org"})) {
        return fail(EsiaError::invalid_parameter);
    }
    const auto client_secret = q.value_or_empty("client_secret");
    const auto certificate_hash = q.value_or_empty("client_certificate_hash");
    const auto response_type = q.value_or_empty("response_type");
    const auto timestamp = q.value_or_empty("timestamp");
    const auto scope = q.value_or_empty("scope");
    const auto scope_org = q.value_or_empty("scope_org"); // absent = empty (ESIA-AC-1)
    const std::string state_value = request_state.value_or("");

    // Step 4: the other mandatory parameters (the legacy endpoint has no certificate hash,
    // ESIA-AC-8), and `scope` present.
    if (client_secret.empty() || (protocol == Protocol::v2 && certificate_hash.empty()) ||
        response_type.empty() || state_value.empty() || timestamp.empty() || !q.has("scope")) {
        return fail(EsiaError::missing_parameter);
    }
    // Step 5: scope not empty.
    const auto words = scope_words(scope);
    if (words.empty()) {
        return fail(EsiaError::scope_missing);
    }
    // Step 6: response_type = code.
    if (response_type != "code") {
        return fail(EsiaError::unsupported_response_type);
    }
    // Step 7: openid, and only scopes allowed for the client.
    bool has_openid = false;
    for (const auto& w : words) {
        has_openid = has_openid || w == "openid";
        if (!client->allows_scope(w)) {
            return fail(EsiaError::invalid_scope);
        }
    }
    if (!has_openid) {
        return fail(EsiaError::invalid_scope);
    }
    // Step 8: state is a UUID.
    if (!is_uuid(state_value)) {
        return fail(EsiaError::invalid_parameter);
    }
    // Step 9: timestamp well-formed and within the window (`skip-timestamp-check`: not
    // checked).
    const auto now = state.now();
    if (!state.on(common::Defect::skip_timestamp_check) &&
        !timestamp_in_window(timestamp, now, state.config.timestamp_window_s)) {
        return fail(EsiaError::invalid_timestamp);
    }
    // Step 10: the client's certificate hash (ESIA-SIG-2; not at the legacy endpoint).
    if (protocol == Protocol::v2 && !certificate_hash_matches(*client, certificate_hash)) {
        return fail(EsiaError::client_secret_wrong);
    }
    // Step 11: client_secret verifies (ESIA-SIG-3, -4; legacy: the CMS of ESIA-SIG-5), not
    // checked with the `skip-signature-check` defect.
    if (!state.on(common::Defect::skip_signature_check)) {
        const bool verified =
            protocol == Protocol::v2
                ? raw_secret_verifies(
                      *client, client_secret,
                      ac_message(client_id, scope, scope_org, timestamp, state_value, redirect_uri))
                : cms_secret_verifies(*client, client_secret,
                                      legacy_message(scope, timestamp, client_id, state_value));
        if (!verified) {
            return fail(EsiaError::client_secret_wrong);
        }
    }

    // ESIA-AC-5: the pending authorization, replacing any earlier one in the session.
    PendingAuthorization pending;
    pending.client_id = client_id;
    pending.redirect_uri = redirect_uri;
    pending.scope = std::string(scope);
    pending.state = state_value;
    const auto access_type = q.value_or_empty("access_type");
    pending.access_type = access_type.empty() ? "online" : std::string(access_type);
    pending.created = now;

    // ESIA-AC-5: find the ESIA session of the cookie; ESIA-AC-6: if it is authenticated, the
    // post-authentication steps run at once (single sign-on).
    std::optional<LoginOutcome> sso;
    const auto found =
        with_session(state, req.cookie(session_cookie_name), [&](EsiaSession& session) {
            session.pending = pending;
            if (session.authenticated) {
                sso = post_authentication(state, session, *session.authenticated);
            }
            return true;
        });
    std::optional<std::string> created;
    if (!found) {
        // ESIA-AC-5: or create one, with a new cookie.
        EsiaSession session;
        session.sid = common::random_uuid4();
        session.pending = std::move(pending);
        created = new_session_id();
        if (state.sessions.insert(*created, std::move(session),
                                  now + std::chrono::seconds(state.config.session_idle_s),
                                  now) != SessionStore::Insert::inserted) {
            return common::store_full(); // MOCK-CAP-1
        }
    }
    if (sso && sso->store_full) {
        return common::store_full(); // MOCK-CAP-1: no code could be issued
    }
    state.counters.add("ac_ok");
    // ESIA-AC-6: otherwise the login page.
    Response response =
        sso ? answer_sso(state, *sso) : common::redirect(state.config.public_base_url + "/login/");
    if (created) {
        set_session_cookie(state, response, *created); // MOCK-HOST-6
    }
    return response;
}

} // namespace

Response get_ac_v2(EsiaState& state, const Request& req) {
    return authorize(state, req, Protocol::v2);
}

Response get_ac_legacy(EsiaState& state, const Request& req) {
    return authorize(state, req, Protocol::legacy);
}

} // namespace logintest::mocks::esia
