// §9.2: the password change `POST /webapi/users/{userId}/password` (NS-PWD-5..8), checked
// in the order of NS-PWD-7, the first failure deciding; the checks on the stored hash and
// the change itself run as one step under the user store's lock.
#include "mocks/asurso/handlers.hpp"
#include "mocks/asurso/message_texts.hpp"
#include "mocks/asurso/texts.hpp"
#include "mocks/asurso/webapi_params.hpp"
#include "mocks/common/responses.hpp"
#include "support/text/strings.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <algorithm>

namespace logintest::mocks::asurso {
namespace {

// NS-PWD-5: the JSON body.
struct PasswordChange {
    std::string old_md5; // lowercase
    std::string new_md5; // lowercase
    std::size_t new_length = 0;
    bool new_is_latin = false;
};

bool is_md5_hex(const boost::json::value* v) {
    if (v == nullptr || !v->is_string()) {
        return false;
    }
    const auto& s = v->get_string();
    return s.size() == 32 && std::all_of(s.begin(), s.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
           });
}

// NS-PWD-7 step 2: two 32-hex strings, an integer 1-128, a boolean.
std::optional<PasswordChange> parse_change(std::string_view body) {
    boost::system::error_code ec;
    const auto root = boost::json::parse(body, ec);
    if (ec || !root.is_object()) {
        return std::nullopt;
    }
    const auto& o = root.get_object();
    const auto* old_pw = o.if_contains("oldPassword");
    const auto* new_pw = o.if_contains("password");
    const auto* length = o.if_contains("newPasswordLength");
    const auto* latin = o.if_contains("newPasswordIsLatin");
    if (!is_md5_hex(old_pw) || !is_md5_hex(new_pw) || length == nullptr || latin == nullptr ||
        !latin->is_bool()) {
        return std::nullopt;
    }
    long long n = 0;
    if (length->is_int64()) {
        n = length->get_int64();
    } else if (length->is_uint64() && length->get_uint64() <= 128) {
        n = static_cast<long long>(length->get_uint64());
    } else {
        return std::nullopt;
    }
    if (n < 1 || n > 128) {
        return std::nullopt;
    }
    PasswordChange change;
    change.old_md5 = support::to_lower(old_pw->get_string());
    change.new_md5 = support::to_lower(new_pw->get_string());
    change.new_length = static_cast<std::size_t>(n);
    change.new_is_latin = latin->get_bool();
    return change;
}

enum class ChangeVerdict { old_wrong, not_latin, too_short, same, weak, changed };

} // namespace

Response post_user_password(AsursoState& state, const Request& req) {
    // GEN-9: no query parameters of its own, and a JSON body only.
    if (!query_params(req, {}) || req.media_type() != "application/json") {
        return bad_request();
    }
    // NS-SESSION-3: `at` header and the session's ESRNSec cookie.
    const auto session = authenticate(state, req, req.header("at").value_or(std::string_view{}));
    if (!session) {
        return unauthorized();
    }
    // NS-PWD-7 step 1: only the session's own user.
    const auto user_id = support::parse_int(req.path_param("userId"));
    if (!user_id || *user_id != session->user_id) {
        return common::message(403, text_of(state.config, "T-FORBIDDEN", texts::forbidden));
    }
    // NS-PWD-7 step 2: the four fields with their types.
    const auto change = parse_change(req.body);
    if (!change) {
        return bad_request();
    }
    // NS-PWD-7 steps 3-7 and NS-PWD-8 in one step; a refused request changes nothing.
    const auto& rules = state.config.password;
    const bool latin_checked = !state.defects.on(common::Defect::accept_cyrillic_password_change);
    const bool clears_first_login = !state.defects.on(common::Defect::first_login_not_cleared);
    const auto verdict = state.users.with_user(session->user_id, [&](UserRecord& u) {
        // Step 3: the old password; the lockout counter is not touched.
        if (change->old_md5 != u.stored_md5) {
            return ChangeVerdict::old_wrong;
        }
        // Step 4: Latin only. MOCK-DEF accept-cyrillic-password-change skips it (NS-PWD-7).
        if (latin_checked && !change->new_is_latin) {
            return ChangeVerdict::not_latin;
        }
        // Step 5: at least password.min_length characters.
        if (change->new_length < rules.min_length) {
            return ChangeVerdict::too_short;
        }
        // Step 6: a new password.
        if (change->new_md5 == u.stored_md5) {
            return ChangeVerdict::same;
        }
        // Step 7 (MAY): not a known weak password.
        const bool weak =
            std::any_of(rules.deny_md5.begin(), rules.deny_md5.end(), [&](const std::string& deny) {
                return support::to_lower(deny) == change->new_md5;
            });
        if (weak) {
            return ChangeVerdict::weak;
        }
        // NS-PWD-8: the new hash and length, first login and failed counter cleared.
        // MOCK-DEF first-login-not-cleared keeps the flag (violates NS-PWD-11).
        u.stored_md5 = change->new_md5;
        u.stored_len = change->new_length;
        u.failed_count = 0;
        if (clears_first_login) {
            u.first_login = false;
        }
        u.pre_reset_md5.clear(); // a chosen password ends the reset-keeps-old-password window
        u.pre_reset_len = 0;
        return ChangeVerdict::changed;
    });
    if (!verdict) {
        return unauthorized(); // the session's user is gone (cannot happen with the fixture)
    }
    const auto& c = state.config;
    switch (*verdict) {
    case ChangeVerdict::old_wrong:
        return common::message(409, text_of(c, "T-PWD-OLD-WRONG", texts::pwd_old_wrong));
    case ChangeVerdict::not_latin:
        return common::message(400, text_of(c, "T-PWD-LATIN", texts::pwd_latin));
    case ChangeVerdict::too_short:
        return common::message(400, password_short_text(c));
    case ChangeVerdict::same:
        return common::message(400, text_of(c, "T-PWD-SAME", texts::pwd_same));
    case ChangeVerdict::weak:
        return common::message(400, text_of(c, "T-PWD-WEAK", texts::pwd_weak));
    case ChangeVerdict::changed:
        break;
    }
    // NS-PWD-8: 200 T-PWD-CHANGED; the current session stays.
    return common::message(200, text_of(c, "T-PWD-CHANGED", texts::pwd_changed));
}

} // namespace logintest::mocks::asurso
