// AccountStore: the ESIA accounts (§22 esia_accounts, MOCK-CP-9 additions) with their
// identifiers in canonical form (ESIA-LOGIN-15), the per-account wrong-password counter and
// lock (ESIA-LOGIN-16, -18) and the consent grants (ESIA-LOGIN-24, -25). One mutex guards
// everything; the lock check, password comparison and counter change of a login are one call
// under it, so counters are exact under concurrency (MOCK-HOST-7). Readers get copies. The
// store's lock is the innermost lock of the esia host: no callback runs under it.
#pragma once

#include "mocks/common/civil_date.hpp"
#include "mocks/common/fixture.hpp"
#include "mocks/esia/identifiers.hpp"

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace logintest::mocks::esia {

using TimePoint = std::chrono::system_clock::time_point;

struct Account {
    std::int64_t oid = 0;
    std::string last_name, first_name, middle_name;
    common::Date birth_date;
    std::string gender;                             // "M" | "F"
    std::optional<std::string> phone, email, snils; // canonical (identifiers.hpp)
    std::string password;                           // ESIA-LOGIN-9: compared exactly
    bool trusted = false;
    std::string lvl;      // "PR", "P", "KD"
    bool mfa_sms = false; // ESIA-LOGIN-20
    std::optional<std::string> otp_code;
    bool consent_granted = false;                        // ESIA-LOGIN-24
    int failed_count = 0;                                // ESIA-LOGIN-16
    bool locked = false;                                 // ESIA-LOGIN-18
    TimePoint locked_at{};                               //
    std::map<std::string, std::set<std::string>> grants; // client_id -> scopes
};

struct LockoutRules {
    int lock_threshold = 10;       // ESIA-LOGIN-18
    long long lock_duration_s = 0; // 0 = until unlocked
    bool lockout_enabled = true;   // off with the `esia-no-lockout` defect
};

enum class PasswordVerdict {
    locked,           // ESIA-LOGIN-18: refused before the password is looked at
    wrong,            // counter grown
    wrong_now_locked, // counter reached the lock threshold with this attempt
    right,            // counter reset
};

class AccountStore {
public:
    // Replaces every account with the fixture's; MOCK-FIX-2 birth dates against `today`.
    // Identifiers that do not normalise are left out of the lookups (and reported).
    std::vector<std::string> load(const std::vector<common::FixtureEsiaAccount>& accounts,
                                  const common::Date& today);

    enum class AddResult { added, exists, identifier_exists, invalid };
    // MOCK-CP-9 `POST /mock/admin/accounts`; MOCK-CP-10: a phone, e-mail or SNILS that another
    // account has (in canonical form) is `identifier_exists`, nothing added.
    AddResult add(const common::FixtureEsiaAccount& account, const common::Date& today);

    // ESIA-LOGIN-15: the oid of the account with this canonical identifier.
    std::optional<std::int64_t> find(IdKind kind, std::string_view canonical) const;
    std::optional<Account> by_oid(std::int64_t oid) const;
    std::vector<Account> all() const;

    struct Status {
        bool locked = false;
        int failed_count = 0;
    };
    // The lock and counter now (a lock with a duration ends here: ESIA-LOGIN-18).
    std::optional<Status> status(std::int64_t oid, const LockoutRules& rules, TimePoint now);

    // ESIA-LOGIN-6 steps "not locked" and "password right" with ESIA-LOGIN-16/-18 counting.
    PasswordVerdict check_password(std::int64_t oid, std::string_view password,
                                   const LockoutRules& rules, TimePoint now);

    // MOCK-CP-9: clears lock and counter; false for an unknown oid.
    bool unlock(std::int64_t oid);
    // MOCK-CP-9: drops every grant of the account; false for an unknown oid.
    bool clear_grants(std::int64_t oid);
    // ESIA-LOGIN-25: records the grant for good.
    void grant(std::int64_t oid, const std::string& client_id, const std::set<std::string>& scopes);

private:
    static std::optional<Account> to_account(const common::FixtureEsiaAccount& a,
                                             const common::Date& today, std::string* problem);
    void index(std::size_t i);
    Account* find_oid_locked(std::int64_t oid);
    void expire_lock(Account& a, const LockoutRules& rules, TimePoint now);

    mutable std::mutex mutex_;
    std::vector<Account> accounts_;
    std::map<std::int64_t, std::size_t> by_oid_;
    std::map<std::string, std::size_t, std::less<>> by_phone_, by_email_, by_snils_;
};

} // namespace logintest::mocks::esia
