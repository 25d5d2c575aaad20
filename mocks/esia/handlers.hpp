// The esia endpoints, one function each, grouped in files by protocol step: authorize.cpp
// (§13), login_page.cpp and login_api.cpp (§14.1, §14.2), mfa.cpp (§14.5), consent.cpp and
// captcha.cpp (§14.4, §14.6), anomaly_sms.cpp (ESIA-LOGIN-17a), token_endpoint.cpp (§15),
// person_data.cpp (§20), logout.cpp (§19), admin_endpoints.cpp (§21.1). EsiaApp routes to
// them. Each is a synchronous handler; all are thread-safe over EsiaState and never throw
// for any request.
#pragma once

#include "mocks/common/http_message.hpp"
#include "mocks/esia/esia_state.hpp"

namespace logintest::mocks::esia {

using common::Request;
using common::Response;

// §13 authorization.
Response get_ac_v2(EsiaState& state, const Request& req);     // ESIA-AC-1..7
Response get_ac_legacy(EsiaState& state, const Request& req); // ESIA-AC-8

// §14.1 pages.
Response get_login_page(EsiaState& state, const Request& req);    // ESIA-LOGIN-1, -3
Response post_login_page(EsiaState& state, const Request& req);   // ESIA-LOGIN-2
Response get_recovery_page(EsiaState& state, const Request& req); // ESIA-LOGIN-1 (MAY)
Response get_mfa_page(EsiaState& state, const Request& req);      // ESIA-LOGIN-23
Response post_mfa_page(EsiaState& state, const Request& req);     // ESIA-LOGIN-23
Response get_consent_page(EsiaState& state, const Request& req);  // ESIA-LOGIN-26
Response post_consent_page(EsiaState& state, const Request& req); // ESIA-LOGIN-26
Response get_captcha_page(EsiaState& state, const Request& req);  // ESIA-LOGIN-27
Response post_captcha_page(EsiaState& state, const Request& req); // ESIA-LOGIN-27

// §14.2 JSON API.
Response post_api_login(EsiaState& state, const Request& req);       // ESIA-LOGIN-4..6
Response post_api_otp_verify(EsiaState& state, const Request& req);  // ESIA-LOGIN-21
Response post_api_scope_allow(EsiaState& state, const Request& req); // ESIA-LOGIN-25
Response post_api_scope_deny(EsiaState& state, const Request& req);  // ESIA-LOGIN-25
Response get_captcha_image(EsiaState& state, const Request& req);    // ESIA-LOGIN-17
Response post_captcha_verify(EsiaState& state, const Request& req);  // ESIA-LOGIN-17
Response post_anomaly_start(EsiaState& state, const Request& req);   // ESIA-LOGIN-17a
Response post_anomaly_verify(EsiaState& state, const Request& req);  // ESIA-LOGIN-17a

// §15 token endpoint.
Response post_te_v3(EsiaState& state, const Request& req);     // ESIA-TE-1..6, -8
Response post_te_legacy(EsiaState& state, const Request& req); // ESIA-TE-7

// §20 person data.
Response get_prns(EsiaState& state, const Request& req);      // ESIA-RS-1, -2
Response get_prns_ctts(EsiaState& state, const Request& req); // ESIA-RS-3

// §19 logout.
Response get_logout(EsiaState& state, const Request& req); // ESIA-LOGOUT-1..5

// §21.1 MOCK-CP-9 control plane.
Response get_admin_accounts(EsiaState& state, const Request& req);
Response get_admin_account(EsiaState& state, const Request& req);
Response post_admin_accounts(EsiaState& state, const Request& req);
Response post_admin_unlock(EsiaState& state, const Request& req);
Response delete_admin_grants(EsiaState& state, const Request& req);
Response get_admin_sms(EsiaState& state, const Request& req);
Response get_admin_captcha(EsiaState& state, const Request& req);
Response get_admin_signing_cert(EsiaState& state, const Request& req);
Response get_admin_client_credentials(EsiaState& state, const Request& req);
Response patch_admin_client(EsiaState& state, const Request& req);

} // namespace logintest::mocks::esia
