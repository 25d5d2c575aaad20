// ESIA-LOGIN-7 / -8: what happens once a user is authenticated (also for single sign-on,
// ESIA-AC-6), and how an outcome of the login state machine is answered (ESIA-LOGIN-5).
#include "mocks/common/issued_secrets.hpp"
#include "mocks/common/random.hpp"
#include "mocks/common/responses.hpp"
#include "mocks/esia/esia_errors.hpp"
#include "mocks/esia/esia_http.hpp"
#include "mocks/esia/login_flow.hpp"
#include "mocks/esia/scopes.hpp"

namespace logintest::mocks::esia {
namespace {

LoginOutcome done(std::string redirect_url) {
    LoginOutcome o;
    o.action = LoginAction::done;
    o.redirect_url = std::move(redirect_url);
    return o;
}

// ESIA-LOGIN-24: consent is needed unless disabled, granted in the fixture, or every
// requested scope but openid granted to this client before.
std::optional<ConsentDetails> consent_needed(const EsiaState& state, const Account& account,
                                             const Client& client, std::string_view scope) {
    if (!state.config.consent_enabled || account.consent_granted) {
        return std::nullopt;
    }
    const auto requested = scopes_without_openid(scope);
    const auto granted = account.grants.find(client.client_id);
    bool all = true;
    for (const auto& s : requested) {
        if (granted == account.grants.end() || !granted->second.contains(s)) {
            all = false;
        }
    }
    if (all) {
        return std::nullopt;
    }
    return ConsentDetails{client.client_id, client.name, requested};
}

} // namespace

LoginOutcome issue_code(EsiaState& state, EsiaSession& session, const Subject& subject) {
    const PendingAuthorization& pending = *session.pending;
    const auto now = state.now();
    // ESIA-LOGIN-7 (3): b64url of 32 random bytes, bound to {client_id, redirect_uri, scope,
    // oid, auth_time}; ESIA-TE-4: it expires esia.code_ttl_s after issue (never with the
    // `code-no-expiry` defect: a year is beyond any test).
    const std::string code = common::issued_secret("code", common::random_b64url(32));
    const auto ttl = state.on(common::Defect::code_no_expiry)
                         ? std::chrono::seconds(365LL * 24 * 3600)
                         : std::chrono::seconds(state.config.code_ttl_s);
    IssuedCode issued{pending.client_id,
                      pending.redirect_uri,
                      pending.scope,
                      subject.oid,
                      subject.auth_time,
                      session.sid,
                      now};
    if (state.codes.insert(code, std::move(issued), now + ttl, now) !=
        CodeStore::Insert::inserted) {
        LoginOutcome full;
        full.store_full = true; // MOCK-CAP-1
        return full;
    }
    state.counters.add("codes_issued");
    // ESIA-AC-7: the authorization's state, unchanged. DONE consumes the pending authorization.
    auto outcome =
        done(with_query(pending.redirect_uri, {{"code", code}, {"state", pending.state}}));
    session.pending.reset();
    return outcome;
}

LoginOutcome post_authentication(EsiaState& state, EsiaSession& session, const Subject& subject) {
    const PendingAuthorization& pending = *session.pending;
    const auto client = state.clients.find(pending.client_id);
    const auto account = state.accounts.by_oid(subject.oid);
    if (!client || !account) {
        session.pending.reset();
        return LoginOutcome::failure("SESSION_EXPIRED"); // removed while logging in
    }

    // ESIA-LOGIN-7 (1): a client with require_trusted refuses an untrusted account
    // (ignored with the `unconfirmed-accepted` defect).
    if (client->require_trusted && !account->trusted &&
        !state.on(common::Defect::unconfirmed_accepted)) {
        auto outcome = done(error_redirect_url(pending.redirect_uri, EsiaError::unconfirmed_account,
                                               pending.state));
        session.pending.reset();
        return outcome;
    }

    // ESIA-LOGIN-7 (2): consent (ESIA-LOGIN-24); the authentication waits in the pending
    // authorization for the decision.
    if (auto details = consent_needed(state, *account, *client, pending.scope)) {
        session.pending->subject = subject;
        LoginOutcome o;
        o.action = LoginAction::scope_consent;
        o.consent = std::move(details);
        return o;
    }

    // ESIA-LOGIN-7 (3): the code.
    return issue_code(state, session, subject);
}

LoginOutcome authenticate(EsiaState& state, EsiaSession& session, const Subject& subject,
                          bool foreign_computer) {
    // ESIA-LOGIN-8: the session is authenticated (oid, auth_time, PWD) unless «Чужой
    // компьютер»: then the authentication serves only the current pending authorization.
    if (foreign_computer) {
        session.authenticated.reset();
    } else {
        session.authenticated = subject;
    }
    session.pending->subject = subject;
    state.counters.add("logins_ok");
    auto outcome = post_authentication(state, session, subject);
    outcome.authenticated_now = true;
    return outcome;
}

void finish_outcome(EsiaState& state, const std::optional<std::string>& session_id,
                    LoginOutcome& outcome) {
    if (!outcome.action && !outcome.store_full) {
        state.counters.add_keyed("logins_failed", outcome.failed); // MOCK-CP-4
    }
    // ESIA-LOGIN-8: on authentication the session SHOULD get a new ESIA_SESSION value.
    if (outcome.authenticated_now && session_id && state.config.rotate_session_on_login) {
        outcome.new_session_id = rotate_session(state, *session_id);
    }
}

MfaDetails mfa_details(const EsiaState& state, const OtpTransaction& otp) {
    return MfaDetails{mask_phone(otp.phone), state.config.otp.length, state.config.otp.ttl_s,
                      otp.attempts_left};
}

boost::json::object outcome_json(const LoginOutcome& outcome) {
    boost::json::object out;
    // ESIA-LOGIN-20, -21: ENTER_MFA and INVALID_OTP carry the same shape; the attempts left
    // live only inside otp_details (spec 1.2).
    const auto mfa_json = [](const MfaDetails& m) {
        boost::json::object otp;
        otp["phone"] = m.masked_phone;
        otp["code_length"] = m.code_length;
        otp["verify_timeout_secs"] = m.verify_timeout_secs;
        otp["verify_attempts_left"] = m.attempts_left;
        boost::json::object details;
        details["type"] = "SMS";
        details["otp_details"] = std::move(otp);
        return details;
    };
    const auto reaction_json = [](const ReactionDetails& r) {
        boost::json::object details;
        details["guid"] = r.guid;
        details["type"] = r.type;
        return details;
    };
    if (!outcome.action) {
        out["failed"] = outcome.failed;
        if (outcome.reaction) {
            out["reaction_details"] = reaction_json(*outcome.reaction); // CAPTCHA_REQUIRED
        }
        if (outcome.mfa) {
            out["mfa_details"] = mfa_json(*outcome.mfa); // ESIA-LOGIN-21 INVALID_OTP
        }
        return out;
    }
    switch (*outcome.action) {
    case LoginAction::done:
        out["action"] = "DONE";
        out["redirect_url"] = outcome.redirect_url;
        break;
    case LoginAction::enter_mfa:
        out["action"] = "ENTER_MFA";
        out["mfa_details"] = mfa_json(*outcome.mfa); // ESIA-LOGIN-20 ENTER_MFA
        break;
    case LoginAction::anomaly_reaction:
        out["action"] = "SOLVE_ANOMALY_REACTION";
        out["reaction_details"] = reaction_json(*outcome.reaction);
        break;
    case LoginAction::scope_consent: {
        out["action"] = "SCOPE_CONSENT";
        boost::json::object details;
        details["client_id"] = outcome.consent->client_id;
        details["client_name"] = outcome.consent->client_name;
        boost::json::array scopes;
        for (const auto& s : outcome.consent->scopes) {
            scopes.emplace_back(s);
        }
        details["scopes"] = std::move(scopes);
        out["consent_details"] = std::move(details);
        break;
    }
    }
    return out;
}

common::Response outcome_response(const EsiaState& state, const LoginOutcome& outcome) {
    if (outcome.store_full) {
        return common::store_full(); // MOCK-CAP-1
    }
    auto response = common::json(200, outcome_json(outcome)); // ESIA-LOGIN-4: 200 in all cases
    if (outcome.new_session_id) {
        set_session_cookie(state, response, *outcome.new_session_id); // ESIA-LOGIN-8
    }
    return response;
}

} // namespace logintest::mocks::esia
