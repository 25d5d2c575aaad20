// §14.1: the login page «Вход» (ESIA-LOGIN-1), its form login without JavaScript
// (ESIA-LOGIN-2) and the session-expired state (ESIA-LOGIN-3); the recovery stub.
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

// ESIA-LOGIN-2: the text of `div#login-error` for a failure code.
std::string_view error_key(std::string_view failed) {
    if (failed == "INVALID_PASSWORD" || failed == "ACCOUNT_NOT_FOUND") {
        return k::bad_cred;
    }
    if (failed == "INVALID_LOGIN") {
        return k::bad_login;
    }
    if (failed == "ACCOUNT_LOCKED") {
        return k::locked;
    }
    return k::session_expired;
}

} // namespace

Response login_page(const EsiaState& state, bool snils, std::string_view login,
                    std::string_view error) {
    const auto& t = state.texts;
    const std::string& base = state.config.public_base_url;
    const auto text = [&](std::string_view key) { return xml_escape(t.get(key)); };
    // ESIA-LOGIN-1: every element with its id and text.
    std::string b;
    b += "<h1 id=\"login-title\">" + text(k::login_h1) + "</h1>\n";
    b += "<div id=\"login-tabs\">\n<a id=\"tab-phone\" href=\"" +
         xml_escape(base + "/login/?idType=phone") + "\">" + text(k::tab_phone) + "</a>\n";
    b += "<a id=\"tab-snils\" href=\"" + xml_escape(base + "/login/?idType=snils") + "\">" +
         text(k::tab_snils) + "</a>\n</div>\n";
    b += "<form id=\"login-form\" method=\"post\" action=\"" + xml_escape(base + "/login/") +
         "\">\n";
    b += "<label id=\"login-label\" for=\"login\">" +
         text(snils ? k::label_snils : k::label_phone) + "</label>\n";
    b += "<input id=\"login\" name=\"login\" type=\"text\" value=\"" + xml_escape(login) + "\"/>\n";
    b += "<label for=\"password\">" + text(k::label_pw) + "</label>\n";
    b += "<input id=\"password\" name=\"password\" type=\"password\" value=\"\"/>\n";
    b += "<input id=\"foreign_computer\" type=\"checkbox\" name=\"foreign_computer\" "
         "value=\"on\"/>\n";
    b += "<label for=\"foreign_computer\">" + text(k::foreign) + "</label>\n";
    b += std::string("<input id=\"idType\" type=\"hidden\" name=\"idType\" value=\"") +
         (snils ? "snils" : "phone") + "\"/>\n";
    b += "<div id=\"login-error\">" + xml_escape(error) + "</div>\n";
    b += "<button id=\"login-submit\" type=\"submit\">" + text(k::submit) + "</button>\n";
    b += "</form>\n";
    b += "<a id=\"recovery\" href=\"" + xml_escape(base + "/login/recovery") + "\">" +
         text(k::recovery) + "</a>";
    return common::html(200, xhtml_page(t.get(k::title), b));
}

Response outcome_redirect(const EsiaState& state, const LoginOutcome& outcome) {
    const std::string& base = state.config.public_base_url;
    Response r;
    if (outcome.store_full) {
        return common::store_full(); // MOCK-CAP-1
    }
    switch (*outcome.action) {
    case LoginAction::done:
        r = common::redirect(outcome.redirect_url);
        break;
    case LoginAction::enter_mfa:
        r = common::redirect(base + "/login/mfa");
        break;
    case LoginAction::anomaly_reaction:
        r = common::redirect(base + "/login/captcha");
        break;
    case LoginAction::scope_consent:
        r = common::redirect(base + "/login/consent");
        break;
    }
    if (outcome.new_session_id) {
        set_session_cookie(state, r, *outcome.new_session_id); // ESIA-LOGIN-8
    }
    return r;
}

Response get_login_page(EsiaState& state, const Request& req) {
    const auto query = query_params(req, {"idType"});
    const bool snils = query && query->value_or_empty("idType") == "snils";
    // ESIA-LOGIN-3: without a valid pending authorization the page says the session expired.
    const auto valid = with_session(state, req.cookie(session_cookie_name), [&](EsiaSession& s) {
        return has_valid_pending(s, state.config, state.now());
    });
    const bool expired = !valid || !*valid;
    return login_page(state, snils, "", expired ? state.texts.get(k::session_expired) : "");
}

Response post_login_page(EsiaState& state, const Request& req) {
    // GEN-9: a form with each field once, refused before anything changes.
    const auto form = form_params(req, {"login", "password", "idType", "foreign_computer"});
    if (!form) {
        return error_page(state.texts, EsiaError::invalid_parameter);
    }
    LoginInput input;
    input.login = std::string(form->value_or_empty("login"));
    input.password = std::string(form->value_or_empty("password"));
    if (const auto id_type = form->get("idType"); id_type && !id_type->empty()) {
        input.id_type = std::string(*id_type);
    }
    input.foreign_computer = form->value_or_empty("foreign_computer") == "on";

    // ESIA-LOGIN-2: the state machine of the JSON API.
    const auto session_id = req.cookie(session_cookie_name);
    const LoginOutcome outcome = run_password_login(state, session_id, input);

    // SOLVE_ANOMALY_REACTION and CAPTCHA_REQUIRED both go to the captcha page.
    if (!outcome.action && outcome.failed == "CAPTCHA_REQUIRED") {
        return common::redirect(state.config.public_base_url + "/login/captcha");
    }
    if (outcome.action || outcome.store_full) {
        return outcome_redirect(state, outcome);
    }
    // A failure: the page again, login prefilled, password empty, the error shown.
    return login_page(state, input.id_type == "snils", input.login,
                      state.texts.get(error_key(outcome.failed)));
}

Response get_recovery_page(EsiaState& state, const Request&) {
    // ESIA-LOGIN-1 (MAY): a stub behind «Не удаётся войти?».
    const auto& t = state.texts;
    const std::string body = "<h1 id=\"recovery-title\">" + xml_escape(t.get(k::recovery)) +
                             "</h1>\n<p id=\"recovery-text\"><a id=\"recovery-back\" href=\"" +
                             xml_escape(state.config.public_base_url + "/login/") + "\">" +
                             xml_escape(t.get(k::login_h1)) + "</a></p>";
    return common::html(200, xhtml_page(t.get(k::title), body));
}

} // namespace logintest::mocks::esia
