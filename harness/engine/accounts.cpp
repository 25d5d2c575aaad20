// Reads the fixture's school-module users for the tester (see accounts.hpp).
#include "harness/engine/accounts.hpp"

#include <boost/json.hpp>

#include <fmt/format.h>

namespace logintest::harness::engine {

Accounts::LoadResult Accounts::parse(std::string_view fixture_json,
                                     const std::string& source_name) {
    LoadResult result;
    boost::system::error_code ec;
    const boost::json::value root = boost::json::parse(fixture_json, ec);
    if (ec) {
        result.error = fmt::format("{}: not valid JSON: {}", source_name, ec.message());
        return result;
    }
    const auto* users = root.is_object() ? root.as_object().if_contains("users") : nullptr;
    if (users == nullptr || !users->is_array()) {
        result.error = fmt::format("{}: expected an object with a \"users\" array", source_name);
        return result;
    }
    std::size_t index = 0;
    for (const auto& u : users->as_array()) {
        const auto* obj = u.if_object();
        const auto* login = obj ? obj->if_contains("login") : nullptr;
        const auto* scid = obj ? obj->if_contains("scid") : nullptr;
        const auto* user_id = obj ? obj->if_contains("userId") : nullptr;
        const auto* password = obj ? obj->if_contains("password") : nullptr;
        if (!login || !login->is_string() || !scid || !scid->is_int64() || !user_id ||
            !user_id->is_int64() || !password || !password->is_string()) {
            result.error = fmt::format(
                "{}: users[{}] needs string login and password and integer scid and userId",
                source_name, index);
            return result;
        }
        result.accounts.accounts_.push_back(
            Account{static_cast<int>(user_id->as_int64()), std::string(login->as_string()),
                    static_cast<int>(scid->as_int64()), std::string(password->as_string())});
        ++index;
    }
    return result;
}

std::optional<Account> Accounts::find(std::string_view login, std::optional<int> scid) const {
    std::optional<Account> found;
    for (const auto& a : accounts_) {
        if (a.login != login || (scid && a.scid != *scid)) {
            continue;
        }
        if (found) {
            return std::nullopt; // ambiguous without a school
        }
        found = a;
    }
    return found;
}

std::optional<Account> pool_account(std::string_view pool, int i) {
    if (i < 1 || i > 99999) {
        return std::nullopt;
    }
    Account a;
    a.scid = 2436;
    if (pool == "load") {
        a.user_id = 900000 + i;
        a.login = fmt::format("load{:05d}", i);
        a.password = fmt::format("Load#{:05d}", i);
        a.oid = 2000000000LL + i;
    } else if (pool == "bind") {
        a.user_id = 950000 + i;
        a.login = fmt::format("bind{:05d}", i);
        a.password = fmt::format("Bind#{:05d}", i);
        a.oid = 2100000000LL + i;
    } else {
        return std::nullopt;
    }
    a.esia_login = a.login + "@load.example.ru";
    a.esia_password = fmt::format("Esia#{:05d}", i);
    return a;
}

void bind_account(const model::AccountUse& use, const Account& account, scenario::Variables& vars,
                  std::vector<std::string>& secrets) {
    vars[use.as + ".login"] = account.login;
    vars[use.as + ".password"] = account.password;
    vars[use.as + ".scid"] = std::to_string(account.scid);
    vars[use.as + ".user_id"] = std::to_string(account.user_id);
    secrets.push_back(account.password);
    if (!use.pool.empty()) {
        vars[use.as + ".esia_login"] = account.esia_login;
        vars[use.as + ".esia_password"] = account.esia_password;
        vars[use.as + ".oid"] = std::to_string(account.oid);
        secrets.push_back(account.esia_password);
    }
}

std::string bind_accounts(const model::Journey& journey, const Accounts& accounts,
                          scenario::Variables& vars, std::vector<std::string>& secrets) {
    for (const auto& use : journey.accounts) {
        if (!use.kind.empty()) {
            // Without a lease: the kind's first account the fixture has.
            std::optional<Account> member;
            for (const auto& ref : use.kind_accounts) {
                if ((member = accounts.find(ref.login, ref.scid))) {
                    break;
                }
            }
            if (!member) {
                return fmt::format("{}:{}: the fixture has no account of kind '{}'", use.where.file,
                                   use.where.line, use.kind);
            }
            bind_account(use, *member, vars, secrets);
            continue;
        }
        const auto account =
            use.pool.empty() ? accounts.find(use.login, use.scid) : pool_account(use.pool, 1);
        if (!account) {
            if (!use.pool.empty()) {
                return fmt::format("{}:{}: unknown account pool '{}'", use.where.file,
                                   use.where.line, use.pool);
            }
            return fmt::format("{}:{}: the fixture has no single account with login '{}'{}",
                               use.where.file, use.where.line, use.login,
                               use.scid ? fmt::format(" in school {}", *use.scid) : "");
        }
        bind_account(use, *account, vars, secrets);
    }
    return {};
}

} // namespace logintest::harness::engine
