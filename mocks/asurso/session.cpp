// NS-SESSION-3/4 authentication (session.hpp).
#include "mocks/asurso/session.hpp"

#include "mocks/asurso/asurso_state.hpp"
#include "mocks/asurso/texts.hpp"
#include "mocks/common/responses.hpp"

namespace logintest::mocks::asurso {
namespace {

// NS-SESSION-3: `at` names a live session whose ESRNSec equals the cookie;
// NS-SESSION-4: the accepted request renews it, and its cookie index entry with it.
std::optional<Session> renew_session(AsursoState& state, std::string_view at,
                                     const std::string& cookie) {
    const auto now = state.now();
    const auto expires = now + std::chrono::milliseconds(state.config.session_idle_timeout_ms);
    auto session = state.sessions
                       .with(std::string(at), now,
                             [&](Session& s, auto& expires_at) -> std::optional<Session> {
                                 if (s.esrnsec != cookie) {
                                     return std::nullopt;
                                 }
                                 s.last_used = now;
                                 expires_at = expires;
                                 return s;
                             })
                       .value_or(std::nullopt);
    if (session) {
        const bool indexed = state.session_cookies
                                 .with(cookie, now,
                                       [&](std::string& indexed_at, auto& expires_at) {
                                           indexed_at = session->at;
                                           expires_at = expires;
                                       })
                                 .has_value();
        if (!indexed) {
            index_session_cookie(state, *session, expires);
        }
    }
    return session;
}

} // namespace

std::optional<Session> authenticate(AsursoState& state, const common::Request& req,
                                    std::string_view at) {
    if (at.empty()) {
        // MOCK-DEF session-without-at (violates NS-SESSION-3): the cookie suffices.
        if (state.defects.on(common::Defect::session_without_at)) {
            return authenticate_by_cookie(state, req);
        }
        return std::nullopt; // NS-SESSION-3: `at` is required
    }
    const auto cookie = req.cookie(session_cookie);
    if (!cookie || cookie->empty()) {
        return std::nullopt; // NS-SESSION-3: so is the ESRNSec cookie
    }
    return renew_session(state, at, *cookie);
}

std::optional<Session> authenticate_by_cookie(AsursoState& state, const common::Request& req) {
    const auto cookie = req.cookie(session_cookie);
    if (!cookie || cookie->empty()) {
        return std::nullopt;
    }
    // NS-SESSION-12: the cookie names the session through the index; renew_session() then
    // checks that the session's own ESRNSec is this cookie.
    const auto at = state.session_cookies.get(*cookie, state.now());
    if (!at) {
        return std::nullopt;
    }
    return renew_session(state, *at, *cookie);
}

void index_session_cookie(AsursoState& state, const Session& session,
                          std::chrono::system_clock::time_point expires_at) {
    // A full index only costs app-page access until the next accepted /webapi request
    // re-adds the entry (renew_session), so the login itself is not refused for it.
    state.session_cookies.insert(session.esrnsec, session.at, expires_at, state.now());
}

common::Response unauthorized() {
    return common::message(401, texts::unauthorized);
}

} // namespace logintest::mocks::asurso
