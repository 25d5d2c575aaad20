// NS-LOGIN-22 / -23 and NS-SESSION-1 / -2: a successful login (login_success.hpp).
#include "mocks/asurso/login_success.hpp"
#include "mocks/common/issued_secrets.hpp"

#include "mocks/common/civil_date.hpp"
#include "mocks/common/random.hpp"
#include "mocks/common/responses.hpp"

#include <boost/json/value.hpp>

#include <fmt/format.h>

namespace logintest::mocks::asurso {
namespace {

struct EntryPoint {
    std::string path;
    boost::json::object request_data;
    bool clears_first_login = false;
};

// NS-LOGIN-23: the first rule that applies.
EntryPoint choose_entry_point(const AsursoConfig& config, const LoginGrant& grant) {
    EntryPoint e;
    if (grant.user.roles.size() > 1 && !grant.rolegroup) {
        e.path = "/app/choose-session-role/"; // (a) several roles, none chosen
    } else if (grant.user.first_login) {
        e.path = "/app/change-password?first=1"; // (b) NS-PWD-10
        e.clears_first_login = true;             // NS-PWD-11
    } else if (config.security_warning) {
        e.path = "/asp/SecurityWarning.asp"; // (c)
        e.request_data["warnType"] = "1";
    } else {
        e.path = "/app/school/main/"; // (d)
    }
    return e;
}

std::string role_name(const common::Fixture& fixture, int role_id) {
    const auto* role = fixture.role(role_id);
    return role ? role->name : std::string();
}

// NS-LOGIN-8: CID=2&SID=1&PID=-1&CN=1&SFT=2&SCID=2436 from the school's place in §22.
std::string tts_login_value(const common::Fixture& fixture, const common::FixtureSchool& school) {
    int pid = 0;
    int sid = 0;
    int cid = 0;
    for (const auto& city : fixture.regions.cities) {
        if (city.id == school.city) {
            pid = city.parent;
        }
    }
    for (const auto& province : fixture.regions.provinces) {
        if (province.id == pid) {
            sid = province.parent;
        }
    }
    for (const auto& st : fixture.regions.states) {
        if (st.id == sid) {
            cid = st.parent;
        }
    }
    return fmt::format("CID={}&SID={}&PID={}&CN={}&SFT={}&SCID={}", cid, sid, pid, school.city,
                       school.sft, school.id);
}

// NS-SESSION-1: a new session with fresh `at` and ESRNSec; nullopt if the store is full.
std::optional<Session> open_session(AsursoState& state, const LoginGrant& grant, int role_id) {
    const auto now = state.now();
    const auto expires = now + std::chrono::milliseconds(state.config.session_idle_timeout_ms);
    for (int attempt = 0; attempt < 4; ++attempt) {
        Session s;
        s.at = common::issued_secret("at", common::random_digits(25)); // NS-LOGIN-22: random
        s.esrnsec = fmt::format("ESRNSECR{}={}", grant.user.user_id,
                                common::issued_secret("ESRNSec", common::random_hex(16)));
        s.nssessionid = grant.nssessionid;
        s.user_id = grant.user.user_id;
        s.scid = grant.user.scid;
        s.role_id = role_id;
        s.created = now;
        s.last_used = now;
        const auto key = s.at;
        const auto result = state.sessions.insert(key, s, expires, now);
        if (result == SessionStore::Insert::inserted) {
            index_session_cookie(state, s, expires); // NS-SESSION-12: app pages by cookie
            return s;
        }
        if (result == SessionStore::Insert::full) {
            return std::nullopt;
        }
    }
    return std::nullopt;
}

} // namespace

common::Response complete_login(AsursoState& state, const LoginGrant& grant) {
    const auto& user = grant.user;
    const auto* school = state.fixture.school(user.scid);
    // NS-LOGIN-26 / -27: the chosen role, else all roles with the first one active.
    const std::vector<int> listed =
        grant.rolegroup ? std::vector<int>{*grant.rolegroup} : user.roles;
    const int active_role = listed.front();

    // NS-SESSION-1: the authenticated session.
    const auto session = open_session(state, grant, active_role);
    if (!session) {
        return common::store_full(); // MOCK-CAP-1
    }

    // NS-LOGIN-23: entry point and request data; NS-PWD-11: returning (b) clears the flag.
    const EntryPoint entry = choose_entry_point(state.config, grant);
    // MOCK-DEF first-login-not-cleared (violates NS-PWD-11): the flag stays.
    if (entry.clears_first_login && !state.defects.on(common::Defect::first_login_not_cleared)) {
        state.users.clear_first_login(user.user_id);
    }

    // NS-LOGIN-22: the answer.
    boost::json::object organization;
    organization["id"] = user.scid;
    organization["name"] = school ? school->short_name : std::string();
    boost::json::array user_roles;
    for (const int role : listed) {
        boost::json::object role_obj;
        role_obj["id"] = role;
        role_obj["name"] = role_name(state.fixture, role);
        boost::json::object item;
        item["userId"] = user.user_id;
        item["schoolId"] = user.scid;
        item["role"] = std::move(role_obj);
        user_roles.push_back(std::move(item));
    }
    const std::string access_token = common::random_b64url(32);
    common::issued_secret("accessToken", access_token);
    boost::json::object user_obj;
    user_obj["id"] = user.user_id;
    user_obj["name"] = short_display_name(user);

    boost::json::object account;
    account["activeToken"] = nullptr;
    account["secureActiveToken"] =
        common::issued_secret("secureActiveToken", common::random_b64url(32));
    account["currentOrganization"] = organization;
    account["user"] = std::move(user_obj);
    account["userRoles"] = std::move(user_roles);
    account["organizations"] = boost::json::array{organization};
    account["loginTime"] = common::local_time_7(state.now(), state.config.timezone_offset);
    account["active"] = true;
    account["canLogin"] = true;
    account["storeTokens"] = true;
    account["accessToken"] = access_token;

    boost::json::object body;
    body["at"] = session->at;
    body["code"] = nullptr;
    body["timeOut"] = state.config.session_idle_timeout_ms;
    body["accessToken"] = access_token;
    body["refreshToken"] = common::issued_secret("refreshToken", common::random_b64url(32));
    body["tokenType"] = "Bearer";
    body["accountInfo"] = std::move(account);
    body["entryPoint"] = entry.path;
    body["requestData"] = entry.request_data;
    body["errorMessage"] = nullptr;

    common::Response r = common::json(200, body);
    r.add_header("Cache-Control", "no-store"); // NS-LOGIN-22 (SHOULD)
    const bool secure = state.config.tls;
    // NS-SESSION-2: first the clearing ESRNSec, then the real one.
    if (state.config.esrnsec_clearing_header) {
        common::add_cookie(r, {std::string(session_cookie), "", std::nullopt, secure});
    }
    common::add_cookie(r, {std::string(session_cookie), session->esrnsec, std::nullopt, secure});
    // NS-LOGIN-25 / NS-LOGIN-8: remember the school selection for a year.
    if (grant.school_login && school != nullptr) {
        common::add_cookie(r,
                           {"TTSLogin", tts_login_value(state.fixture, *school), 31536000, secure});
    }
    state.counters.add("logins_ok"); // MOCK-CP-4
    return r;
}

} // namespace logintest::mocks::asurso
