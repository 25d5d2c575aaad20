// asurso users (user_store.hpp).
#include "mocks/asurso/user_store.hpp"

#include "crypto/netschool_hash.hpp"
#include "mocks/asurso/password_check.hpp"
#include "support/text/strings.hpp"
#include "support/text/utf8.hpp"
#include "support/text/utf8_case.hpp"

#include <algorithm>

namespace logintest::mocks::asurso {

std::string short_display_name(const UserRecord& user) {
    return user.last_name + " " + support::first_code_point(user.first_name) + ".";
}

UserStore::UserStore(bool login_case_insensitive) : case_insensitive_(login_case_insensitive) {}

std::string UserStore::key(std::string_view login) const {
    // NS-LOGIN-19: trimmed; Latin and Cyrillic case ignored when configured.
    const auto trimmed = support::trim_ows(login);
    return case_insensitive_ ? support::utf8_to_lower(trimmed, support::Cyrillic::russian)
                             : std::string(trimmed);
}

UserRecord make_user_record(const common::FixtureUser& u, const common::Date& today,
                            std::chrono::system_clock::time_point now) {
    UserRecord r;
    r.user_id = u.user_id;
    r.login = u.login;
    r.scid = u.scid;
    r.last_name = u.last_name;
    r.first_name = u.first_name;
    r.roles = u.roles;
    r.children = u.children;
    // MOCK-FIX-2: relative dates on this host's clock; parse_fixture checked the form.
    r.birth_date = common::resolve_fixture_date(u.birth_date, today).value_or(today);
    // NS-HASH-4: only the hash and the length of the password are kept.
    r.stored_md5 = crypto::netschool_password_md5(u.password);
    r.stored_len = crypto::utf16_length(u.password);
    r.first_login = u.first_login;
    r.locked = u.locked;
    r.failed_count = u.failed_count;
    r.locked_at = now;
    return r;
}

void UserStore::load(const common::Fixture& fixture, const common::Date& today,
                     std::chrono::system_clock::time_point now) {
    // One lookup per user (the MOCK-FIX-5 load pool makes both lists long).
    std::map<std::int64_t, std::int64_t> bound;
    for (const auto& b : fixture.bindings) {
        bound[b.user_id] = b.oid;
    }
    std::vector<UserRecord> users;
    users.reserve(fixture.users.size());
    for (const auto& u : fixture.users) {
        UserRecord r = make_user_record(u, today, now);
        if (const auto it = bound.find(u.user_id); it != bound.end()) {
            r.bound_oid = it->second;
        }
        users.push_back(std::move(r));
    }
    std::lock_guard lock(mutex_);
    users_ = std::move(users);
    by_login_.clear();
    by_id_.clear();
    for (std::size_t i = 0; i < users_.size(); ++i) {
        by_login_.emplace(std::make_pair(users_[i].scid, key(users_[i].login)), i);
        by_id_.emplace(users_[i].user_id, i);
    }
}

UserRecord* UserStore::find_locked(int scid, std::string_view login) {
    const auto it = by_login_.find(std::make_pair(scid, key(login)));
    return it == by_login_.end() ? nullptr : &users_[it->second];
}

std::optional<UserRecord> UserStore::find(int scid, std::string_view login) const {
    std::lock_guard lock(mutex_);
    const auto it = by_login_.find(std::make_pair(scid, key(login)));
    if (it == by_login_.end()) {
        return std::nullopt;
    }
    return users_[it->second];
}

std::vector<UserRecord> UserStore::find_all(std::string_view login) const {
    const std::string k = key(login);
    std::lock_guard lock(mutex_);
    std::vector<UserRecord> out;
    for (const auto& u : users_) {
        if (key(u.login) == k) {
            out.push_back(u);
        }
    }
    return out;
}

std::optional<UserRecord> UserStore::by_id(std::int64_t user_id) const {
    std::lock_guard lock(mutex_);
    const auto it = by_id_.find(user_id);
    if (it == by_id_.end()) {
        return std::nullopt;
    }
    return users_[it->second];
}

std::vector<UserRecord> UserStore::all() const {
    std::lock_guard lock(mutex_);
    return users_;
}

PasswordOutcome UserStore::check_password(int scid, std::string_view login, std::string_view salt,
                                          std::string_view pw2, std::string_view pw,
                                          const LockoutConfig& lockout,
                                          std::chrono::system_clock::time_point now,
                                          const PasswordDefects& defects) {
    std::lock_guard lock(mutex_);
    PasswordOutcome out;
    // NS-LOGIN-18 step 4: the user exists in school scid.
    UserRecord* user = find_locked(scid, login);
    if (user == nullptr) {
        out.verdict = PasswordVerdict::unknown_user;
        return out;
    }
    // NS-PWD-16: a lock with a duration ends by itself.
    if (user->locked && lockout.duration_s > 0 &&
        now >= user->locked_at + std::chrono::seconds(lockout.duration_s)) {
        user->locked = false;
        user->failed_count = 0;
    }
    // NS-LOGIN-18 step 5: a locked user is refused whatever the password; no counter change.
    // MOCK-DEF no-lockout (violates NS-PWD-15): nobody is ever locked.
    if (user->locked && !defects.no_lockout) {
        out.verdict = PasswordVerdict::locked;
        out.user = *user;
        return out;
    }
    // NS-LOGIN-18 step 6, NS-HASH-5: the password proof against stored_md5 / stored_len.
    // MOCK-DEF accept-wrong-password and pw-prefix-unchecked (NS-HASH-5), and
    // reset-keeps-old-password (NS-PWD-19: the password before the reset still works).
    const bool right = defects.accept_any_password ||
                       password_matches(user->stored_md5, user->stored_len, salt, pw2, pw,
                                        !defects.prefix_unchecked) ||
                       (defects.accept_pre_reset && !user->pre_reset_md5.empty() &&
                        password_matches(user->pre_reset_md5, user->pre_reset_len, salt, pw2, pw,
                                         !defects.prefix_unchecked));
    if (right) {
        user->failed_count = 0; // NS-PWD-14: a right password resets the counter
        out.verdict = PasswordVerdict::right;
    } else {
        ++user->failed_count; // NS-PWD-14: a wrong password grows it
        out.verdict = PasswordVerdict::wrong;
        // NS-PWD-15: reaching the threshold locks; this attempt still gets T-WRONG-CRED.
        if (lockout.threshold > 0 && user->failed_count >= lockout.threshold &&
            !defects.no_lockout) {
            user->locked = true;
            user->locked_at = now;
            out.verdict = PasswordVerdict::wrong_now_locked;
        }
    }
    out.user = *user;
    return out;
}

bool UserStore::clear_first_login(std::int64_t user_id) {
    std::lock_guard lock(mutex_);
    const auto it = by_id_.find(user_id);
    if (it == by_id_.end()) {
        return false;
    }
    users_[it->second].first_login = false;
    return true;
}

UserStore::BindResult UserStore::bind(std::int64_t user_id, std::int64_t oid, bool replace) {
    std::lock_guard lock(mutex_);
    const auto it = by_id_.find(user_id);
    if (it == by_id_.end()) {
        return BindResult::unknown_user;
    }
    auto& bound = users_[it->second].bound_oid;
    if (bound == oid) {
        return BindResult::already_bound; // NS-BIND-6 step 5: nothing changes
    }
    if (bound && !replace) {
        return BindResult::other_oid; // NS-BIND-8: one user, at most one oid
    }
    bound = oid;
    return BindResult::bound;
}

bool UserStore::unbind(std::int64_t user_id) {
    std::lock_guard lock(mutex_);
    const auto it = by_id_.find(user_id);
    if (it == by_id_.end()) {
        return false;
    }
    users_[it->second].bound_oid.reset();
    return true;
}

UserStore::AddResult UserStore::add(UserRecord user) {
    std::lock_guard lock(mutex_);
    auto login_key = std::make_pair(user.scid, key(user.login));
    if (by_login_.count(login_key) != 0) {
        return AddResult::login_exists;
    }
    if (by_id_.count(user.user_id) != 0) {
        return AddResult::id_exists;
    }
    by_login_.emplace(std::move(login_key), users_.size());
    by_id_.emplace(user.user_id, users_.size());
    users_.push_back(std::move(user));
    return AddResult::added;
}

std::vector<UserRecord> UserStore::users_bound_to(std::int64_t oid) const {
    std::vector<UserRecord> out;
    {
        std::lock_guard lock(mutex_);
        for (const auto& u : users_) {
            if (u.bound_oid == oid) {
                out.push_back(u);
            }
        }
    }
    std::sort(out.begin(), out.end(),
              [](const UserRecord& a, const UserRecord& b) { return a.user_id < b.user_id; });
    return out;
}

} // namespace logintest::mocks::asurso
