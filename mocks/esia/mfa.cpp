// §14.5: the SMS code (MFA). ESIA-LOGIN-21 verification in the order of the clause, shared by
// `POST /aas/oauth2/api/login/otp/verify` and the page `/login/mfa` (ESIA-LOGIN-23).
#include "mocks/common/responses.hpp"
#include "mocks/esia/esia_errors.hpp"
#include "mocks/esia/esia_http.hpp"
#include "mocks/esia/handlers.hpp"
#include "mocks/esia/login_flow.hpp"
#include "mocks/esia/login_pages.hpp"
#include "mocks/esia/xhtml.hpp"

namespace logintest::mocks::esia {
namespace {

namespace k = text_keys;

LoginOutcome verify_locked(EsiaState& state, EsiaSession& session, std::string_view code) {
    const auto now = state.now();
    // No code pending (never sent, attempts used up, or the login finished).
    if (!session.otp) {
        return LoginOutcome::failure("SESSION_EXPIRED");
    }
    // ESIA-LOGIN-3: the pending authorization it serves is gone.
    if (!has_valid_pending(session, state.config, now)) {
        session.otp.reset();
        return LoginOutcome::failure("SESSION_EXPIRED");
    }
    OtpTransaction& otp = *session.otp;
    // esia.otp.ttl_s after the code was sent.
    if (now >= otp.sent_at + std::chrono::seconds(state.config.otp.ttl_s)) {
        return LoginOutcome::failure("OTP_EXPIRED");
    }
    // A wrong code: attempts left, or at the last one the transaction is gone. Wrong codes do
    // not touch the password counter.
    if (code.empty() || code != otp.code) {
        state.counters.add("otp_failed");
        --otp.attempts_left;
        if (otp.attempts_left <= 0) {
            session.otp.reset();
            return LoginOutcome::failure("OTP_ATTEMPTS_EXCEEDED");
        }
        auto o = LoginOutcome::failure("INVALID_OTP");
        o.mfa = mfa_details(state, otp);
        return o;
    }
    // The right code: ESIA-LOGIN-22 ends, ESIA-LOGIN-8 / -7 run.
    const Subject subject{otp.oid, now};
    const bool foreign = otp.foreign_computer;
    session.otp.reset();
    return authenticate(state, session, subject, foreign);
}

// ESIA-LOGIN-23: the page, with the masked phone and, after a wrong code, the attempts left.
Response mfa_page(const EsiaState& state, const MfaDetails& details, std::string_view error) {
    const auto& t = state.texts;
    std::string b = "<h1 id=\"mfa-title\">" + xml_escape(t.get(k::mfa_title)) + "</h1>\n";
    b += "<p id=\"mfa-sent\">" + xml_escape(t.get(k::mfa_sent)) + " " +
         xml_escape(details.masked_phone) + "</p>\n";
    b += "<form id=\"mfa-form\" method=\"post\" action=\"" +
         xml_escape(state.config.public_base_url + "/login/mfa") + "\">\n";
    b += "<input id=\"code\" name=\"code\" type=\"text\" value=\"\"/>\n";
    b += "<div id=\"mfa-error\">" + xml_escape(error) + "</div>\n";
    b += "<button id=\"mfa-submit\" type=\"submit\">" + xml_escape(t.get(k::continue_)) +
         "</button>\n</form>";
    return common::html(200, xhtml_page(t.get(k::title), b));
}

} // namespace

LoginOutcome run_otp_verify(EsiaState& state, const std::optional<std::string>& session_id,
                            std::string_view code) {
    auto outcome = with_session(state, session_id, [&](EsiaSession& session) {
        return verify_locked(state, session, code);
    });
    LoginOutcome result = outcome ? std::move(*outcome) : LoginOutcome::failure("SESSION_EXPIRED");
    finish_outcome(state, session_id, result);
    return result;
}

Response post_api_otp_verify(EsiaState& state, const Request& req) {
    // GEN-9: `code` once, an empty body or a JSON object.
    const auto query = query_params(req, {"code"});
    std::optional<Response> error;
    if (!query) {
        return api_bad_request();
    }
    if (!api_body(req, true, error)) {
        return std::move(*error);
    }
    const auto outcome =
        run_otp_verify(state, req.cookie(session_cookie_name), query->value_or_empty("code"));
    return outcome_response(state, outcome);
}

Response get_mfa_page(EsiaState& state, const Request& req) {
    const auto details = with_session(state, req.cookie(session_cookie_name),
                                      [&](EsiaSession& s) -> std::optional<MfaDetails> {
                                          if (!s.otp) {
                                              return std::nullopt;
                                          }
                                          return mfa_details(state, *s.otp);
                                      });
    if (!details || !*details) {
        return common::redirect(state.config.public_base_url + "/login/"); // no code pending
    }
    return mfa_page(state, **details, "");
}

Response post_mfa_page(EsiaState& state, const Request& req) {
    const auto form = form_params(req, {"code"});
    if (!form) {
        return error_page(state.texts, EsiaError::invalid_parameter); // GEN-9
    }
    const auto outcome =
        run_otp_verify(state, req.cookie(session_cookie_name), form->value_or_empty("code"));
    // ESIA-LOGIN-23: outcomes mapped like ESIA-LOGIN-2.
    if (outcome.action || outcome.store_full) {
        return outcome_redirect(state, outcome);
    }
    if (outcome.failed == "INVALID_OTP") {
        return mfa_page(state, *outcome.mfa,
                        state.texts.get(k::mfa_wrong) + " " +
                            std::to_string(outcome.mfa->attempts_left));
    }
    // OTP_ATTEMPTS_EXCEEDED, OTP_EXPIRED, SESSION_EXPIRED: the login starts again.
    return login_page(state, false, "", state.texts.get(k::session_expired));
}

} // namespace logintest::mocks::esia
