// ESIA accounts, counters, locks and grants (account_store.hpp).
#include "mocks/esia/account_store.hpp"

#include "support/text/strings.hpp"

#include <fmt/format.h>

namespace logintest::mocks::esia {

std::optional<Account> AccountStore::to_account(const common::FixtureEsiaAccount& a,
                                                const common::Date& today, std::string* problem) {
    Account out;
    out.oid = a.oid;
    out.last_name = a.last_name;
    out.first_name = a.first_name;
    out.middle_name = a.middle_name;
    const auto birth = common::resolve_fixture_date(a.birth_date, today); // MOCK-FIX-2
    if (!birth) {
        *problem = fmt::format("esia account {}: bad birthDate", a.oid);
        return std::nullopt;
    }
    out.birth_date = *birth;
    out.gender = a.gender;
    // ESIA-LOGIN-15: identifiers kept in canonical form, the lookup keys.
    if (a.phone) {
        out.phone = normalise_phone(*a.phone);
        if (!out.phone) {
            *problem = fmt::format("esia account {}: phone is not a phone", a.oid);
            return std::nullopt;
        }
    }
    if (a.email) {
        out.email = normalise_email(*a.email);
        if (!out.email) {
            *problem = fmt::format("esia account {}: email is not an e-mail address", a.oid);
            return std::nullopt;
        }
    }
    if (a.snils) {
        out.snils = normalise_snils(*a.snils, false);
        if (!out.snils) {
            *problem = fmt::format("esia account {}: snils is not 11 digits", a.oid);
            return std::nullopt;
        }
    }
    out.password = a.password;
    out.trusted = a.trusted;
    out.lvl = a.lvl;
    out.mfa_sms = a.mfa && support::iequals(*a.mfa, "sms");
    out.otp_code = a.otp_code;
    out.consent_granted = a.consent_granted;
    return out;
}

void AccountStore::index(std::size_t i) {
    const Account& a = accounts_[i];
    by_oid_[a.oid] = i;
    if (a.phone) {
        by_phone_[*a.phone] = i;
    }
    if (a.email) {
        by_email_[*a.email] = i;
    }
    if (a.snils) {
        by_snils_[*a.snils] = i;
    }
}

std::vector<std::string> AccountStore::load(const std::vector<common::FixtureEsiaAccount>& accounts,
                                            const common::Date& today) {
    std::vector<std::string> problems;
    std::lock_guard lock(mutex_);
    accounts_.clear();
    by_oid_.clear();
    by_phone_.clear();
    by_email_.clear();
    by_snils_.clear();
    for (const auto& fixture_account : accounts) {
        std::string problem;
        auto account = to_account(fixture_account, today, &problem);
        if (!account) {
            problems.push_back(std::move(problem));
            continue;
        }
        accounts_.push_back(std::move(*account));
        index(accounts_.size() - 1);
    }
    return problems;
}

AccountStore::AddResult AccountStore::add(const common::FixtureEsiaAccount& fixture_account,
                                          const common::Date& today) {
    std::string problem;
    auto account = to_account(fixture_account, today, &problem);
    if (!account) {
        return AddResult::invalid;
    }
    std::lock_guard lock(mutex_);
    if (by_oid_.contains(account->oid)) {
        return AddResult::exists;
    }
    // MOCK-CP-10: duplicate identifiers would make ESIA-LOGIN-15 lookups ambiguous.
    if ((account->phone && by_phone_.contains(*account->phone)) ||
        (account->email && by_email_.contains(*account->email)) ||
        (account->snils && by_snils_.contains(*account->snils))) {
        return AddResult::identifier_exists;
    }
    accounts_.push_back(std::move(*account));
    index(accounts_.size() - 1);
    return AddResult::added;
}

std::optional<std::int64_t> AccountStore::find(IdKind kind, std::string_view canonical) const {
    std::lock_guard lock(mutex_);
    const auto& map = kind == IdKind::phone   ? by_phone_
                      : kind == IdKind::email ? by_email_
                                              : by_snils_;
    const auto it = map.find(canonical);
    if (it == map.end()) {
        return std::nullopt;
    }
    return accounts_[it->second].oid;
}

std::optional<Account> AccountStore::by_oid(std::int64_t oid) const {
    std::lock_guard lock(mutex_);
    const auto it = by_oid_.find(oid);
    if (it == by_oid_.end()) {
        return std::nullopt;
    }
    return accounts_[it->second];
}

std::vector<Account> AccountStore::all() const {
    std::lock_guard lock(mutex_);
    return accounts_;
}

Account* AccountStore::find_oid_locked(std::int64_t oid) {
    const auto it = by_oid_.find(oid);
    return it == by_oid_.end() ? nullptr : &accounts_[it->second];
}

void AccountStore::expire_lock(Account& a, const LockoutRules& rules, TimePoint now) {
    // ESIA-LOGIN-18: a lock with a duration ends by itself, with a fresh counter.
    if (a.locked && rules.lock_duration_s > 0 &&
        now >= a.locked_at + std::chrono::seconds(rules.lock_duration_s)) {
        a.locked = false;
        a.failed_count = 0;
    }
}

std::optional<AccountStore::Status> AccountStore::status(std::int64_t oid,
                                                         const LockoutRules& rules, TimePoint now) {
    std::lock_guard lock(mutex_);
    Account* a = find_oid_locked(oid);
    if (a == nullptr) {
        return std::nullopt;
    }
    expire_lock(*a, rules, now);
    return Status{a->locked, a->failed_count};
}

PasswordVerdict AccountStore::check_password(std::int64_t oid, std::string_view password,
                                             const LockoutRules& rules, TimePoint now) {
    std::lock_guard lock(mutex_);
    Account* a = find_oid_locked(oid);
    if (a == nullptr) {
        return PasswordVerdict::wrong; // removed meanwhile: nothing to count
    }
    expire_lock(*a, rules, now);
    if (a->locked) {
        return PasswordVerdict::locked; // ESIA-LOGIN-18: before anything else
    }
    if (a->password == password) { // ESIA-LOGIN-9: exact, case-sensitive
        a->failed_count = 0;       // ESIA-LOGIN-16: a success resets the counter
        return PasswordVerdict::right;
    }
    ++a->failed_count; // ESIA-LOGIN-16: consecutive wrong passwords over all sessions
    if (rules.lockout_enabled && a->failed_count >= rules.lock_threshold) {
        a->locked = true; // ESIA-LOGIN-18: this attempt still gets INVALID_PASSWORD
        a->locked_at = now;
        return PasswordVerdict::wrong_now_locked;
    }
    return PasswordVerdict::wrong;
}

bool AccountStore::unlock(std::int64_t oid) {
    std::lock_guard lock(mutex_);
    Account* a = find_oid_locked(oid);
    if (a == nullptr) {
        return false;
    }
    a->locked = false;
    a->failed_count = 0;
    return true;
}

bool AccountStore::clear_grants(std::int64_t oid) {
    std::lock_guard lock(mutex_);
    Account* a = find_oid_locked(oid);
    if (a == nullptr) {
        return false;
    }
    a->grants.clear();
    return true;
}

void AccountStore::grant(std::int64_t oid, const std::string& client_id,
                         const std::set<std::string>& scopes) {
    std::lock_guard lock(mutex_);
    if (Account* a = find_oid_locked(oid)) {
        a->grants[client_id].insert(scopes.begin(), scopes.end());
    }
}

} // namespace logintest::mocks::esia
