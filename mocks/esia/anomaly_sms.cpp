// ESIA-LOGIN-17a (MAY, `esia.anomaly_reaction` = `sms`): the anomaly reaction answered by an
// SMS code instead of a captcha. `…/anomaly-reaction/start` sends the code to the account's
// phone (SMS outbox, MOCK-CP-9); `…/anomaly-reaction/verify` with the right code marks the
// reaction solved and runs the login that was waiting for it, answering as ESIA-LOGIN-5.
#include "mocks/common/responses.hpp"
#include "mocks/esia/esia_http.hpp"
#include "mocks/esia/handlers.hpp"
#include "mocks/esia/identifiers.hpp"
#include "mocks/esia/login_flow.hpp"
#include "mocks/esia/sms_outbox.hpp"

namespace logintest::mocks::esia {
namespace {

std::optional<std::string> session_sid(EsiaState& state,
                                       const std::optional<std::string>& session_id) {
    return with_session(state, session_id, [](EsiaSession& s) { return s.sid; });
}

std::string string_member(const boost::json::object& o, std::string_view name) {
    const auto* v = o.if_contains(name);
    return v != nullptr && v->is_string() ? std::string(v->get_string()) : std::string();
}

} // namespace

LoginOutcome run_sms_reaction_verify(EsiaState& state, const std::optional<std::string>& session_id,
                                     std::string_view guid, std::string_view code) {
    const auto sid = session_sid(state, session_id);
    if (!sid) {
        auto o = LoginOutcome::failure("SESSION_EXPIRED");
        finish_outcome(state, session_id, o);
        return o;
    }
    enum class Check { unknown, wrong, right };
    LoginInput waiting;
    const auto check =
        state.captchas.with(std::string(guid), state.now(), [&](Captcha& c, TimePoint&) {
            if (c.sid != *sid || !c.sms || !c.has_login) {
                return Check::unknown;
            }
            if (code.empty() || c.answer != code) {
                return Check::wrong;
            }
            c.solved = true;
            waiting.login = c.login;
            waiting.password = c.password;
            if (!c.id_type.empty()) {
                waiting.id_type = c.id_type;
            }
            waiting.foreign_computer = c.foreign_computer;
            return Check::right;
        });
    if (!check || *check == Check::unknown) {
        auto o = LoginOutcome::failure("SESSION_EXPIRED");
        finish_outcome(state, session_id, o);
        return o;
    }
    if (*check == Check::wrong) {
        state.counters.add("otp_failed");
        auto o = LoginOutcome::failure("INVALID_OTP");
        finish_outcome(state, session_id, o);
        return o;
    }
    // Solved: the waiting login runs again; its captcha step lets this one check through.
    return run_password_login(state, session_id, waiting);
}

namespace {

// GEN-9: no query parameters; the body a JSON object (ESIA-LOGIN-4), else `error` is set.
std::optional<boost::json::object> reaction_body(const Request& req,
                                                 std::optional<Response>& error) {
    if (!query_params(req, {})) {
        error = api_bad_request();
        return std::nullopt;
    }
    return api_body(req, false, error);
}

} // namespace

Response post_anomaly_start(EsiaState& state, const Request& req) {
    std::optional<Response> error;
    const auto body = reaction_body(req, error);
    if (!body) {
        return std::move(*error);
    }
    const auto sid = session_sid(state, req.cookie(session_cookie_name));
    const std::string guid = string_member(*body, "guid");
    const auto captcha = sid ? state.captchas.get(guid, state.now()) : std::nullopt;
    if (!captcha || captcha->sid != *sid || !captcha->sms) {
        return common::json_text(200, R"({"failed":"SESSION_EXPIRED"})");
    }
    const auto account = state.accounts.by_oid(captcha->oid);
    if (!account || !account->phone) {
        return common::json_text(200, R"({"failed":"SESSION_EXPIRED"})");
    }
    // The code goes to the account's phone (SMS outbox).
    if (!record_sms(state, *account->phone, captcha->answer)) {
        return common::store_full(); // MOCK-CAP-1
    }
    state.counters.add("otp_sent");
    boost::json::object out;
    out["phone"] = mask_phone(*account->phone);
    out["code_length"] = static_cast<std::int64_t>(captcha->answer.size());
    return common::json(200, out);
}

Response post_anomaly_verify(EsiaState& state, const Request& req) {
    std::optional<Response> error;
    const auto body = reaction_body(req, error);
    if (!body) {
        return std::move(*error);
    }
    const auto outcome =
        run_sms_reaction_verify(state, req.cookie(session_cookie_name),
                                string_member(*body, "guid"), string_member(*body, "code"));
    return outcome_response(state, outcome);
}

} // namespace logintest::mocks::esia
