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
                                   std::chrono::system_clock::time_point now);

    // NS-PWD-11: clears the first-login flag; false for an unknown user.
    bool clear_first_login(std::int64_t user_id);

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
