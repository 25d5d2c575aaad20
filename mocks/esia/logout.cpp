// §19: ESIA logout, `GET /idp/ext/Logout?client_id=<id>[&redirect_url=<url>]`
// (ESIA-LOGOUT-1..5): the session ends on the server, the cookie is cleared, and the answer
// redirects only to a registered prefix of the client (no open redirect).
#include "mocks/common/responses.hpp"
#include "mocks/esia/esia_errors.hpp"
#include "mocks/esia/esia_http.hpp"
#include "mocks/esia/handlers.hpp"
#include "mocks/esia/xhtml.hpp"

#include <boost/url/parse.hpp>

#include <algorithm>

namespace logintest::mocks::esia {
namespace {

// ESIA-LOGOUT-2: redirect_url is an absolute http(s) URI and starts with one of the client's
// logout_redirect_prefixes (any such URI with the `open-logout-redirect` defect). A value that
// is no URI (CR, LF, NUL, spaces: issue 10, finding 2, response splitting) is a bad
// redirect_url like any other and gets the page, never a Location (mock decision, docs/mock.md).
bool may_redirect(const EsiaState& state, std::string_view client_id,
                  std::string_view redirect_url) {
    const auto uri = boost::urls::parse_absolute_uri(redirect_url);
    if (redirect_url.empty() || !uri ||
        (uri->scheme_id() != boost::urls::scheme::http &&
         uri->scheme_id() != boost::urls::scheme::https)) {
        return false;
    }
    if (state.on(common::Defect::open_logout_redirect)) {
        return true;
    }
    const auto client = state.clients.find(client_id);
    if (!client) {
        return false;
    }
    return std::any_of(client->logout_redirect_prefixes.begin(),
                       client->logout_redirect_prefixes.end(), [&](const std::string& prefix) {
                           return !prefix.empty() &&
                                  redirect_url.substr(0, prefix.size()) == prefix;
                       });
}

} // namespace

Response get_logout(EsiaState& state, const Request& req) {
    // GEN-9: each parameter once; refused without side effects.
    const auto query = query_params(req, {"client_id", "redirect_url"});
    if (!query) {
        return error_page(state.texts, EsiaError::invalid_parameter);
    }
    state.counters.add("logouts");

    // ESIA-LOGOUT-1: the session ends on the server, authentication and pending authorization
    // alike; ESIA-LOGOUT-3: without a session the answer is the same. ESIA-LOGOUT-5: tokens
    // and asurso sessions are untouched. With the `esia-logout-keeps-sso` defect the session
    // stays authenticated and its cookie is left in place.
    const bool keep = state.on(common::Defect::esia_logout_keeps_sso);
    if (const auto session_id = req.cookie(session_cookie_name); session_id && !keep) {
        state.sessions.erase(*session_id, state.now());
    }

    // ESIA-LOGOUT-2: a redirect only to a registered prefix, else the page «Вы вышли из системы».
    const auto redirect_url = query->value_or_empty("redirect_url");
    Response response;
    if (may_redirect(state, query->value_or_empty("client_id"), redirect_url)) {
        response = common::redirect(std::string(redirect_url));
    } else {
        const auto& t = state.texts;
        response =
            common::html(200, xhtml_page(t.get(text_keys::title),
                                         "<h1 id=\"logout-title\">" +
                                             xml_escape(t.get(text_keys::logged_out)) + "</h1>"));
    }
    if (!keep) {
        clear_session_cookie(state, response); // ESIA-LOGOUT-1
    }
    return response;
}

} // namespace logintest::mocks::esia
