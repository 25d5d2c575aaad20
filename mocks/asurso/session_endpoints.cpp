// §8: the authenticated read endpoints a client calls after login (diary init, context,
// current year, assignment types) and the unauthenticated `context/expired` probe.
#include "mocks/asurso/handlers.hpp"
#include "mocks/asurso/webapi_params.hpp"
#include "mocks/common/civil_date.hpp"
#include "mocks/common/responses.hpp"

#include <boost/json/value.hpp>

#include <fmt/format.h>

namespace logintest::mocks::asurso {
namespace {

constexpr int role_pupil = 1;  // «Ученик» (§22)
constexpr int role_parent = 2; // «Родитель»

// NS-SESSION-3: `at` header + matching ESRNSec cookie, renewing the session (NS-SESSION-4).
std::optional<Session> session_of(AsursoState& state, const Request& req) {
    return authenticate(state, req, req.header("at").value_or(std::string_view{}));
}

struct SchoolYear {
    int start_year = 0;
    int id() const { return 100000 + start_year; } // NS-SESSION-7 (mock decision)
};

// NS-SESSION-7: the school year (1 September to 31 August) that contains today.
SchoolYear current_school_year(const AsursoState& state) {
    const auto today = state.today();
    return SchoolYear{today.month >= 9 ? today.year : today.year - 1};
}

} // namespace

Response get_diary_init(AsursoState& state, const Request& req) {
    if (!query_params(req, {})) {
        return bad_request(); // GEN-9
    }
    const auto session = session_of(state, req);
    if (!session) {
        return unauthorized(); // NS-SESSION-3
    }
    // NS-SESSION-8: the user itself as «Ученик», the children as «Родитель», else nobody.
    std::vector<UserRecord> students;
    if (session->role_id == role_pupil) {
        if (auto self = state.users.by_id(session->user_id)) {
            students.push_back(std::move(*self));
        }
    } else if (session->role_id == role_parent) {
        if (const auto parent = state.users.by_id(session->user_id)) {
            for (const auto child_id : parent->children) {
                if (auto child = state.users.by_id(child_id)) {
                    students.push_back(std::move(*child));
                }
            }
        }
    }
    boost::json::array list;
    for (const auto& s : students) {
        boost::json::object item;
        item["studentId"] = s.user_id;
        item["nickName"] = s.last_name + " " + s.first_name;
        item["className"] = nullptr;
        list.push_back(std::move(item));
    }
    boost::json::object body;
    body["students"] = std::move(list);
    body["currentStudentId"] = 0;
    body["weekStart"] = common::iso_date(common::monday_of_week(state.today())) + "T00:00:00";
    body["maxMark"] = 5;
    return common::json(200, body);
}

Response get_context(AsursoState& state, const Request& req) {
    if (!query_params(req, {})) {
        return bad_request(); // GEN-9
    }
    const auto session = session_of(state, req);
    if (!session) {
        return unauthorized(); // NS-SESSION-3
    }
    // NS-SESSION-6: the session's school, user, role and school year; also a keep-alive.
    const auto user = state.users.by_id(session->user_id);
    boost::json::object user_obj;
    user_obj["id"] = session->user_id;
    user_obj["name"] = user ? short_display_name(*user) : std::string();
    boost::json::object body;
    body["schoolId"] = session->scid;
    body["userId"] = session->user_id;
    body["roleId"] = session->role_id;
    body["schoolYearId"] = current_school_year(state).id();
    body["user"] = std::move(user_obj);
    return common::json(200, body);
}

Response get_years_current(AsursoState& state, const Request& req) {
    if (!query_params(req, {})) {
        return bad_request(); // GEN-9
    }
    if (!session_of(state, req)) {
        return unauthorized(); // NS-SESSION-3
    }
    // NS-SESSION-7: id 100000 + starting year, 1 September to 31 August.
    const auto year = current_school_year(state);
    boost::json::object body;
    body["id"] = year.id();
    body["name"] = fmt::format("{}/{}", year.start_year, year.start_year + 1);
    body["startDate"] = fmt::format("{}-09-01T00:00:00", year.start_year);
    body["endDate"] = fmt::format("{}-08-31T00:00:00", year.start_year + 1);
    return common::json(200, body);
}

Response get_context_expired(AsursoState& state, const Request& req) {
    const auto query = query_params(req, {"token"});
    if (!query) {
        return bad_request(); // GEN-9
    }
    // NS-SESSION-5: `false` iff the token names a live session; no cookies, no renewal.
    const auto token = query->value_or_empty("token");
    const bool live = !token.empty() && state.sessions.get(std::string(token), state.now());
    return common::json_text(200, live ? "false" : "true");
}

Response get_assignment_types(AsursoState& state, const Request& req) {
    if (!query_params(req, {"all"})) {
        return bad_request(); // GEN-9
    }
    if (!session_of(state, req)) {
        return unauthorized(); // NS-SESSION-3
    }
    // NS-SESSION-15: the mock's list; `all` is accepted and ignored.
    return common::json_text(200, R"([{"id":1,"abbr":"О","name":"Ответ на уроке","order":0},)"
                                  R"({"id":3,"abbr":"К","name":"Контрольная работа","order":1}])");
}

} // namespace logintest::mocks::asurso
