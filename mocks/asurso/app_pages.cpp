// §8 and §6.7, §9.3: the app pages a browser reaches after login by form-POSTing `at` to the
// entry point (NS-LOGIN-24): the main page (NS-SESSION-13), the password change page
// (NS-PWD-12), the role choice (NS-LOGIN-28) and the security warning (NS-SESSION-14). Pages
// authenticate by the ESRNSec cookie alone (NS-SESSION-12).
#include "mocks/asurso/handlers.hpp"
#include "mocks/asurso/message_texts.hpp"
#include "mocks/asurso/page_scripts.hpp"
#include "mocks/asurso/texts.hpp"
#include "mocks/common/form.hpp"
#include "mocks/common/html.hpp"
#include "mocks/common/responses.hpp"

namespace logintest::mocks::asurso {
namespace {

// NS-SESSION-12: the live session of the ESRNSec cookie; a POST may carry `at` (and
// requestData fields), which must then name that same session. Renews it (NS-SESSION-4).
std::optional<Session> page_session(AsursoState& state, const Request& req) {
    std::optional<std::string> posted_at;
    if (req.method == "POST" && req.media_type() == "application/x-www-form-urlencoded") {
        const auto form = common::parse_params(req.body);
        if (!form) {
            return std::nullopt;
        }
        if (const auto at = form->get("at")) {
            posted_at = std::string(*at);
        }
    }
    if (posted_at) {
        // `at` present: it must name the live session whose ESRNSec is the cookie.
        return authenticate(state, req, *posted_at);
    }
    return authenticate_by_cookie(state, req);
}

// NS-SESSION-12: no live session, back to the login page.
Response to_login(const AsursoState& state) {
    return common::redirect(state.config.public_base_url + "/app/login");
}

} // namespace

Response app_school_main(AsursoState& state, const Request& req) {
    const auto session = page_session(state, req);
    if (!session) {
        return to_login(state); // NS-SESSION-12
    }
    const auto& c = state.config;
    const auto user = state.users.by_id(session->user_id);
    const auto* school = state.fixture.school(session->scid);
    // NS-SESSION-13: h1#main-title, span#user-name, span#org-name, form#logout-form.
    const auto title = text_of(c, "T-PORTAL-TITLE", texts::portal_title);
    common::HtmlWriter page(title);
    page.element("h1", {{"id", "main-title"}}, title);
    page.open("p");
    page.element("span", {{"id", "user-name"}}, user ? short_display_name(*user) : std::string());
    page.text(" — ");
    page.element("span", {{"id", "org-name"}}, school ? school->short_name : std::string());
    page.close();
    page.open("p");
    page.element("a",
                 {{"id", "change-password"}, {"href", c.public_base_url + "/app/change-password"}},
                 text_of(c, "T-CHPWD-TITLE-PLAIN", texts::chpwd_title_plain));
    page.close();
    // NS-SESSION-13: the logout button's script posts /webapi/auth/logout with `at`; without
    // script the form posts `at` as a field (NS-SESSION-9).
    page.open("form", {{"id", "logout-form"},
                       {"method", "post"},
                       {"action", c.public_base_url + "/webapi/auth/logout"}});
    page.void_element("input",
                      {{"id", "at"}, {"type", "hidden"}, {"name", "at"}, {"value", session->at}});
    page.element("button", {{"id", "logout-button"}, {"type", "submit"}},
                 text_of(c, "T-MAIN-LOGOUT", texts::main_logout));
    page.close();
    page.script(scripts::netschool);
    page.script(scripts::logout_form);
    return common::html(200, page.finish());
}

Response app_change_password(AsursoState& state, const Request& req) {
    const auto session = page_session(state, req);
    if (!session) {
        return to_login(state); // NS-SESSION-12
    }
    const auto& c = state.config;
    const auto query = common::parse_params(req.query);
    const bool first = query && query->value_or_empty("first") == "1";
    // NS-PWD-12: the title (T-CHPWD-TITLE with first=1), the two rules, three password
    // inputs with labels, the submit button, div#chpwd-error, and a#chpwd-skip with first=1.
    const auto title = first ? text_of(c, "T-CHPWD-TITLE", texts::chpwd_title)
                             : text_of(c, "T-CHPWD-TITLE-PLAIN", texts::chpwd_title_plain);
    common::HtmlWriter page(title);
    page.element("h1", {{"id", "chpwd-title"}}, title);
    page.element("p", {{"id", "chpwd-rule-latin"}}, text_of(c, "T-PWD-LATIN", texts::pwd_latin));
    page.element("p", {{"id", "chpwd-rule-length"}}, password_short_text(c));
    // The passwords have no `name`: without the script nothing but `at` is posted (NS-PWD-6).
    const std::string user_id = std::to_string(session->user_id);
    page.open("form", {{"id", "chpwd-form"},
                       {"method", "post"},
                       {"action", c.public_base_url + "/app/change-password"},
                       {"data-user-id", user_id},
                       {"data-mismatch", texts::chpwd_mismatch}});
    page.void_element("input",
                      {{"id", "at"}, {"type", "hidden"}, {"name", "at"}, {"value", session->at}});
    const struct {
        std::string_view id, key, label;
    } fields[] = {
        {"old-password", "T-LABEL-OLD-PW", texts::label_old_pw},
        {"new-password", "T-LABEL-NEW-PW", texts::label_new_pw},
        {"new-password-confirm", "T-LABEL-NEW-PW2", texts::label_new_pw2},
    };
    for (const auto& f : fields) {
        page.open("p");
        page.element("label", {{"for", f.id}}, text_of(c, f.key, f.label));
        page.void_element("input", {{"id", f.id}, {"type", "password"}});
        page.close();
    }
    page.element("button", {{"id", "chpwd-submit"}, {"type", "submit"}},
                 text_of(c, "T-CHPWD-SUBMIT", texts::chpwd_submit));
    page.close();
    page.element("div", {{"id", "chpwd-error"}, {"class", "error"}});
    if (first) {
        page.element("a", {{"id", "chpwd-skip"}, {"href", c.public_base_url + "/app/school/main/"}},
                     text_of(c, "T-CHPWD-SKIP", texts::chpwd_skip));
    }
    page.script(scripts::netschool);
    page.script(scripts::password_form);
    return common::html(200, page.finish());
}

Response app_choose_session_role(AsursoState& state, const Request& req) {
    const auto session = page_session(state, req);
    if (!session) {
        return to_login(state); // NS-SESSION-12
    }
    // NS-LOGIN-28: h1#role-title, one li per role of the user (its name) in ul#roles.
    const auto& c = state.config;
    const auto title = text_of(c, "T-CHOOSE-ROLE", texts::choose_role);
    common::HtmlWriter page(title);
    page.element("h1", {{"id", "role-title"}}, title);
    page.open("ul", {{"id", "roles"}});
    if (const auto user = state.users.by_id(session->user_id)) {
        for (const int role_id : user->roles) {
            const auto* role = state.fixture.role(role_id);
            const std::string id = std::to_string(role_id);
            page.element("li", {{"data-role-id", id}}, role ? role->name : std::string());
        }
    }
    page.close();
    return common::html(200, page.finish());
}

Response post_security_warning(AsursoState& state, const Request& req) {
    // NS-SESSION-14: `at` (header or form field) with the session cookie; WarnType=2 is the
    // acknowledgement, answered with 302 to the main page.
    std::string at(req.header("at").value_or(std::string_view{}));
    if (at.empty() && req.media_type() == "application/x-www-form-urlencoded") {
        const auto form = common::parse_params(req.body);
        if (form) {
            at = std::string(form->value_or_empty("at"));
        }
    }
    if (!authenticate(state, req, at)) {
        return to_login(state);
    }
    return common::redirect(state.config.public_base_url + "/app/school/main/");
}

} // namespace logintest::mocks::asurso
