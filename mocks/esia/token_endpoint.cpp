// §15: the token endpoint, `POST /aas/oauth2/v3/te` and the legacy `/aas/oauth2/te`, step by
// step in the order of ESIA-TE-2 (the first failing step decides the 400 answer of ESIA-TE-6);
// codes are consumed under the code store's lock (ESIA-TE-3, MOCK-HOST-7); success is the
// token set of ESIA-TE-5. The refresh grant of ESIA-TE-8 when `esia.refresh_grant` is on.
#include "mocks/common/issued_secrets.hpp"
#include "mocks/common/random.hpp"
#include "mocks/common/responses.hpp"
#include "mocks/esia/client_signature.hpp"
#include "mocks/esia/esia_errors.hpp"
#include "mocks/esia/esia_http.hpp"
#include "mocks/esia/handlers.hpp"
#include "mocks/esia/jwt.hpp"
#include "mocks/esia/scopes.hpp"

namespace logintest::mocks::esia {
namespace {

enum class Protocol { v3, legacy };

// What step 8 found for the code (or refresh token) of a request.
struct Grant {
    std::string redirect_uri;
    std::string scope;
    TokenSubject subject;
};

// ESIA-TE-2 step 8 and ESIA-TE-3, atomically under the store's lock: an unused, unexpired
// code of this client is consumed now (kept, with the `reusable-code` defect); a code of
// another client is left untouched.
std::optional<Grant> consume_code(EsiaState& state, const std::string& code,
                                  std::string_view client_id) {
    const bool reusable = state.on(common::Defect::reusable_code);
    auto found =
        state.codes.with(code, state.now(), [&](IssuedCode& c, TimePoint&) -> std::optional<Grant> {
            if (c.client_id != client_id || c.consumed) {
                return std::nullopt;
            }
            c.consumed = !reusable;
            return Grant{c.redirect_uri, c.scope,
                         TokenSubject{c.client_id, c.oid, c.auth_time, c.sid, c.scope}};
        });
    if (!found || !*found) {
        return std::nullopt;
    }
    return std::move(**found);
}

// ESIA-TE-8: a refresh token of this client, single-use like a code.
std::optional<Grant> consume_refresh_token(EsiaState& state, const std::string& token,
                                           std::string_view client_id) {
    const auto now = state.now();
    const auto grant = state.refresh_tokens.get(token, now);
    if (!grant || grant->client_id != client_id) {
        return std::nullopt;
    }
    if (!state.refresh_tokens.take(token, now)) {
        return std::nullopt; // raced with another request
    }
    return Grant{
        grant->redirect_uri, grant->scope,
        TokenSubject{grant->client_id, grant->oid, grant->auth_time, grant->sid, grant->scope}};
}

Response fail(EsiaState& state, EsiaError e, std::string_view request_state) {
    state.counters.add_keyed("te_errors", error_info(e).code); // MOCK-CP-4
    return te_error(e, request_state);
}

Response token(EsiaState& state, const Request& req, Protocol protocol) {
    // GEN-9: a form body with each parameter once; refused without side effects.
    const auto form = form_params(req, {"client_id", "code", "grant_type", "client_secret",
                                        "client_certificate_hash", "state", "redirect_uri", "scope",
                                        "timestamp", "token_type", "scope_org", "refresh_token"});
    if (!form) {
        const auto loose = common::parse_params(req.body);
        return fail(state, EsiaError::invalid_parameter,
                    loose ? loose->value_or_empty("state") : std::string_view{});
    }
    const auto v = [&](std::string_view name) { return form->value_or_empty(name); };
    const std::string_view request_state = v("state");
    const std::string_view client_id = v("client_id");
    const std::string_view grant_type = v("grant_type");
    const bool refresh = grant_type == "refresh_token" && state.config.refresh_grant;
    const std::string_view code = refresh ? v("refresh_token") : v("code");

    // Step 1: every parameter of ESIA-TE-1 but scope_org present and non-empty (the legacy
    // endpoint has no client_certificate_hash, ESIA-TE-7; a refresh grant has refresh_token
    // instead of code, ESIA-TE-8).
    for (const std::string_view name : {"client_id", "grant_type", "client_secret", "state",
                                        "redirect_uri", "scope", "timestamp", "token_type"}) {
        if (v(name).empty()) {
            return fail(state, EsiaError::missing_parameter, request_state);
        }
    }
    if (code.empty() || (protocol == Protocol::v3 && v("client_certificate_hash").empty())) {
        return fail(state, EsiaError::missing_parameter, request_state);
    }
    // Step 2: a supported grant type.
    if (grant_type != "authorization_code" && !refresh) {
        return fail(state, EsiaError::unsupported_grant_type, request_state);
    }
    // Step 3: a registered client.
    const auto client = state.clients.find(client_id);
    if (!client) {
        return fail(state, EsiaError::unknown_client, request_state);
    }
    // Step 4: the certificate hash (ESIA-SIG-2; not at the legacy endpoint).
    if (protocol == Protocol::v3 &&
        !certificate_hash_matches(*client, v("client_certificate_hash"))) {
        return fail(state, EsiaError::client_secret_wrong, request_state);
    }
    // Step 5: the timestamp as at ac (not checked with `skip-timestamp-check`).
    const auto now = state.now();
    if (!state.on(common::Defect::skip_timestamp_check) &&
        !timestamp_in_window(v("timestamp"), now, state.config.timestamp_window_s)) {
        return fail(state, EsiaError::invalid_timestamp, request_state);
    }
    // Step 6: client_secret over the v3/te message (ESIA-SIG-4; legacy: the CMS of
    // ESIA-SIG-5 over the te request's own state), not checked with `skip-signature-check`.
    if (!state.on(common::Defect::skip_signature_check)) {
        bool verified = false;
        if (protocol == Protocol::legacy) {
            verified = cms_secret_verifies(
                *client, v("client_secret"),
                legacy_message(v("scope"), v("timestamp"), client_id, request_state));
        } else if (refresh) {
            verified =
                raw_secret_verifies(*client, v("client_secret"),
                                    ac_message(client_id, v("scope"), v("scope_org"),
                                               v("timestamp"), request_state, v("redirect_uri")));
        } else {
            verified = raw_secret_verifies(*client, v("client_secret"),
                                           te_message(client_id, v("scope"), v("scope_org"),
                                                      v("timestamp"), request_state,
                                                      v("redirect_uri"), code));
        }
        if (!verified) {
            return fail(state, EsiaError::client_secret_wrong, request_state);
        }
    }
    // Step 7: state is a UUID and token_type is Bearer.
    if (!is_uuid(request_state) || v("token_type") != "Bearer") {
        return fail(state, EsiaError::invalid_parameter, request_state);
    }
    // Step 8: the code exists, is unused, unexpired and this client's; consumed here
    // (ESIA-TE-3), whatever steps 9-10 decide.
    const auto grant = refresh ? consume_refresh_token(state, std::string(code), client_id)
                               : consume_code(state, std::string(code), client_id);
    if (!grant) {
        return fail(state, EsiaError::invalid_grant, request_state);
    }
    // Step 9: the redirect_uri of the authorization request.
    if (v("redirect_uri") != grant->redirect_uri) {
        return fail(state, EsiaError::invalid_grant, request_state);
    }
    // Step 10: the same scope, as a set of words.
    if (!same_scope_set(v("scope"), grant->scope)) {
        return fail(state, EsiaError::invalid_scope, request_state);
    }
    const auto account = state.accounts.by_oid(grant->subject.oid);
    if (!account) {
        return fail(state, EsiaError::invalid_grant, request_state);
    }

    // ESIA-TE-5, ESIA-JWT-8: the token set; the refresh token is kept only when the refresh
    // grant is on.
    const std::string refresh_token = common::random_b64url(32);
    common::issued_secret("refresh_token", refresh_token);
    if (state.config.refresh_grant) {
        RefreshGrant keep{grant->subject.client_id, grant->redirect_uri,      grant->scope,
                          grant->subject.oid,       grant->subject.auth_time, grant->subject.sid};
        if (state.refresh_tokens.insert(refresh_token, std::move(keep),
                                        now + std::chrono::seconds(30LL * 24 * 3600),
                                        now) == RefreshStore::Insert::full) {
            return common::store_full(); // MOCK-CAP-1
        }
    }
    boost::json::object body;
    body["access_token"] = make_access_token(state, grant->subject, now);
    body["id_token"] = make_id_token(state, *account, grant->subject, now);
    body["refresh_token"] = refresh_token;
    // The token request's state (a new random one with `token-state-not-echoed`).
    body["state"] = state.on(common::Defect::token_state_not_echoed) ? common::random_uuid4()
                                                                     : std::string(request_state);
    body["token_type"] = "Bearer";
    body["expires_in"] = state.config.token_ttl_s;
    auto response = common::json(200, body);
    if (!state.on(common::Defect::token_no_store_missing)) {
        response.add_header("Cache-Control", "no-store");
        response.add_header("Pragma", "no-cache");
    }
    state.counters.add("te_ok");
    return response;
}

} // namespace

Response post_te_v3(EsiaState& state, const Request& req) {
    return token(state, req, Protocol::v3);
}

Response post_te_legacy(EsiaState& state, const Request& req) {
    return token(state, req, Protocol::legacy);
}

} // namespace logintest::mocks::esia
