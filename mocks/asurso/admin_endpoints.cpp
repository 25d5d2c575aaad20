// §21.1 MOCK-CP-7: asurso's user administration on the control plane (loopback only, see
// common/host_dispatch). Reading users needs no protocol rules; nothing here is counted.
#include "mocks/asurso/handlers.hpp"
#include "mocks/common/civil_date.hpp"
#include "mocks/common/form.hpp"
#include "mocks/common/responses.hpp"
#include "mocks/common/text.hpp"

#include <boost/json/value.hpp>

namespace logintest::mocks::asurso {
namespace {

// MOCK-CP-7: {"userId","login","scid","roles","birthDate","firstLogin","locked",
// "failedCount","boundOid"}.
boost::json::object user_json(const UserRecord& u) {
    boost::json::object o;
    o["userId"] = u.user_id;
    o["login"] = u.login;
    o["scid"] = u.scid;
    boost::json::array roles;
    for (const int r : u.roles) {
        roles.push_back(r);
    }
    o["roles"] = std::move(roles);
    o["birthDate"] = common::iso_date(u.birth_date);
    o["firstLogin"] = u.first_login;
    o["locked"] = u.locked;
    o["failedCount"] = u.failed_count;
    if (u.bound_oid) {
        o["boundOid"] = *u.bound_oid;
    } else {
        o["boundOid"] = nullptr;
    }
    return o;
}

} // namespace

Response get_admin_users(AsursoState& state, const Request&) {
    boost::json::array list;
    for (const auto& u : state.users.all()) {
        list.push_back(user_json(u));
    }
    return common::json(200, list);
}

Response get_admin_user(AsursoState& state, const Request& req) {
    const auto query = common::parse_params(req.query);
    if (!query.ok || query.params.count("scid") > 1) {
        return common::message(400, "malformed query");
    }
    // MOCK-CP-7: {login} is percent-encoded UTF-8 (decoded by the router).
    const auto login = req.path_param("login");
    if (const auto scid_text = query.params.get("scid")) {
        const auto scid = common::parse_int(*scid_text);
        if (!scid || *scid < INT32_MIN || *scid > INT32_MAX) {
            return common::message(400, "scid must be an integer");
        }
        const auto user = state.users.find(static_cast<int>(*scid), login);
        if (!user) {
            return common::message(404, "unknown login");
        }
        return common::json(200, user_json(*user));
    }
    // MOCK-CP-7: scid may be left out when the login is unique.
    const auto users = state.users.find_all(login);
    if (users.empty()) {
        return common::message(404, "unknown login");
    }
    if (users.size() > 1) {
        return common::message(409, "ambiguous login");
    }
    return common::json(200, user_json(users.front()));
}

} // namespace logintest::mocks::asurso
