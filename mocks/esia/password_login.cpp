// ESIA-LOGIN-6: a password login, step by step in the order of the clause (the first failing
// step decides the answer). Shared by `POST /aas/oauth2/api/login` and `POST /login/`.
#include "mocks/common/issued_secrets.hpp"
#include "mocks/common/random.hpp"
#include "mocks/esia/captcha.hpp"
#include "mocks/esia/esia_http.hpp"
#include "mocks/esia/identifiers.hpp"
#include "mocks/esia/login_flow.hpp"
#include "mocks/esia/sms_outbox.hpp"
#include "support/text/strings.hpp"

#include <algorithm>

namespace logintest::mocks::esia {
namespace {

// ESIA-LOGIN-20: the SMS code is sent; the session stays unauthenticated (ESIA-LOGIN-22).
LoginOutcome start_mfa(EsiaState& state, EsiaSession& session, const Account& account,
                       bool foreign_computer) {
    const auto now = state.now();
    OtpTransaction otp;
    otp.oid = account.oid;
    otp.code =
        account.otp_code
            ? *account.otp_code
            : common::random_digits(static_cast<std::size_t>(std::max(1, state.config.otp.length)));
    common::issued_secret("sms code", otp.code);
    otp.phone = account.phone.value_or("");
    otp.sent_at = now;
    otp.attempts_left = state.config.otp.attempts;
    otp.foreign_computer = foreign_computer;
    if (!record_sms(state, otp.phone, otp.code)) {
        LoginOutcome full;
        full.store_full = true; // MOCK-CAP-1
        return full;
    }
    state.counters.add("otp_sent");
    LoginOutcome o;
    o.action = LoginAction::enter_mfa;
    o.mfa = mfa_details(state, otp);
    session.otp = std::move(otp); // replaces an earlier transaction
    return o;
}

LoginOutcome login_locked(EsiaState& state, EsiaSession& session, const LoginInput& input) {
    const auto now = state.now();

    // Step 1 (ESIA-LOGIN-3): a pending authorization.
    if (!has_valid_pending(session, state.config, now)) {
        return LoginOutcome::failure("SESSION_EXPIRED");
    }

    // Step 2 (ESIA-LOGIN-10..14): a valid identifier; the SNILS check number is skipped with
    // the `snils-no-checksum` defect.
    const auto id = parse_identifier(input.login, input.id_type,
                                     {!state.on(common::Defect::snils_no_checksum)});
    if (!id) {
        return LoginOutcome::failure("INVALID_LOGIN"); // ESIA-LOGIN-19: nothing counted
    }

    // Step 3 (ESIA-LOGIN-15): the account. With `phone-not-normalised` the phone is looked
    // up as typed, so only the canonical form finds it.
    std::string key = id->canonical;
    if (id->kind == IdKind::phone && state.on(common::Defect::phone_not_normalised)) {
        key = std::string(support::trim_ows(input.login));
    }
    const auto oid = state.accounts.find(id->kind, key);
    if (!oid) {
        return LoginOutcome::failure("ACCOUNT_NOT_FOUND"); // ESIA-LOGIN-19: nothing counted
    }

    // Step 4 (ESIA-LOGIN-18): not locked, whatever the password.
    const auto rules = state.lockout_rules();
    const auto status = state.accounts.status(*oid, rules, now);
    if (!status || status->locked) {
        return LoginOutcome::failure("ACCOUNT_LOCKED");
    }

    // Step 5 (ESIA-LOGIN-16): at or above the threshold a solved captcha is needed first
    // (never with the `esia-no-captcha` defect).
    if (!state.on(common::Defect::esia_no_captcha) &&
        status->failed_count >= state.config.captcha_threshold) {
        if (auto blocked = captcha_gate(state, session, *oid, input)) {
            return std::move(*blocked);
        }
    }

    // Step 6 (ESIA-LOGIN-9, -16, -18): the password, counted when wrong.
    switch (state.accounts.check_password(*oid, input.password, rules, now)) {
    case PasswordVerdict::locked:
        return LoginOutcome::failure("ACCOUNT_LOCKED");
    case PasswordVerdict::wrong_now_locked:
        state.counters.add("locks"); // ESIA-LOGIN-18: this attempt still INVALID_PASSWORD
        return LoginOutcome::failure("INVALID_PASSWORD");
    case PasswordVerdict::wrong:
        return LoginOutcome::failure("INVALID_PASSWORD");
    case PasswordVerdict::right:
        break; // step 7: the counter was reset
    }
    const auto account = state.accounts.by_oid(*oid);
    if (!account) {
        return LoginOutcome::failure("ACCOUNT_NOT_FOUND");
    }

    // Step 8 (ESIA-LOGIN-20): an SMS code for MFA accounts (skipped with `mfa-bypass`).
    if (account->mfa_sms && !state.on(common::Defect::mfa_bypass)) {
        return start_mfa(state, session, *account, input.foreign_computer);
    }

    // Step 9 (ESIA-LOGIN-8, -7): authenticated; the post-authentication steps.
    return authenticate(state, session, Subject{*oid, now}, input.foreign_computer);
}

} // namespace

LoginOutcome run_password_login(EsiaState& state, const std::optional<std::string>& session_id,
                                const LoginInput& input) {
    auto outcome = with_session(state, session_id, [&](EsiaSession& session) {
        return login_locked(state, session, input);
    });
    // ESIA-LOGIN-3: no or unknown ESIA_SESSION.
    LoginOutcome result = outcome ? std::move(*outcome) : LoginOutcome::failure("SESSION_EXPIRED");
    finish_outcome(state, session_id, result);
    return result;
}

} // namespace logintest::mocks::esia
