// §10.2: `GET /webapi/sso/esia/callback`, where esia returns the browser (NS-ESIA-7..17).
// Steps 1-3 run at once; step 4, the token exchange, is a real HTTP request to esia through
// the backchannel (MOCK-HOST-4), so the handler is asynchronous: it keeps the Responder and
// answers from the backchannel's thread when the exchange completes (steps 5-8). Every
// failure is a 302 to `<asurso>/app/login?esiaError=<code>`; the callback never opens a
// session and never sets ESRNSec (NS-ESIA-15). Codes, tokens and secrets are never logged.
#include "mocks/asurso/esia_client_signing.hpp"
#include "mocks/asurso/handlers.hpp"
#include "mocks/asurso/id_token_validation.hpp"
#include "mocks/asurso/login_state.hpp"
#include "mocks/asurso/login_success.hpp"
#include "mocks/asurso/webapi_params.hpp"
#include "mocks/common/issued_secrets.hpp"
#include "mocks/common/responses.hpp"
#include "support/url/percent.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <memory>
#include <vector>

namespace logintest::mocks::asurso {
namespace {

using SharedResponder = std::shared_ptr<common::Responder>;

// What the asynchronous steps need from the request (the Request itself dies with the answer).
struct CallbackContext {
    std::string nssessionid;
    PreSessionRef new_presession;     // only under skip-state-check without a known session
    std::string reserved_login_state; // NS-ESIA-6
    std::string te_state;             // NS-ESIA-11: the token request's own state
};

// NS-ESIA-8..17: 302 to `<asurso>/app/login?esiaError=<code>`.
Response esia_error(const AsursoState& state, std::string_view code) {
    return common::redirect(state.config.public_base_url +
                            "/app/login?esiaError=" + std::string(code));
}

// MOCK-HOST-4: the Host header of <esia>: its base URL without scheme and path.
std::string esia_authority(const AsursoState& state) {
    std::string_view url = state.config.esia_public_base_url;
    if (const auto scheme = url.find("://"); scheme != std::string_view::npos) {
        url.remove_prefix(scheme + 3);
    }
    return std::string(url.substr(0, url.find('/')));
}

// NS-ESIA-8, NS-ESIA-3: takes `value` from the pending states of the session (consumed
// whatever the later steps give) and returns it if it was unexpired.
std::optional<PendingEsiaState> take_pending_state(AsursoState& state,
                                                   const std::optional<std::string>& nssessionid,
                                                   std::string_view value) {
    if (!nssessionid || value.empty()) {
        return std::nullopt;
    }
    const auto now = state.now();
    const auto ttl = std::chrono::seconds(state.config.esia_client.state_ttl_s);
    const auto idle = std::chrono::seconds(state.config.presession_idle_s);
    const auto taken = state.presessions.with(
        *nssessionid, now, [&](PreSession& p, auto& expires_at) -> std::optional<PendingEsiaState> {
            expires_at = now + idle; // NS-LOGIN-5: a request renews the pre-login session
            const auto it =
                std::find_if(p.esia_states.begin(), p.esia_states.end(),
                             [&](const PendingEsiaState& s) { return s.state == value; });
            if (it == p.esia_states.end()) {
                return std::nullopt;
            }
            PendingEsiaState pending = std::move(*it);
            p.esia_states.erase(it); // MOCK-HOST-7: usable once
            if (now >= pending.issued_at + ttl) {
                return std::nullopt;
            }
            return pending;
        });
    return taken ? *taken : std::nullopt;
}

// NS-ESIA-9: the error code of an ESIA error redirect.
std::string_view code_of_esia_error(std::string_view description) {
    if (description.starts_with("ESIA-007004")) {
        return "esia_denied";
    }
    if (description.starts_with("ESIA-007055")) {
        return "unconfirmed_account";
    }
    return "esia_error";
}

struct TokenSet {
    std::string id_token;
    std::string access_token;
};

// NS-ESIA-11: a 200 JSON object with id_token, access_token, token_type Bearer and the
// token request's own state; anything else is a token_error.
std::optional<TokenSet> read_token_response(const BackchannelResponse& res,
                                            std::string_view te_state) {
    if (res.error || res.status != 200) {
        return std::nullopt;
    }
    boost::system::error_code ec;
    const auto value = boost::json::parse(res.body, ec);
    if (ec || !value.is_object()) {
        return std::nullopt;
    }
    const auto& o = value.get_object();
    auto str = [&](std::string_view key) -> std::optional<std::string_view> {
        const auto* v = o.if_contains(key);
        if (v == nullptr || !v->is_string()) {
            return std::nullopt;
        }
        return std::string_view(v->get_string());
    };
    const auto id_token = str("id_token");
    const auto access_token = str("access_token");
    if (!id_token || id_token->empty() || !access_token || access_token->empty() ||
        str("token_type") != std::optional<std::string_view>("Bearer") ||
        str("state") != std::optional<std::string_view>(te_state)) {
        return std::nullopt;
    }
    return TokenSet{std::string(*id_token), std::string(*access_token)};
}

// Sets the NSSESSIONID cookie of a pre-login session made by this callback (skip-state-check).
Response finish(const AsursoState& state, const CallbackContext& ctx, Response r) {
    set_presession_cookie(state, r, ctx.new_presession);
    return r;
}

// MOCK-DEF skip-binding-prompt (violates NS-ESIA-15): the user with the ESIA person's last
// and first name, else the first fixture user, logged in straight away: the NS-LOGIN-22
// session cookies on a 302 to /app/school/main/.
Response skip_binding_prompt_login(AsursoState& state, const CallbackContext& ctx,
                                   const BackchannelResponse& person) {
    std::string last_name, first_name;
    if (!person.error && person.status == 200) {
        boost::system::error_code ec;
        const auto value = boost::json::parse(person.body, ec);
        if (!ec && value.is_object()) {
            const auto& o = value.get_object();
            if (const auto* v = o.if_contains("lastName"); v && v->is_string()) {
                last_name = std::string(v->get_string());
            }
            if (const auto* v = o.if_contains("firstName"); v && v->is_string()) {
                first_name = std::string(v->get_string());
            }
        }
    }
    const auto users = state.users.all();
    if (users.empty()) {
        return esia_error(state, "esia_error");
    }
    const UserRecord* chosen = &users.front();
    for (const auto& u : users) {
        if (!last_name.empty() && u.last_name == last_name && u.first_name == first_name) {
            chosen = &u;
            break;
        }
    }
    Response login =
        complete_login(state, LoginGrant{*chosen, std::nullopt, ctx.nssessionid, false});
    if (login.status != 200) {
        return login; // MOCK-CAP-1
    }
    Response r = common::redirect(state.config.public_base_url + "/app/school/main/");
    for (const auto cookie : login.headers_named("Set-Cookie")) {
        r.add_header("Set-Cookie", std::string(cookie));
    }
    return r;
}

// NS-ESIA-12..14 after a usable token response (on the backchannel's thread).
void after_tokens(AsursoState& state, const CallbackContext& ctx, const TokenSet& tokens,
                  const SharedResponder& respond) {
    const auto& cfg = state.config.esia_client;
    // NS-ESIA-12: ESIA-JWT-7 with asurso's client_id as audience and the configured skew.
    std::string error;
    const auto esia_cert = state.sso.keys.esia_certificate(error);
    if (!esia_cert) {
        return (*respond)(finish(state, ctx, esia_error(state, "id_token_invalid")));
    }
    IdTokenExpectations expect;
    expect.esia_certificate = esia_cert.get();
    expect.alg = cfg.jwt_alg.empty() ? jwt_alg_for(state.config.crypto_profile) : cfg.jwt_alg;
    expect.issuer = cfg.issuer;
    expect.audience = cfg.client_id;
    expect.now = state.now();
    expect.skew = std::chrono::seconds(cfg.id_token_skew_s);
    const auto checked = validate_id_token(tokens.id_token, expect);
    if (!checked.claims) {
        return (*respond)(finish(state, ctx, esia_error(state, "id_token_invalid")));
    }
    const auto& claims = *checked.claims;

    // NS-ESIA-13 step 6, NS-AGE-5: an ESIA child account is refused before any loginState
    // (MOCK-DEF accept-child-account: accepted).
    if (claims.lvl == "KD" && !state.defects.on(common::Defect::accept_child_account)) {
        return (*respond)(finish(state, ctx, esia_error(state, "child_account")));
    }
    // NS-ESIA-13 step 7: an unconfirmed account when trust is required.
    if (cfg.require_trusted && !claims.trusted) {
        return (*respond)(finish(state, ctx, esia_error(state, "unconfirmed_account")));
    }

    // MOCK-DEF skip-binding-prompt: an unbound account logs straight in. The person's
    // names come from /rs/prns (MOCK-HOST-4) with the access token.
    if (state.defects.on(common::Defect::skip_binding_prompt) &&
        state.users.users_bound_to(claims.oid).empty()) {
        BackchannelRequest prns;
        prns.method = "GET";
        prns.target = "/rs/prns/" + std::to_string(claims.oid);
        prns.host = esia_authority(state);
        prns.headers.push_back({"Authorization", "Bearer " + tokens.access_token});
        state.sso.backchannel.send(
            cfg.backchannel_url, std::move(prns),
            std::chrono::milliseconds(cfg.backchannel_timeout_ms),
            [&state, ctx, respond](const BackchannelResponse& person) {
                (*respond)(finish(state, ctx, skip_binding_prompt_login(state, ctx, person)));
            });
        return;
    }

    // NS-ESIA-14 step 8: a new loginState {oid, trusted, NSSESSIONID, issued_at}.
    const auto uuid = create_login_state(state, claims.oid, claims.trusted, ctx.nssessionid,
                                         ctx.reserved_login_state);
    if (!uuid) {
        return (*respond)(finish(state, ctx, common::store_full())); // MOCK-CAP-1
    }
    state.counters.add("login_states_created"); // MOCK-CP-4
    // NS-ESIA-14: 302 to <asurso>/app/login?loginState=<uuid>; NS-ESIA-15: no ESRNSec.
    (*respond)(
        finish(state, ctx,
               common::redirect(state.config.public_base_url + "/app/login?loginState=" + *uuid)));
}

} // namespace

void get_esia_callback(AsursoState& state, const Request& req, common::Responder respond) {
    state.counters.add("esia_callbacks"); // MOCK-CP-4
    // GEN-9: each parameter at most once.
    const auto query = query_params(req, {"code", "state", "error", "error_description"});
    if (!query) {
        return respond(bad_request());
    }

    // NS-ESIA-8 step 1: a pending, unused, unexpired state of this NSSESSIONID, consumed now
    // whatever the later steps give; else state_mismatch and no token request.
    CallbackContext ctx;
    const auto cookie = req.cookie(presession_cookie);
    const auto pending = take_pending_state(state, cookie, query->value_or_empty("state"));
    if (pending) {
        ctx.nssessionid = *cookie;
        ctx.reserved_login_state = pending->reserved_login_state;
    } else if (state.defects.on(common::Defect::skip_state_check)) {
        // MOCK-DEF skip-state-check (violates NS-ESIA-8): any state goes on, in the
        // request's pre-login session (a new one if it has none).
        ctx.new_presession = ensure_presession(state, req);
        if (ctx.new_presession.full) {
            return respond(common::store_full());
        }
        ctx.nssessionid = ctx.new_presession.id;
    } else {
        state.counters.add("esia_state_mismatch"); // MOCK-CP-4
        return respond(esia_error(state, "state_mismatch"));
    }

    // NS-ESIA-9 step 2: an ESIA error redirect.
    if (query->has("error")) {
        return respond(finish(
            state, ctx,
            esia_error(state, code_of_esia_error(query->value_or_empty("error_description")))));
    }
    // NS-ESIA-10 step 3: a code is required.
    const std::string code(query->value_or_empty("code"));
    if (code.empty()) {
        return respond(finish(state, ctx, esia_error(state, "esia_error")));
    }

    // NS-ESIA-11 step 4: the token request of ESIA-TE-1, signed with asurso's client key,
    // with a new UUID state of its own.
    std::string key_error;
    const auto client = state.sso.keys.client(key_error);
    if (!client) {
        return respond(finish(state, ctx, esia_error(state, "token_error")));
    }
    const auto& cfg = state.config.esia_client;
    const bool legacy = cfg.protocol == "legacy"; // NS-ESIA-4, ESIA-TE-7
    SignedRequestFields f =
        new_signed_request(cfg.client_id, cfg.scope, state.now(),
                           state.config.public_base_url + "/webapi/sso/esia/callback");
    f.code = code;
    ctx.te_state = f.state;
    const std::string secret = legacy ? legacy_client_secret(client->pair, legacy_message(f))
                                      : v2_client_secret(client->pair.key, v3_te_message(f));
    common::issued_secret("client_secret", secret);
    std::vector<std::pair<std::string_view, std::string_view>> fields{
        {"client_id", f.client_id},
        {"code", f.code},
        {"grant_type", "authorization_code"},
        {"client_secret", secret},
        {"state", f.state},
        {"redirect_uri", f.redirect_uri},
        {"scope", f.scope},
        {"timestamp", f.timestamp},
        {"token_type", "Bearer"}};
    if (!legacy) {
        fields.emplace_back("client_certificate_hash", client->certificate_hash);
    }
    BackchannelRequest te;
    te.method = "POST";
    te.target = legacy ? "/aas/oauth2/te" : "/aas/oauth2/v3/te";
    te.host = esia_authority(state); // MOCK-HOST-4: the Host header of <esia>
    te.headers.push_back({"Content-Type", "application/x-www-form-urlencoded"});
    te.body = support::form_encode(fields);

    state.counters.add("te_calls"); // MOCK-CP-4
    auto shared = std::make_shared<common::Responder>(std::move(respond));
    state.sso.backchannel.send(
        cfg.backchannel_url, std::move(te), std::chrono::milliseconds(cfg.backchannel_timeout_ms),
        [&state, ctx = std::move(ctx), shared](const BackchannelResponse& res) {
            // NS-ESIA-11: transport error, status, JSON, tokens, token_type, state echo.
            const auto tokens = read_token_response(res, ctx.te_state);
            if (!tokens) {
                return (*shared)(finish(state, ctx, esia_error(state, "token_error")));
            }
            after_tokens(state, ctx, *tokens, shared);
        });
}

} // namespace logintest::mocks::asurso
