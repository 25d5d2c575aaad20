// §8: `POST /webapi/auth/logout` (NS-SESSION-9, -10).
#include "mocks/asurso/handlers.hpp"
#include "mocks/asurso/webapi_params.hpp"
#include "mocks/common/responses.hpp"

namespace logintest::mocks::asurso {

Response post_logout(AsursoState& state, const Request& req) {
    // GEN-9: `at` and `ver`/`VER` at most once in the form and in the query.
    const auto form = form_params(req, {"at", "ver", "VER"});
    const auto query = query_params(req, {"at", "ver", "VER"});
    if (!form || !query) {
        return bad_request();
    }
    // NS-SESSION-9: `at` from the header, else the form field, else the query parameter.
    std::string_view at;
    if (const auto header = req.header("at")) {
        at = *header;
    } else if (const auto field = form->get("at")) {
        at = *field;
    } else {
        at = query->value_or_empty("at");
    }
    // NS-SESSION-3: a live session with the matching ESRNSec cookie, else 401.
    const auto session = authenticate(state, req, at);
    if (!session) {
        return unauthorized();
    }
    // NS-SESSION-9: destroy the session; a second logout then gets 401 (NS-SESSION-10).
    // MOCK-DEF logout-keeps-session (violates NS-SESSION-10): the answer is the same, but
    // the session stays alive.
    if (!state.defects.on(common::Defect::logout_keeps_session)) {
        if (!state.sessions.erase(session->at, state.now())) {
            return unauthorized(); // a concurrent logout won
        }
        state.session_cookies.erase(session->esrnsec, state.now()); // NS-SESSION-12 index
    }
    state.counters.add("logouts"); // MOCK-CP-4
    // NS-SESSION-9: 200, empty body, ESRNSec cleared with Max-Age=0.
    Response r = common::empty(200);
    common::add_cookie(r, {std::string(session_cookie), "", 0, state.config.tls});
    return r;
}

} // namespace logintest::mocks::asurso
