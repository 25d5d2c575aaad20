// §14.4 captcha (ESIA-LOGIN-16, -17, -27): the gate of a password login, the image, the JSON
// verification, the page without JavaScript, and the control-plane answer (MOCK-CP-9).
#include "mocks/esia/captcha.hpp"

#include "mocks/common/random.hpp"
#include "mocks/common/responses.hpp"
#include "mocks/esia/esia_errors.hpp"
#include "mocks/esia/esia_http.hpp"
#include "mocks/esia/handlers.hpp"
#include "mocks/esia/xhtml.hpp"

#include <algorithm>

namespace logintest::mocks::esia {
namespace {

LoginOutcome reaction(bool first, std::string guid, bool sms) {
    LoginOutcome o;
    if (first) {
        o.action = LoginAction::anomaly_reaction; // SOLVE_ANOMALY_REACTION
    } else {
        o.failed = "CAPTCHA_REQUIRED";
    }
    o.reaction = ReactionDetails{std::move(guid), sms ? "SMS" : "CAPTCHA"};
    return o;
}

// ESIA-LOGIN-17: a right answer marks the challenge of this session solved; a wrong one
// leaves it open.
bool solve(EsiaState& state, const std::string& sid, const std::string& guid,
           std::string_view answer) {
    const auto solved = state.captchas.with(guid, state.now(), [&](Captcha& c, TimePoint&) {
        if (c.sid != sid || c.sms || c.answer != answer) {
            return false;
        }
        c.solved = true;
        return true;
    });
    return solved && *solved;
}

std::optional<std::string> session_sid(EsiaState& state, const Request& req) {
    return with_session(state, req.cookie(session_cookie_name),
                        [](EsiaSession& session) { return session.sid; });
}

// ESIA-LOGIN-27: the page for one challenge.
Response captcha_page(const EsiaState& state, const std::string& guid) {
    const auto& t = state.texts;
    const std::string& base = state.config.public_base_url;
    std::string body = "<h1 id=\"captcha-title\">" + xml_escape(t.get(text_keys::captcha_title)) +
                       "</h1>\n<img id=\"captcha-image\" alt=\"captcha\" src=\"" +
                       xml_escape(base + "/captcha/api/public/v2/image?guid=" + guid) +
                       "\"/>\n<form id=\"captcha-form\" method=\"post\" action=\"" +
                       xml_escape(base + "/login/captcha") +
                       "\">\n<input type=\"hidden\" name=\"guid\" value=\"" + xml_escape(guid) +
                       "\"/>\n<input id=\"answer\" name=\"answer\" type=\"text\" value=\"\"/>\n"
                       "<button id=\"captcha-submit\" type=\"submit\">" +
                       xml_escape(t.get(text_keys::continue_)) + "</button>\n</form>";
    return common::html(200, xhtml_page(t.get(text_keys::title), body));
}

} // namespace

std::optional<LoginOutcome> captcha_gate(EsiaState& state, EsiaSession& session, std::int64_t oid,
                                         const LoginInput& input) {
    const auto now = state.now();
    const auto gate = std::find_if(session.captchas.begin(), session.captchas.end(),
                                   [oid](const CaptchaGate& g) { return g.oid == oid; });
    if (gate != session.captchas.end()) {
        const auto status = state.captchas.with(gate->guid, now, [](Captcha& c, TimePoint&) {
            return std::make_pair(c.solved, c.sms);
        });
        if (status && status->first) {
            // A solved challenge allows exactly one password check.
            state.captchas.erase(gate->guid, now);
            session.captchas.erase(gate);
            return std::nullopt;
        }
        if (status) {
            return reaction(false, gate->guid, status->second); // CAPTCHA_REQUIRED, same guid
        }
        session.captchas.erase(gate); // expired: a new challenge
    }

    // The first attempt in this session: a new challenge (ESIA-LOGIN-17, or the SMS reaction
    // of ESIA-LOGIN-17a for an account with a phone).
    Captcha c;
    c.answer = common::random_digits(6);
    c.sid = session.sid;
    c.oid = oid;
    if (state.config.anomaly_reaction == AnomalyReaction::sms) {
        const auto account = state.accounts.by_oid(oid);
        if (account && account->phone) {
            c.sms = true;
            c.has_login = true; // run again once the reaction is solved
            c.login = input.login;
            c.password = input.password;
            c.id_type = input.id_type.value_or("");
            c.foreign_computer = input.foreign_computer;
        }
    }
    const bool sms = c.sms;
    std::string guid = common::random_uuid4();
    if (state.captchas.insert(guid, std::move(c),
                              now + std::chrono::seconds(state.config.captcha_ttl_s),
                              now) != CaptchaStore::Insert::inserted) {
        LoginOutcome full;
        full.store_full = true; // MOCK-CAP-1
        return full;
    }
    session.captchas.push_back({oid, guid});
    state.counters.add("captcha_challenges");
    return reaction(true, std::move(guid), sms);
}

std::optional<std::string> open_captcha(EsiaState& state, const EsiaSession& session) {
    const auto now = state.now();
    for (auto it = session.captchas.rbegin(); it != session.captchas.rend(); ++it) {
        const auto open = state.captchas.with(
            it->guid, now, [](Captcha& c, TimePoint&) { return !c.solved && !c.sms; });
        if (open && *open) {
            return it->guid;
        }
    }
    return std::nullopt;
}

Response get_captcha_image(EsiaState& state, const Request& req) {
    const auto query = query_params(req, {"guid"});
    if (!query) {
        return common::message(400, "malformed query"); // GEN-9
    }
    const auto captcha =
        state.captchas.get(std::string(query->value_or_empty("guid")), state.now());
    if (!captcha || captcha->sms) {
        return common::message(404, "unknown captcha");
    }
    // ESIA-LOGIN-17: 200 image/svg+xml showing the 6-digit answer as text.
    Response r;
    r.status = 200;
    r.add_header("Content-Type", "image/svg+xml");
    r.add_header("Cache-Control", "no-store");
    r.body = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"180\" height=\"60\" "
             "viewBox=\"0 0 180 60\"><rect width=\"180\" height=\"60\" fill=\"#f2f2f2\"/>"
             "<text id=\"captcha-answer\" x=\"20\" y=\"42\" font-family=\"monospace\" "
             "font-size=\"32\" fill=\"#333\">" +
             captcha->answer + "</text></svg>";
    return r;
}

Response post_captcha_verify(EsiaState& state, const Request& req) {
    // GEN-9: guid and answer once each.
    const auto query = query_params(req, {"guid", "answer"});
    if (!query) {
        return api_bad_request();
    }
    const auto sid = session_sid(state, req);
    if (!sid) {
        return common::json_text(200, R"({"failed":"SESSION_EXPIRED"})");
    }
    // ESIA-LOGIN-17: SOLVED, or INVALID_CAPTCHA (the guid stays valid).
    if (solve(state, *sid, std::string(query->value_or_empty("guid")),
              query->value_or_empty("answer"))) {
        return common::json_text(200, R"({"status":"SOLVED"})");
    }
    return common::json_text(200, R"({"failed":"INVALID_CAPTCHA"})");
}

Response get_captcha_page(EsiaState& state, const Request& req) {
    // ESIA-LOGIN-27: the session's open challenge; without one, back to the login page.
    const auto guid =
        with_session(state, req.cookie(session_cookie_name),
                     [&](EsiaSession& session) { return open_captcha(state, session); });
    if (!guid || !*guid) {
        return common::redirect(state.config.public_base_url + "/login/");
    }
    return captcha_page(state, **guid);
}

Response post_captcha_page(EsiaState& state, const Request& req) {
    const auto form = form_params(req, {"guid", "answer"});
    if (!form) {
        return error_page(state.texts, EsiaError::invalid_parameter); // GEN-9
    }
    const auto sid = session_sid(state, req);
    const std::string guid(form->value_or_empty("guid"));
    // ESIA-LOGIN-27: a right answer leads back to the login page, a wrong one shows the page
    // again.
    if (sid && solve(state, *sid, guid, form->value_or_empty("answer"))) {
        return common::redirect(state.config.public_base_url + "/login/");
    }
    if (!sid || !state.captchas.get(guid, state.now())) {
        return common::redirect(state.config.public_base_url + "/login/");
    }
    return captcha_page(state, guid);
}

Response get_admin_captcha(EsiaState& state, const Request& req) {
    // MOCK-CP-9: {"answer":"<6 digits>"}.
    const auto captcha = state.captchas.get(std::string(req.path_param("guid")), state.now());
    if (!captcha) {
        return common::message(404, "unknown captcha");
    }
    boost::json::object body;
    body["answer"] = captcha->answer;
    return common::json(200, body);
}

} // namespace logintest::mocks::esia
