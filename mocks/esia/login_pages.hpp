// Page building blocks shared by the login pages without JavaScript (login_page.cpp,
// mfa.cpp, consent.cpp): the login page itself (ESIA-LOGIN-1) and the redirect an action of
// the state machine leads to (ESIA-LOGIN-2). Pure over EsiaState; thread-safe.
#pragma once

#include "mocks/common/http_message.hpp"
#include "mocks/esia/login_flow.hpp"

#include <string_view>

namespace logintest::mocks::esia {

// ESIA-LOGIN-1: the page «Вход» for the phone or SNILS tab, `input#login` prefilled,
// `div#login-error` holding `error`.
common::Response login_page(const EsiaState& state, bool snils, std::string_view login,
                            std::string_view error);

// ESIA-LOGIN-2: DONE -> redirect_url, ENTER_MFA -> /login/mfa, SOLVE_ANOMALY_REACTION ->
// /login/captcha, SCOPE_CONSENT -> /login/consent (with the rotated cookie); 503 when a store
// was full. `outcome.action` must be set unless `store_full`.
common::Response outcome_redirect(const EsiaState& state, const LoginOutcome& outcome);

} // namespace logintest::mocks::esia
