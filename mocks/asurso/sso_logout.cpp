// §11: `GET /webapi/sso/esia/logout?loginState=<uuid>`, «Выход» on the bind prompt
// (NS-BIND-11): the loginState is discarded and the browser goes on to esia's logout, which
// returns it to the asurso portal.
#include "mocks/asurso/handlers.hpp"
#include "mocks/asurso/login_state.hpp"
#include "mocks/asurso/webapi_params.hpp"
#include "mocks/common/responses.hpp"
#include "support/url/percent.hpp"

namespace logintest::mocks::asurso {

Response get_esia_logout(AsursoState& state, const Request& req) {
    const auto query = query_params(req, {"loginState"}); // GEN-9
    if (!query) {
        return bad_request();
    }
    // NS-BIND-11: the loginState is discarded if it is valid; no error otherwise.
    discard_login_state(state, query->value_or_empty("loginState"), req);
    // NS-BIND-11: 302 to <esia>/idp/ext/Logout?client_id=ASURSO&redirect_url=<"<asurso>/">.
    return common::redirect(
        state.config.esia_public_base_url +
        "/idp/ext/Logout?client_id=" + support::percent_encode(state.config.esia_client.client_id) +
        "&redirect_url=" + support::percent_encode(state.config.public_base_url + "/"));
}

} // namespace logintest::mocks::asurso
