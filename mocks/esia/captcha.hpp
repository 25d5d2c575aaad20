// ESIA-LOGIN-16: the captcha rule inside a password login. While an account's counter is at
// or above `esia.captcha_threshold`, the first attempt in a session gets a new challenge
// (SOLVE_ANOMALY_REACTION), later unsolved attempts CAPTCHA_REQUIRED with the same guid, and a
// solved challenge lets exactly one password check through. The captcha endpoints and pages
// are in captcha.cpp (handlers.hpp). Called with the session locked.
#pragma once

#include "mocks/esia/login_flow.hpp"

#include <optional>

namespace logintest::mocks::esia {

// nullopt: the password may be checked now (a solved challenge was used up); otherwise the
// answer that stops the login here.
std::optional<LoginOutcome> captcha_gate(EsiaState& state, EsiaSession& session, std::int64_t oid,
                                         const LoginInput& input);

// The latest unsolved challenge of the session, if any (the captcha page shows it).
std::optional<std::string> open_captcha(EsiaState& state, const EsiaSession& session);

} // namespace logintest::mocks::esia
