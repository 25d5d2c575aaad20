// §6.2 and §6.4: the login methods (`GET /webapi/logindata`) and the one-time salt
// (`POST /webapi/auth/getdata`), both of which open or keep the pre-login session.
#include "mocks/asurso/handlers.hpp"
#include "mocks/asurso/webapi_params.hpp"
#include "mocks/common/random.hpp"
#include "mocks/common/responses.hpp"

#include <boost/json/value.hpp>

namespace logintest::mocks::asurso {

Response get_logindata(AsursoState& state, const Request& req) {
    if (!query_params(req, {})) {
        return bad_request(); // GEN-9
    }
    // NS-LOGIN-5: keep the known pre-login session or open a new one.
    const auto presession = ensure_presession(state, req);
    if (presession.full) {
        return common::store_full(); // MOCK-CAP-1
    }
    // NS-LOGIN-4: exactly these fields, values from the configuration (§23).
    const auto& c = state.config;
    boost::json::object body;
    body["productName"] = c.product_name;
    body["version"] = c.version;
    body["schoolLogin"] = c.school_login_enabled; // NS-LOGIN-15
    body["emLogin"] = false;
    body["esiaLogin"] = c.esia_login_enabled;
    body["esiaLoginPage"] = "/webapi/sso/esia/crosslogin";
    body["esiaMainAuth"] = c.esia_main_auth;
    body["esiaButton"] = c.esia_button;
    body["signatureLogin"] = false;
    body["cacheVer"] = c.cache_ver;
    body["windowsAuth"] = false;
    body["enableSms"] = false;
    body["esaLogin"] = false;
    body["esaLoginPage"] = nullptr;
    Response r = common::json(200, body);
    set_presession_cookie(state, r, presession); // NS-LOGIN-5
    return r;
}

Response post_auth_getdata(AsursoState& state, const Request& req) {
    // GEN-9: getdata takes no body; a body, if any, must at least be a form.
    if (!query_params(req, {}) || (!req.body.empty() && !form_params(req, {}))) {
        return bad_request();
    }
    // NS-LOGIN-12 / NS-LOGIN-5: getdata keeps or opens the pre-login session too.
    const auto presession = ensure_presession(state, req);
    if (presession.full) {
        return common::store_full(); // MOCK-CAP-1
    }
    Response r;
    if (!state.config.school_login_enabled) {
        r = common::json_text(200, "{}"); // NS-LOGIN-15: an ESIA-only deployment
    } else {
        // NS-LOGIN-12: lt and ver 9 digits, salt 10 digits, random, no leading zero.
        IssuedSalt issued{common::random_digits(9), common::random_digits(9),
                          common::random_digits(10), state.now()};
        boost::json::object body;
        body["lt"] = issued.lt;
        body["ver"] = issued.ver;
        body["salt"] = issued.salt;
        // NS-LOGIN-13: stored in the pre-login session, replacing any earlier salt.
        const bool stored = state.presessions
                                .with(presession.id, state.now(),
                                      [&](PreSession& p, auto&) { p.salt = std::move(issued); })
                                .has_value();
        if (!stored) {
            return common::store_full(); // expired between the two calls: treat as no room
        }
        state.counters.add("salts_issued"); // MOCK-CP-4
        r = common::json(200, body);
    }
    set_presession_cookie(state, r, presession); // NS-LOGIN-5
    return r;
}

} // namespace logintest::mocks::asurso
