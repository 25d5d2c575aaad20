// §11: the login page `GET /app/login` when the query carries `loginState` (NS-LOGIN-3,
// NS-BIND-1..4): the normal login page with the expired-loginState error, the bind prompt
// (G4), the list of bound users, or the binding card (G5). The page route calls
// render_login_state_page(); the pages are XHTML (GEN-2) built with common::HtmlWriter.
#include "mocks/asurso/account_info.hpp"
#include "mocks/asurso/handlers.hpp"
#include "mocks/asurso/login_page.hpp"
#include "mocks/asurso/login_state.hpp"
#include "mocks/asurso/message_texts.hpp"
#include "mocks/asurso/page_scripts.hpp"
#include "mocks/asurso/school_directory.hpp"
#include "mocks/asurso/texts.hpp"
#include "mocks/common/form.hpp"
#include "mocks/common/html.hpp"
#include "mocks/common/responses.hpp"

#include <algorithm>
#include <set>

namespace logintest::mocks::asurso {
namespace {

// The binding card's submit (NS-BIND-5): getdata, the proof of NS-HASH-3, /webapi/login with
// sft, scid and loginState, then the entry point with `at` (NS-LOGIN-24); a 409 message goes
// to div#login-error. Choosing a type filters the schools by their data-sft.
constexpr std::string_view bind_card_script = R"JS((function(){var f=byId('bind-card');if(!f)return;
var sft=byId('sel-sft'),scid=byId('sel-scid');
sft.addEventListener('change',function(){for(var i=1;i<scid.options.length;i++){var o=scid.options[i];
o.hidden=sft.value!=='-999999'&&o.getAttribute('data-sft')!==sft.value;}});
function err(t){byId('login-error').textContent=t;}
f.addEventListener('submit',function(e){e.preventDefault();var pw=byId('PW').value;
fetch('/webapi/auth/getdata',{method:'POST',credentials:'same-origin'}).then(function(r){return r.json();})
.then(function(d){var pw2=md5hex(asciiBytes(d.salt+md5hex(nsEncode(pw))));
var b={LoginType:'1',sft:sft.value,scid:scid.value,UN:byId('UN').value,
PW:pw2.substring(0,Math.min(pw.length,32)),pw2:pw2,lt:d.lt,ver:d.ver,loginState:byId('loginState').value};
return fetch('/webapi/login',{method:'POST',credentials:'same-origin',
headers:{'Content-Type':'application/x-www-form-urlencoded'},body:formQuery(b)});})
.then(function(r){return r.json().then(function(j){return {s:r.status,j:j};});})
.then(function(x){if(x.s!==200){err(x.j.message||'');return;}var p=x.j.requestData||{};p.at=x.j.at;
postTo(x.j.entryPoint,p);}).catch(function(){err('');});});})();)JS";

// The frame every loginState page shares with the login page (NS-LOGIN-1): title and h1.
common::HtmlWriter page_start(const AsursoConfig& config) {
    const auto title = text_of(config, "T-PORTAL-TITLE", texts::portal_title);
    common::HtmlWriter w(title);
    w.element("h1", {{"id", "login-title"}}, title);
    return w;
}

// NS-BIND-2: no user is bound: the two messages, «Выход» and «Продолжить».
std::string bind_prompt(const AsursoState& state, const std::string& uuid) {
    const auto& base = state.config.public_base_url;
    const std::string exit_href = base + "/webapi/sso/esia/logout?loginState=" + uuid;
    const std::string continue_href = base + "/app/login?loginState=" + uuid + "&bind=1";
    auto w = page_start(state.config);
    w.open("div", {{"id", "bind-prompt"}});
    w.element("p", {{"id", "bind-msg-1"}}, texts::bind_none);
    w.element("p", {{"id", "bind-msg-2"}}, texts::bind_howto);
    w.element("a", {{"id", "bind-exit"}, {"href", exit_href}}, texts::bind_exit);
    w.element("a", {{"id", "bind-continue"}, {"href", continue_href}}, texts::bind_continue);
    w.close();
    return w.finish();
}

// NS-BIND-3: the bound users, each with a form for the loginType=8 login (NS-ESIA-21).
std::string user_list(const AsursoState& state, const std::string& uuid, std::int64_t oid,
                      const std::vector<UserRecord>& users) {
    const std::string action = state.config.public_base_url + "/webapi/auth/login";
    auto w = page_start(state.config);
    w.open("ul", {{"id", "esia-users"}});
    for (const auto& user : users) {
        const std::string lscope = lscope_id(oid, user.user_id);
        w.open("li", {{"class", "esia-user"}});
        w.element("span", {{"class", "esia-user-name"}}, esia_display_name(state, user));
        w.open("form", {{"method", "post"}, {"action", action}});
        w.void_element("input", {{"type", "hidden"}, {"name", "loginType"}, {"value", "8"}});
        w.void_element("input", {{"type", "hidden"}, {"name", "lscope"}, {"value", lscope}});
        w.void_element("input", {{"type", "hidden"}, {"name", "idp"}, {"value", "esia"}});
        w.void_element("input", {{"type", "hidden"}, {"name", "loginState"}, {"value", uuid}});
        w.element("button", {{"type", "submit"}},
                  text_of(state.config, "T-LOGIN-BUTTON", texts::login_button));
        w.close(); // form
        w.close(); // li
    }
    w.close();
    return w.finish();
}

// NS-BIND-4: the binding card (G5): type and school of every fixture school, UN, PW, the
// hidden loginState, the submit button and the error box.
std::string bind_card(const AsursoState& state, const std::string& uuid) {
    const auto& config = state.config;
    const auto& fixture = state.fixture;
    auto w = page_start(config);
    w.open("form", {{"id", "bind-card"},
                    {"method", "post"},
                    {"action", config.public_base_url + "/webapi/login"}});
    w.element("h2", {{"id", "bind-card-title"}},
              text_of(config, "T-BIND-CARD-TITLE", texts::bind_card_title));

    // select#sel-sft: the organisation types of all fixture schools, in the order of funcs.
    std::set<int> types;
    for (const auto& school : fixture.schools) {
        types.insert(school.sft);
    }
    w.element("label", {{"for", "sel-sft"}}, text_of(config, "T-LABEL-SFT", texts::label_sft));
    w.open("select", {{"id", "sel-sft"}, {"name", "sft"}});
    w.element("option", {{"value", std::to_string(unselected)}}, texts::ph_sft);
    for (const auto& func : fixture.regions.funcs) {
        if (types.contains(func.id)) {
            w.element("option", {{"value", std::to_string(func.id)}}, func.name);
        }
    }
    w.close();

    // select#sel-scid: every fixture school, by id, with its shortName and data-sft.
    auto schools = fixture.schools;
    std::sort(schools.begin(), schools.end(),
              [](const auto& a, const auto& b) { return a.id < b.id; });
    w.element("label", {{"for", "sel-scid"}}, text_of(config, "T-LABEL-SCID", texts::label_scid));
    w.open("select", {{"id", "sel-scid"}, {"name", "scid"}});
    w.element("option", {{"value", std::to_string(unselected)}}, texts::ph_scid);
    for (const auto& school : schools) {
        w.element("option",
                  {{"value", std::to_string(school.id)}, {"data-sft", std::to_string(school.sft)}},
                  school.short_name);
    }
    w.close();

    // input#UN, input#PW as in NS-LOGIN-1; hidden loginState; the button; the error box.
    w.element("label", {{"for", "UN"}}, text_of(config, "T-LABEL-UN", texts::label_un));
    w.void_element("input", {{"id", "UN"}, {"name", "UN"}, {"type", "text"}});
    w.element("label", {{"for", "PW"}}, text_of(config, "T-LABEL-PW", texts::label_pw));
    w.void_element("input", {{"id", "PW"}, {"name", "PW"}, {"type", "password"}});
    w.void_element(
        "input",
        {{"type", "hidden"}, {"id", "loginState"}, {"name", "loginState"}, {"value", uuid}});
    w.element("button", {{"id", "bind-submit"}, {"type", "submit"}},
              text_of(config, "T-LOGIN-BUTTON", texts::login_button));
    w.element("div", {{"id", "login-error"}});
    w.close(); // form
    w.script(scripts::netschool);
    w.script(bind_card_script);
    return w.finish();
}

} // namespace

Response render_login_state_page(AsursoState& state, const Request& req) {
    // A page: GEN-3 parameters, the first of a repeated one counts (a malformed query has none).
    const auto parsed = common::parse_params(req.query);
    const common::Params empty;
    const common::Params* query = parsed ? &*parsed : &empty;
    const std::string uuid(query->value_or_empty("loginState"));
    // NS-BIND-1: a loginState not valid for this NSSESSIONID: the normal login page with
    // div#login-error T-LOGIN-STATE-EXPIRED.
    const auto ls = find_login_state(state, uuid, req);
    if (!ls) {
        LoginPageOptions options;
        options.category = std::string(login_category(query->value_or_empty("category")));
        options.login_error =
            std::string(text_of(state.config, "T-LOGIN-STATE-EXPIRED", texts::login_state_expired));
        return login_page(state, options);
    }
    // NS-BIND-4: with bind=1, the binding card.
    if (query->value_or_empty("bind") == "1") {
        return common::html(200, bind_card(state, uuid));
    }
    // NS-BIND-2, -3: the users account-info lists (NS-ESIA-19, -20) decide prompt or list.
    const auto users = listed_users(state, *ls->oid);
    if (users.empty()) {
        return common::html(200, bind_prompt(state, uuid));
    }
    return common::html(200, user_list(state, uuid, *ls->oid, users));
}

} // namespace logintest::mocks::asurso
