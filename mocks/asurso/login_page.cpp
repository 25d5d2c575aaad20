// §6.1: the login page `GET /app/login` (NS-LOGIN-1..3, NS-PORTAL-3, NS-ESIA-17). With
// `loginState` the SSO pages take over (§11, render_login_state_page in the SSO files).
#include "mocks/asurso/login_page.hpp"

#include "mocks/asurso/handlers.hpp"
#include "mocks/asurso/message_texts.hpp"
#include "mocks/asurso/page_scripts.hpp"
#include "mocks/asurso/school_directory.hpp"
#include "mocks/asurso/texts.hpp"
#include "mocks/common/form.hpp"
#include "mocks/common/html.hpp"
#include "mocks/common/responses.hpp"

#include <array>
#include <string>

namespace logintest::mocks::asurso {
namespace {

// NS-LOGIN-1: the placeholder of each select, in §6.3 order.
struct SelectText {
    std::string_view key;
    std::string_view text;
};
constexpr std::array<SelectText, select_level_count> placeholders = {{
    {"T-PH-CID", texts::ph_cid},
    {"T-PH-SID", texts::ph_sid},
    {"T-PH-PID", texts::ph_pid},
    {"T-PH-CN", texts::ph_cn},
    {"T-PH-SFT", texts::ph_sft},
    {"T-PH-SCID", texts::ph_scid},
}};

// NS-LOGIN-1: select#sel-<name> with the placeholder option -999999, then the options the
// automatic selection of NS-LOGIN-7 gives without parameters (prerendered, MAY).
void write_selects(common::HtmlWriter& page, const AsursoState& state) {
    const auto prepared = prepare_login_form(state.fixture, {});
    for (std::size_t i = 0; i < select_level_count; ++i) {
        const std::string name(select_level_name(static_cast<SelectLevel>(i)));
        const std::string id = "sel-" + name;
        page.open("p");
        page.open("select", {{"id", id}, {"name", name}});
        const auto& ph = placeholders[i];
        page.element("option", {{"value", "-999999"}}, text_of(state.config, ph.key, ph.text));
        for (const auto& item : prepared.lists[i]) {
            const std::string value = std::to_string(item.id);
            if (item.id == prepared.selected[i]) {
                page.element("option", {{"value", value}, {"selected", "selected"}}, item.name);
            } else {
                page.element("option", {{"value", value}}, item.name);
            }
        }
        page.close().close();
    }
}

} // namespace

std::string_view login_category(std::string_view value) {
    // NS-PORTAL-3: the three category codes of the portal; anything else is pupil.
    if (value == "teacher" || value == "em") {
        return value;
    }
    return "pupil";
}

std::string_view esia_error_text(const AsursoConfig& config, std::string_view code) {
    // NS-ESIA-17: the mapping table; unknown codes read as a failed ESIA login.
    if (code == "esia_denied") {
        return text_of(config, "T-ESIA-CANCELLED", texts::esia_cancelled);
    }
    if (code == "child_account") {
        return text_of(config, "T-UNDER-14", texts::under_14);
    }
    if (code == "unconfirmed_account") {
        return text_of(config, "T-ESIA-UNCONFIRMED", texts::esia_unconfirmed);
    }
    return text_of(config, "T-ESIA-FAILED", texts::esia_failed);
}

common::Response login_page(const AsursoState& state, const LoginPageOptions& options) {
    const auto& c = state.config;
    const auto& base = c.public_base_url;
    const auto title = text_of(c, "T-PORTAL-TITLE", texts::portal_title);
    common::HtmlWriter page(title);
    page.element("h1", {{"id", "login-title"}}, title);
    // NS-LOGIN-3: the esiaError message.
    if (!options.esia_error.empty()) {
        page.element("div", {{"id", "esia-error"}, {"class", "error"}}, options.esia_error);
    }
    // NS-LOGIN-1: div#login-error, empty unless a clause puts a message there.
    page.element("div", {{"id", "login-error"}, {"class", "error"}}, options.login_error);

    // NS-LOGIN-1: the ESIA button iff logindata.esiaLogin, and the ESIA notice.
    if (c.esia_login_enabled) {
        page.element("a", {{"id", "esia-login"}, {"href", base + "/webapi/sso/esia/crosslogin"}},
                     text_of(c, "T-ESIA-BUTTON", texts::esia_button));
    }
    page.element("p", {{"id", "esia-notice"}}, text_of(c, "T-ESIA-NOTICE", texts::esia_notice));

    // NS-LOGIN-1: the school form iff logindata.schoolLogin; NS-PORTAL-3 category echo.
    const std::string category(login_category(options.category));
    if (c.school_login_enabled) {
        page.open("form",
                  {{"id", "school-login"}, {"method", "post"}, {"action", base + "/webapi/login"}});
        page.void_element(
            "input",
            {{"id", "category"}, {"type", "hidden"}, {"name", "category"}, {"value", category}});
        write_selects(page, state);
        page.open("p");
        page.element("label", {{"for", "UN"}}, text_of(c, "T-LABEL-UN", texts::label_un));
        page.void_element("input", {{"id", "UN"}, {"name", "UN"}, {"type", "text"}});
        page.close();
        page.open("p");
        page.element("label", {{"for", "PW"}}, text_of(c, "T-LABEL-PW", texts::label_pw));
        page.void_element("input", {{"id", "PW"}, {"name", "PW"}, {"type", "password"}});
        page.close();
        page.element("button", {{"id", "login-submit"}, {"type", "submit"}},
                     text_of(c, "T-LOGIN-BUTTON", texts::login_button));
        page.close();
    } else {
        page.void_element(
            "input",
            {{"id", "category"}, {"type", "hidden"}, {"name", "category"}, {"value", category}});
    }

    // NS-LOGIN-1: the three hints.
    page.element("p", {{"id", "hint-latin"}}, text_of(c, "T-HINT-LATIN", texts::hint_latin));
    page.element("p", {{"id", "hint-attempts"}},
                 text_of(c, "T-HINT-ATTEMPTS", texts::hint_attempts));
    page.element("p", {{"id", "hint-forgot"}}, text_of(c, "T-HINT-FORGOT", texts::hint_forgot));

    // NS-LOGIN-2: the form's script (MAY); a tester drives /webapi itself.
    page.script(scripts::netschool);
    page.script(scripts::login_form);
    return common::html(200, page.finish());
}

Response get_login_page(AsursoState& state, const Request& req) {
    const auto query = common::parse_params(req.query);
    const common::Params params = query ? *query : common::Params{};
    // NS-LOGIN-3: with `loginState` the page follows §11 (bind prompt, user list, card).
    if (params.has("loginState")) {
        return render_login_state_page(state, req);
    }
    LoginPageOptions options;
    options.category = std::string(login_category(params.value_or_empty("category")));
    // NS-LOGIN-3, NS-ESIA-17: div#esia-error for `esiaError`.
    if (const auto code = params.get("esiaError")) {
        options.esia_error = std::string(esia_error_text(state.config, *code));
    }
    return login_page(state, options);
}

} // namespace logintest::mocks::asurso
