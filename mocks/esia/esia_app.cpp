// The esia routing table (esia_app.hpp): every endpoint this host serves, with its clause.
#include "mocks/esia/esia_app.hpp"

#include "mocks/esia/handlers.hpp"

namespace logintest::mocks::esia {

support::Result<std::unique_ptr<EsiaApp>> EsiaApp::create(EsiaConfig config,
                                                          std::string_view fixture_json,
                                                          common::HostClock::Source clock_source) {
    auto fixture = common::host_fixture(fixture_json);
    if (!fixture) {
        return fixture.problem();
    }
    auto keys = load_esia_keys(config, *fixture); // ESIA-SIG-7
    if (!keys) {
        return support::Problem{"", 0, "esia keys: " + keys.problem().message};
    }
    return std::make_unique<EsiaApp>(std::move(config), std::move(*fixture), std::move(*keys),
                                     std::move(clock_source));
}

EsiaApp::EsiaApp(const EsiaConfig& config, const common::Fixture& fixture,
                 common::HostClock::Source clock_source)
    : HostApp(config, fixture, std::move(clock_source)) {
    add_routes();
}

EsiaApp::EsiaApp(EsiaConfig config, common::Fixture fixture, EsiaKeys keys,
                 common::HostClock::Source clock_source)
    : HostApp(std::move(config), std::move(fixture), std::move(keys), std::move(clock_source)) {
    add_routes();
}

void EsiaApp::add_routes() {
    const auto& s = state_;
    // §13: authorization.
    route("GET", "/aas/oauth2/v2/ac", get_ac_v2); // ESIA-AC-1..7
    if (s.config.legacy_endpoints) {
        route("GET", "/aas/oauth2/ac", get_ac_legacy); // ESIA-AC-8
    }
    // §14.1, §14.5, §14.6: pages without JavaScript.
    route("GET", "/login/", get_login_page);            // ESIA-LOGIN-1, -3
    route("POST", "/login/", post_login_page);          // ESIA-LOGIN-2
    route("GET", "/login/mfa", get_mfa_page);           // ESIA-LOGIN-23
    route("POST", "/login/mfa", post_mfa_page);         // ESIA-LOGIN-23
    route("GET", "/login/captcha", get_captcha_page);   // ESIA-LOGIN-27
    route("POST", "/login/captcha", post_captcha_page); // ESIA-LOGIN-27
    route("GET", "/login/consent", get_consent_page);   // ESIA-LOGIN-26
    route("POST", "/login/consent", post_consent_page); // ESIA-LOGIN-26
    route("GET", "/login/recovery", get_recovery_page); // ESIA-LOGIN-1 (MAY)
    // §14.2, §14.4, §14.5, §14.6: the JSON API.
    route("POST", "/aas/oauth2/api/login", post_api_login);                       // ESIA-LOGIN-4..6
    route("POST", "/aas/oauth2/api/login/otp/verify", post_api_otp_verify);       // ESIA-LOGIN-21
    route("GET", "/captcha/api/public/v2/image", get_captcha_image);              // ESIA-LOGIN-17
    route("POST", "/aas/oauth2/api/anomaly/captcha/verify", post_captcha_verify); // ESIA-LOGIN-17
    route("POST", "/aas/oauth2/api/login/anomaly-reaction/start", post_anomaly_start);   // -17a
    route("POST", "/aas/oauth2/api/login/anomaly-reaction/verify", post_anomaly_verify); // -17a
    route("POST", "/aas/oauth2/api/scope/allow", post_api_scope_allow); // ESIA-LOGIN-25
    route("POST", "/aas/oauth2/api/scope/deny", post_api_scope_deny);   // ESIA-LOGIN-25
    // §15: token endpoint.
    route("POST", "/aas/oauth2/v3/te", post_te_v3); // ESIA-TE-1..6, -8
    if (s.config.legacy_endpoints) {
        route("POST", "/aas/oauth2/te", post_te_legacy); // ESIA-TE-7
    }
    // §20: person data.
    route("GET", "/rs/prns/{oid}", get_prns);           // ESIA-RS-1, -2
    route("GET", "/rs/prns/{oid}/ctts", get_prns_ctts); // ESIA-RS-3 (MAY)
    // §19: logout.
    route("GET", "/idp/ext/Logout", get_logout); // ESIA-LOGOUT-1..5

    // §21.1: control plane (MOCK-CP-2..6, MOCK-DEF-1, MOCK-FAULT-1).
    add_control_routes(
        "esia", {state_.config.asurso_base_url, state_.config.public_base_url}); // MOCK-CP-10
    // MOCK-CP-9.
    route("GET", "/mock/admin/accounts", get_admin_accounts);
    route("POST", "/mock/admin/accounts", post_admin_accounts);
    route("GET", "/mock/admin/accounts/{oid}", get_admin_account);
    route("POST", "/mock/admin/accounts/{oid}/unlock", post_admin_unlock);
    route("DELETE", "/mock/admin/accounts/{oid}/grants", delete_admin_grants);
    route("GET", "/mock/esia/sms", get_admin_sms);
    route("GET", "/mock/esia/captcha/{guid}", get_admin_captcha);
    route("GET", "/mock/esia/signing-cert", get_admin_signing_cert);
    route("GET", "/mock/esia/clients/{client_id}/credentials", get_admin_client_credentials);
    route("PATCH", "/mock/admin/clients/{client_id}", patch_admin_client);
}

} // namespace logintest::mocks::esia
