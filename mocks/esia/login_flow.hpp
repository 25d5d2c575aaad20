// The ESIA login state machine (§14) shared by the JSON API (login_api.cpp) and the pages
// without JavaScript (login_page.cpp, mfa_page.cpp, consent.cpp, captcha.cpp): a password
// login (ESIA-LOGIN-6), an SMS code (ESIA-LOGIN-21), a consent decision (ESIA-LOGIN-25), the
// SMS anomaly reaction (ESIA-LOGIN-17a), and the post-authentication steps (ESIA-LOGIN-7) that
// the authorization endpoint also runs for single sign-on (ESIA-AC-6). Each step yields a
// LoginOutcome, rendered as the JSON of ESIA-LOGIN-5 or as a redirect / page. Every function
// works on one ESIA session under the session store's lock; thread-safe over EsiaState.
#pragma once

#include "mocks/esia/esia_state.hpp"

#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace logintest::mocks::esia {

enum class LoginAction { done, enter_mfa, anomaly_reaction, scope_consent };

// ESIA-LOGIN-20: `mfa_details.otp_details`.
struct MfaDetails {
    std::string masked_phone; // "+7(917)***-**-22"
    int code_length = 6;
    long long verify_timeout_secs = 300;
    int attempts_left = 3;
};

// ESIA-LOGIN-16, -17a: `reaction_details`.
struct ReactionDetails {
    std::string guid;
    std::string type; // "CAPTCHA" | "SMS"
};

// ESIA-LOGIN-24: `consent_details`.
struct ConsentDetails {
    std::string client_id;
    std::string client_name;
    std::vector<std::string> scopes;
};

struct LoginOutcome {
    std::optional<LoginAction> action;       // set: an action of ESIA-LOGIN-5; empty: `failed`
    std::string failed;                      // "INVALID_PASSWORD", ... (ESIA-LOGIN-5, -21)
    std::string redirect_url;                // DONE
    std::optional<MfaDetails> mfa;           // ENTER_MFA, INVALID_OTP
    std::optional<ReactionDetails> reaction; // SOLVE_ANOMALY_REACTION, CAPTCHA_REQUIRED
    std::optional<ConsentDetails> consent;   // SCOPE_CONSENT
    // ESIA-LOGIN-8: the session's new cookie value after an authentication.
    std::optional<std::string> new_session_id;
    bool store_full = false;        // MOCK-CAP-1: the answer is 503
    bool authenticated_now = false; // internal: an authentication happened in this step

    static LoginOutcome failure(std::string code) {
        LoginOutcome o;
        o.failed = std::move(code);
        return o;
    }
};

struct LoginInput {
    std::string login;
    std::string password;
    std::optional<std::string> id_type;
    bool foreign_computer = false;
};

// ESIA-LOGIN-6 (`POST /aas/oauth2/api/login`, `POST /login/`).
LoginOutcome run_password_login(EsiaState& state, const std::optional<std::string>& session_id,
                                const LoginInput& input);

// ESIA-LOGIN-21 (`POST /aas/oauth2/api/login/otp/verify`, `POST /login/mfa`).
LoginOutcome run_otp_verify(EsiaState& state, const std::optional<std::string>& session_id,
                            std::string_view code);

// ESIA-LOGIN-25 (`POST /aas/oauth2/api/scope/allow|deny`, `POST /login/consent`).
LoginOutcome run_scope_decision(EsiaState& state, const std::optional<std::string>& session_id,
                                bool allow);

// ESIA-LOGIN-17a: `…/anomaly-reaction/verify` with the right code runs the waiting login.
LoginOutcome run_sms_reaction_verify(EsiaState& state, const std::optional<std::string>& session_id,
                                     std::string_view guid, std::string_view code);

// ESIA-LOGIN-7 with the session locked (inside with_session): step 1 require_trusted, step 2
// consent, step 3 the code. DONE consumes the pending authorization.
LoginOutcome post_authentication(EsiaState& state, EsiaSession& session, const Subject& subject);

// ESIA-LOGIN-7 step 3 alone (also after consent, ESIA-LOGIN-25).
LoginOutcome issue_code(EsiaState& state, EsiaSession& session, const Subject& subject);

// ESIA-LOGIN-8 + ESIA-LOGIN-7 after a right password or code, session locked: the session
// becomes authenticated (unless `foreign_computer`), then the post-authentication steps.
LoginOutcome authenticate(EsiaState& state, EsiaSession& session, const Subject& subject,
                          bool foreign_computer);

// ESIA-LOGIN-8: rotates the cookie after an authentication and counts a failure
// (`logins_failed`); call once per outcome, after the session lock is released.
void finish_outcome(EsiaState& state, const std::optional<std::string>& session_id,
                    LoginOutcome& outcome);

// ESIA-LOGIN-5: the JSON answer.
boost::json::object outcome_json(const LoginOutcome& outcome);

// The JSON API response: 200 with outcome_json(), the rotated cookie, or 503 (MOCK-CAP-1).
common::Response outcome_response(const EsiaState& state, const LoginOutcome& outcome);

// ESIA-LOGIN-20: `mfa_details` of a transaction.
MfaDetails mfa_details(const EsiaState& state, const OtpTransaction& otp);

} // namespace logintest::mocks::esia
