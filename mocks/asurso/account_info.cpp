// §10.3 `GET /webapi/sso/esia/account-info` (NS-ESIA-18..20) and the listing of the users
// bound to an ESIA account (account_info.hpp).
#include "mocks/asurso/account_info.hpp"

#include "crypto/digest.hpp"
#include "mocks/asurso/age.hpp"
#include "mocks/asurso/handlers.hpp"
#include "mocks/asurso/login_state.hpp"
#include "mocks/asurso/message_texts.hpp"
#include "mocks/asurso/texts.hpp"
#include "mocks/asurso/webapi_params.hpp"
#include "mocks/common/responses.hpp"

#include <boost/json/value.hpp>

#include <algorithm>

namespace logintest::mocks::asurso {
namespace {

constexpr std::string_view teacher_role_name = "Учитель"; // §22 role 3

bool has_role_named(const common::Fixture& fixture, const UserRecord& user, std::string_view name) {
    return std::any_of(user.roles.begin(), user.roles.end(), [&](int id) {
        const auto* role = fixture.role(id);
        return role != nullptr && role->name == name;
    });
}

} // namespace

std::string lscope_id(std::int64_t oid, std::int64_t user_id) {
    return crypto::md5_hex(std::to_string(oid) + ":" + std::to_string(user_id));
}

std::vector<UserRecord> listed_users(const AsursoState& state, std::int64_t oid) {
    auto users = state.users.users_bound_to(oid); // NS-ESIA-19: ordered by userId
    // NS-ESIA-20, NS-AGE-4: pupils under 14 are never listed, even when bound.
    std::erase_if(users, [&](const UserRecord& u) { return is_pupil_under_min_age(state, u); });
    return users;
}

std::string esia_display_name(const AsursoState& state, const UserRecord& user) {
    const auto* school = state.fixture.school(user.scid);
    return user.last_name + " " + user.first_name + " (" +
           (school != nullptr ? school->short_name : std::string()) + ")";
}

Response get_esia_account_info(AsursoState& state, const Request& req) {
    const auto query = query_params(req, {"loginState"}); // GEN-9
    if (!query) {
        return bad_request();
    }
    // NS-ESIA-18, -16: the loginState is valid for this NSSESSIONID; not consumed here.
    const auto ls = find_login_state(state, query->value_or_empty("loginState"), req);
    if (!ls) {
        return common::message(
            400, text_of(state.config, "T-LOGIN-STATE-EXPIRED", texts::login_state_expired));
    }
    // NS-ESIA-19: one element per listed user.
    boost::json::array users;
    for (const auto& user : listed_users(state, *ls->oid)) {
        const auto* school = state.fixture.school(user.scid);
        boost::json::array roles;
        for (const int id : user.roles) {
            const auto* role = state.fixture.role(id);
            boost::json::object role_obj;
            role_obj["id"] = id;
            role_obj["name"] = role != nullptr ? role->name : std::string();
            roles.push_back(std::move(role_obj));
        }
        boost::json::object item;
        item["id"] = lscope_id(*ls->oid, user.user_id);
        item["userId"] = user.user_id;
        item["displayName"] = esia_display_name(state, user);
        item["organizationId"] = user.scid;
        item["emId"] = nullptr;
        item["funcType"] = std::to_string(school != nullptr ? school->sft : 0);
        item["isStaff"] = has_role_named(state.fixture, user, teacher_role_name);
        item["binded"] = true;
        item["mustVerifyLoginPass"] = false;
        item["roles"] = std::move(roles);
        users.push_back(std::move(item));
    }
    // NS-ESIA-18: permissionGranted always true; trusted from the id_token.
    boost::json::object body;
    body["permissionGranted"] = true;
    body["trusted"] = ls->trusted;
    body["users"] = std::move(users);
    return common::json(200, body);
}

} // namespace logintest::mocks::asurso
