// UserStore: asurso's school-module users (NS-HASH-4, NS-PWD-9..17), loaded from the fixture
// with passwords reduced to stored_md5 / stored_len. One mutex guards all users, and the
// lookup + lock + password + counter steps of a login run as one call under it, so failed
// counters and lockouts are exact under concurrency (MOCK-HOST-7). Readers get copies.
#pragma once

#include "mocks/asurso/asurso_config.hpp"
#include "mocks/common/civil_date.hpp"
#include "mocks/common/fixture.hpp"

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace logintest::mocks::asurso {

struct UserRecord {
    std::int64_t user_id = 0;
    std::string login; // as in the fixture
    int scid = 0;
    std::string last_name, first_name;
    std::vector<int> roles; // fixture order
    std::vector<std::int64_t> children;
    common::Date birth_date;
    std::string stored_md5; // NS-HASH-4
    std::size_t stored_len = 0;
    bool first_login = false; // NS-PWD-9
    bool locked = false;      // NS-PWD-15
    int failed_count = 0;     // NS-PWD-13
    std::chrono::system_clock::time_point locked_at{};
    std::optional<std::int64_t> bound_oid; // NS-BIND
    // The password before the last admin reset (NS-PWD-18), accepted only under the defect
    // reset-keeps-old-password; cleared by a password change.
    std::string pre_reset_md5;
    std::size_t pre_reset_len = 0;
};

// MOCK-DEF switches of NS-LOGIN-18 steps 5-6, read by UserStore::check_password.
struct PasswordDefects {
    bool accept_any_password = false; // accept-wrong-password (NS-HASH-5)
    bool prefix_unchecked = false;    // pw-prefix-unchecked (NS-HASH-5)
    bool no_lockout = false;          // no-lockout (NS-PWD-15)
    bool accept_pre_reset = false;    // reset-keeps-old-password (NS-PWD-19)
};

enum class PasswordVerdict {
    unknown_user,     // NS-LOGIN-18 step 4
    locked,           // step 5, no counter change
    wrong,            // step 6, counter grown
    wrong_now_locked, // step 6, counter reached the threshold: this attempt locked the user
    right,            // step 6, counter reset
};

struct PasswordOutcome {
    PasswordVerdict verdict = PasswordVerdict::unknown_user;
    std::optional<UserRecord> user; // after the step's changes; empty for unknown_user
};

// NS-LOGIN-22: «Фамилия И.», the name sessions show for a user.
std::string short_display_name(const UserRecord& user);

// A fixture user as the store keeps it: NS-HASH-4 hash and length, MOCK-FIX-2 birth date
// resolved against `today`, a fixture lock dated `now`; bound_oid left empty.
UserRecord make_user_record(const common::FixtureUser& user, const common::Date& today,
                            std::chrono::system_clock::time_point now);

class UserStore {
public:
    explicit UserStore(bool login_case_insensitive);

    // Replaces every user with the fixture's: NS-HASH-4 hashes, MOCK-FIX-2 birth dates
    // resolved against `today`, bindings applied; fixture-locked users locked at `now`.
    void load(const common::Fixture& fixture, const common::Date& today,
              std::chrono::system_clock::time_point now);

    // NS-LOGIN-19: the user with this login (trimmed, case-folded if configured) in `scid`.
    std::optional<UserRecord> find(int scid, std::string_view login) const;
    // Every user with this login, in any school (MOCK-CP-7 lookups without scid).
    std::vector<UserRecord> find_all(std::string_view login) const;
    std::optional<UserRecord> by_id(std::int64_t user_id) const;
    std::vector<UserRecord> all() const;

    // NS-LOGIN-18 steps 4-6 atomically: find the user, refuse a locked one (NS-PWD-15, -16),
    // check the password (NS-HASH-5) and move the failed counter (NS-PWD-14).
    PasswordOutcome check_password(int scid, std::string_view login, std::string_view salt,
                                   std::string_view pw2, std::string_view pw,
                                   const LockoutConfig& lockout,
                                   std::chrono::system_clock::time_point now,
                                   const PasswordDefects& defects = {});

    // NS-PWD-11: clears the first-login flag; false for an unknown user.
    bool clear_first_login(std::int64_t user_id);

    // NS-BIND-6 steps 4-5, NS-BIND-8: binds the user to `oid` (nothing changes if already
    // bound to it). A user bound to another oid is refused unless `replace` (MOCK-CP-8,
    // defect rebind-other-oid).
    enum class BindResult { bound, already_bound, other_oid, unknown_user };
    BindResult bind(std::int64_t user_id, std::int64_t oid, bool replace);
    // MOCK-CP-8: removes the user's binding; false for an unknown user.
    bool unbind(std::int64_t user_id);
    // NS-ESIA-19, NS-BIND-9: the users bound to `oid`, ordered by userId.
    std::vector<UserRecord> users_bound_to(std::int64_t oid) const;

    // MOCK-CP-7: adds a user; refused if (scid, login) or the userId exists.
    enum class AddResult { added, login_exists, id_exists };
    AddResult add(UserRecord user);

    // Runs `fn(UserRecord&)` on the user under the store's lock and returns its result
    // (true for a void fn); nullopt for an unknown user. This is how a check and the change
    // it allows happen as one step (NS-PWD-8, NS-PWD-18). `fn` must not change user_id,
    // login or scid, nor call back into the store.
    template <class Fn> auto with_user(std::int64_t user_id, Fn&& fn) {
        using R = std::invoke_result_t<Fn, UserRecord&>;
        using Out = std::conditional_t<std::is_void_v<R>, bool, R>;
        std::lock_guard lock(mutex_);
        const auto it = by_id_.find(user_id);
        if (it == by_id_.end()) {
            return std::optional<Out>{};
        }
        if constexpr (std::is_void_v<R>) {
            fn(users_[it->second]);
            return std::optional<Out>{true};
        } else {
            return std::optional<Out>{fn(users_[it->second])};
        }
    }

private:
    std::string key(std::string_view login) const;
    UserRecord* find_locked(int scid, std::string_view login);

    bool case_insensitive_;
    mutable std::mutex mutex_;
    std::vector<UserRecord> users_; // fixture order
    std::map<std::pair<int, std::string>, std::size_t> by_login_;
    std::map<std::int64_t, std::size_t> by_id_;
};

} // namespace logintest::mocks::asurso
