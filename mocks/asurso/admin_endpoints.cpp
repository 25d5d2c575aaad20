// §21.1 MOCK-CP-7: asurso's user administration on the control plane (loopback only, see
// common/host_dispatch): listing, reading and adding users. No protocol rules apply;
// nothing here is counted.
#include "mocks/asurso/admin_users.hpp"
#include "mocks/asurso/handlers.hpp"
#include "mocks/common/civil_date.hpp"
#include "mocks/common/form.hpp"
#include "mocks/common/responses.hpp"
#include "support/text/strings.hpp"

#include <boost/json/value.hpp>

namespace logintest::mocks::asurso {

boost::json::object admin_user_json(const UserRecord& u) {
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

Response get_admin_users(AsursoState& state, const Request&) {
    boost::json::array list;
    for (const auto& u : state.users.all()) {
        list.push_back(admin_user_json(u));
    }
    return common::json(200, list);
}

AdminUserLookup find_admin_user(AsursoState& state, const Request& req) {
    AdminUserLookup out;
    const auto query = common::parse_params(req.query);
    if (!query || query->count("scid") > 1) {
        out.error = common::message(400, "malformed query");
        return out;
    }
    // MOCK-CP-7: {login} is percent-encoded UTF-8 (decoded by the router).
    const auto login = req.path_param("login");
    if (const auto scid_text = query->get("scid")) {
        const auto scid = support::parse_int(*scid_text);
        if (!scid || *scid < INT32_MIN || *scid > INT32_MAX) {
            out.error = common::message(400, "scid must be an integer");
            return out;
        }
        out.user = state.users.find(static_cast<int>(*scid), login);
        if (!out.user) {
            out.error = common::message(404, "unknown login");
        }
        return out;
    }
    // MOCK-CP-7: scid may be left out when the login is unique.
    auto users = state.users.find_all(login);
    if (users.empty()) {
        out.error = common::message(404, "unknown login");
    } else if (users.size() > 1) {
        out.error = common::message(409, "ambiguous login");
    } else {
        out.user = std::move(users.front());
    }
    return out;
}

Response get_admin_user(AsursoState& state, const Request& req) {
    const auto found = find_admin_user(state, req);
    if (!found.user) {
        return *found.error;
    }
    return common::json(200, admin_user_json(*found.user));
}

Response post_admin_user(AsursoState& state, const Request& req) {
    // MOCK-CP-7: a fixture user object of §22; MOCK-CP-10: checked as the fixture file is
    // (every key, no other, userId positive, roles and children without duplicates).
    const auto parsed = common::parse_fixture_user(req.body);
    if (!parsed.user) {
        return common::message(400, parsed.error);
    }
    const auto& u = *parsed.user;
    if (state.fixture.school(u.scid) == nullptr) {
        return common::message(400, "unknown school " + std::to_string(u.scid));
    }
    for (const int role : u.roles) {
        if (state.fixture.role(role) == nullptr) {
            return common::message(400, "unknown role " + std::to_string(role));
        }
    }
    for (const auto child : u.children) {
        if (!state.users.by_id(child)) {
            return common::message(400, "unknown child " + std::to_string(child));
        }
    }
    // NS-HASH-4 and MOCK-FIX-2 as for the fixture's users.
    UserRecord record = make_user_record(u, state.today(), state.now());
    const auto json = admin_user_json(record);
    switch (state.users.add(std::move(record))) {
    case UserStore::AddResult::login_exists:
        return common::message(409, "(scid, login) exists"); // MOCK-CP-7
    case UserStore::AddResult::id_exists:
        return common::message(409, "userId exists");
    case UserStore::AddResult::added:
        break;
    }
    return common::json(201, json);
}

} // namespace logintest::mocks::asurso
