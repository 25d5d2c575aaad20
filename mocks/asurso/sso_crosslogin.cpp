// §10.1: the start of the ESIA single sign-on. `GET /webapi/sso/esia/crosslogin` (and its
// alias `/webapi/sso/esia/login`) sends the browser to esia's authorization endpoint with a
// signed request (NS-ESIA-1..5); `POST /webapi/auth/login-state` pre-allocates a loginState
// for the mobile-app variant (NS-ESIA-6).
#include "mocks/asurso/esia_client_signing.hpp"
#include "mocks/asurso/handlers.hpp"
#include "mocks/asurso/login_state.hpp"
#include "mocks/asurso/webapi_params.hpp"
#include "mocks/common/issued_secrets.hpp"
#include "mocks/common/responses.hpp"
#include "support/url/percent.hpp"

#include <boost/json/value.hpp>

#include <algorithm>

namespace logintest::mocks::asurso {
namespace {

std::string build_query(const std::vector<std::pair<std::string_view, std::string_view>>& items) {
    std::string out;
    for (const auto& [name, value] : items) {
        out += out.empty() ? "" : "&";
        // GEN-3: a space as `+` and `+` as `%2B` (NS-ESIA-2's example).
        out += std::string(name) + "=" + support::plus_encode(value);
    }
    return out;
}

// NS-ESIA-3: the new state joins the session's pending states (oldest dropped beyond
// `max_pending_states`, expired ones dropped). False if the session vanished meanwhile.
bool remember_state(AsursoState& state, const std::string& nssessionid, PendingEsiaState pending) {
    const auto now = state.now();
    const auto ttl = std::chrono::seconds(state.config.esia_client.state_ttl_s);
    const std::size_t max = std::max<std::size_t>(state.config.esia_client.max_pending_states, 1);
    return state.presessions
        .with(nssessionid, now,
              [&](PreSession& p, auto&) {
                  std::erase_if(p.esia_states, [&](const PendingEsiaState& s) {
                      return now >= s.issued_at + ttl;
                  });
                  p.esia_states.push_back(std::move(pending));
                  while (p.esia_states.size() > max) {
                      p.esia_states.erase(p.esia_states.begin()); // the oldest goes
                  }
              })
        .has_value();
}

} // namespace

Response get_esia_crosslogin(AsursoState& state, const Request& req) {
    // NS-ESIA-1: without ESIA login the endpoint does not exist.
    if (!state.config.esia_login_enabled) {
        return common::message(404, "Not Found");
    }
    // GEN-9; NS-ESIA-1: esia_permissions and esia_role are accepted and ignored;
    // NS-ESIA-6: loginState names a pre-allocated loginState.
    const auto query = query_params(req, {"esia_permissions", "esia_role", "loginState"});
    if (!query) {
        return bad_request();
    }
    // NS-LOGIN-5: the pre-login session of NSSESSIONID, new if unknown.
    const auto presession = ensure_presession(state, req);
    if (presession.full) {
        return common::store_full(); // MOCK-CAP-1
    }
    // ESIA-SIG-1, -7: asurso's client key and certificate.
    std::string error;
    const auto client = state.sso.keys.client(error);
    if (!client) {
        return common::message(500, "ESIA client key unavailable: " + error);
    }

    // NS-ESIA-2: a new UUID state and asurso's clock in Moscow time.
    const auto& cfg = state.config.esia_client;
    const bool legacy = cfg.protocol == "legacy"; // NS-ESIA-4
    SignedRequestFields f =
        new_signed_request(cfg.client_id, cfg.scope, state.now(),
                           state.config.public_base_url + "/webapi/sso/esia/callback");
    // ESIA-SIG-3, -4: client_secret over the v2/ac message; NS-ESIA-4, ESIA-SIG-5: the CMS
    // signature of the legacy message.
    const std::string secret = legacy ? legacy_client_secret(client->pair, legacy_message(f))
                                      : v2_client_secret(client->pair.key, v2_ac_message(f));
    common::issued_secret("client_secret", secret);
    if (secret.empty()) {
        return common::message(500, "ESIA client signature failed");
    }

    // NS-ESIA-3: the state is stored in the pre-login session with its issue time;
    // NS-ESIA-6: with a reserved loginState of this session, the callback will fill that one.
    PendingEsiaState pending{f.state, state.now(), {}};
    if (const auto ls = query->get("loginState")) {
        if (is_reserved_login_state(state, std::string(*ls), presession.id)) {
            pending.reserved_login_state = std::string(*ls);
        }
    }
    if (!remember_state(state, presession.id, std::move(pending))) {
        return common::store_full();
    }

    // NS-ESIA-2: every parameter, GEN-3 encoded; NS-ESIA-5: nothing of the school module.
    std::vector<std::pair<std::string_view, std::string_view>> params{
        {"client_id", f.client_id},       {"client_secret", secret},
        {"redirect_uri", f.redirect_uri}, {"scope", f.scope},
        {"response_type", "code"},        {"state", f.state},
        {"timestamp", f.timestamp},       {"access_type", cfg.access_type}};
    if (!legacy) { // ESIA-SIG-4: v2 names the client certificate after the secret
        params.insert(params.begin() + 2, {"client_certificate_hash", client->certificate_hash});
    }
    std::string location = state.config.esia_public_base_url +
                           (legacy ? "/aas/oauth2/ac?" : "/aas/oauth2/v2/ac?") +
                           build_query(params);
    Response r = common::redirect(std::move(location)); // GEN-4
    set_presession_cookie(state, r, presession);        // NS-LOGIN-5
    return r;
}

Response post_auth_login_state(AsursoState& state, const Request& req) {
    // GEN-9: a form (`mobile=1`).
    const auto form = form_params(req, {"mobile"});
    if (!form || !query_params(req, {})) {
        return bad_request();
    }
    const auto presession = ensure_presession(state, req); // NS-LOGIN-5
    if (presession.full) {
        return common::store_full();
    }
    // NS-ESIA-6: a loginState reserved for this NSSESSIONID, as a JSON string.
    const auto uuid = reserve_login_state(state, presession.id);
    if (!uuid) {
        return common::store_full(); // MOCK-CAP-1
    }
    Response r = common::json(200, boost::json::value(*uuid));
    set_presession_cookie(state, r, presession);
    return r;
}

} // namespace logintest::mocks::asurso
