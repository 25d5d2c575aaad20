// AccountLeases (see account_leases.hpp).
#include "harness/engine/account_leases.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace logintest::harness::engine {

AccountLeases::CreateResult
AccountLeases::create(const std::vector<const model::Journey*>& journeys, const Accounts& fixture,
                      int pool_size, int pool_unbound, int workers) {
    CreateResult result;
    auto leases = std::unique_ptr<AccountLeases>(new AccountLeases());
    for (const model::Journey* journey : journeys) {
        std::vector<Need> needs;
        for (const model::AccountUse& use : journey->accounts) {
            Need need;
            result.error = leases->add_need(use, fixture, pool_size, pool_unbound, need);
            if (!result.error.empty()) {
                return result;
            }
            needs.push_back(need);
        }
        leases->needs_.push_back(std::move(needs));
    }
    leases->flags_ = std::make_unique<std::atomic<bool>[]>(leases->named_.size());
    for (std::size_t i = 0; i < leases->named_.size(); ++i) {
        leases->flags_[i].store(false);
    }
    leases->split_pools(std::max(1, workers));
    result.leases = std::move(leases);
    return result;
}

std::string AccountLeases::add_need(const model::AccountUse& use, const Accounts& fixture,
                                    int pool_size, int pool_unbound, Need& need) {
    if (!use.kind.empty()) {
        // A kind: any free one of its fixture accounts.
        for (const model::AccountRef& ref : use.kind_accounts) {
            const auto account = fixture.find(ref.login, ref.scid);
            if (!account) {
                return fmt::format("{}:{}: account kind '{}': the fixture has no account with "
                                   "login '{}' in school {}",
                                   use.where.file, use.where.line, use.kind, ref.login, ref.scid);
            }
            need.candidates.push_back(named_index(*account));
            need.kind = use.kind;
        }
        if (need.candidates.empty()) {
            return fmt::format("{}:{}: account kind '{}' has no accounts", use.where.file,
                               use.where.line, use.kind);
        }
        return {};
    }
    if (use.pool.empty()) {
        const auto account = fixture.find(use.login, use.scid);
        if (!account) {
            return fmt::format("{}:{}: the fixture has no single account with login '{}'{}",
                               use.where.file, use.where.line, use.login,
                               use.scid ? fmt::format(" in school {}", *use.scid) : "");
        }
        need.named = named_index(*account);
        return {};
    }
    auto known = std::find(pool_names_.begin(), pool_names_.end(), use.pool);
    if (known == pool_names_.end()) {
        const int size = use.pool == "bind" ? pool_unbound : pool_size;
        if (size <= 0 || !pool_account(use.pool, 1)) {
            return fmt::format("{}:{}: the journey needs the '{}' account pool, but {} is 0 (it "
                               "must match the mock's fixture.{})",
                               use.where.file, use.where.line, use.pool,
                               use.pool == "bind" ? "--pool-unbound" : "--pool-size",
                               use.pool == "bind" ? "load_pool_unbound" : "load_pool_size");
        }
        if (size > 99999) {
            return fmt::format("{}:{}: a pool holds at most 99999 accounts", use.where.file,
                               use.where.line);
        }
        std::vector<Account> accounts;
        accounts.reserve(static_cast<std::size_t>(size));
        for (int i = 1; i <= size; ++i) {
            accounts.push_back(*pool_account(use.pool, i));
        }
        pool_names_.push_back(use.pool);
        pool_accounts_.push_back(std::move(accounts));
        known = pool_names_.end() - 1;
    }
    need.pool = static_cast<int>(known - pool_names_.begin());
    return {};
}

void AccountLeases::split_pools(int workers) {
    workers_.resize(static_cast<std::size_t>(workers));
    for (int w = 0; w < workers; ++w) {
        WorkerLeases& worker = workers_[static_cast<std::size_t>(w)];
        worker.owner_ = this;
        for (std::size_t p = 0; p < pool_names_.size(); ++p) {
            WorkerLeases::Pool pool;
            pool.name = pool_names_[p];
            pool.single_use = pool.name == "bind";
            const auto size = static_cast<std::uint32_t>(pool_accounts_[p].size());
            for (std::uint32_t i = 1 + static_cast<std::uint32_t>(w); i <= size;
                 i += static_cast<std::uint32_t>(workers)) {
                pool.ring.push_back(i);
            }
            pool.count = pool.ring.size();
            worker.pools_.push_back(std::move(pool));
        }
    }
}

int AccountLeases::named_index(const Account& account) {
    const auto same = std::find_if(named_.begin(), named_.end(), [&](const Account& a) {
        return a.login == account.login && a.scid == account.scid;
    });
    if (same != named_.end()) {
        return static_cast<int>(same - named_.begin());
    }
    named_.push_back(account);
    return static_cast<int>(named_.size() - 1);
}

int AccountLeases::pool_size(const std::string& pool) const {
    for (std::size_t p = 0; p < pool_names_.size(); ++p) {
        if (pool_names_[p] == pool) {
            return static_cast<int>(pool_accounts_[p].size());
        }
    }
    return 0;
}

bool WorkerLeases::lease(std::size_t journey, Lease& lease, std::string& missing) {
    const auto& needs = owner_->needs_.at(journey);
    lease.accounts.clear();
    lease.handles.clear();
    lease.journey = journey;
    lease.held = true;
    for (const auto& need : needs) {
        if (!need.candidates.empty()) {
            // A kind: the first free candidate after the one this worker leased last.
            const std::size_t n = need.candidates.size();
            bool got = false;
            for (std::size_t k = 0; k < n && !got; ++k) {
                const int index = need.candidates[(kind_cursor_ + k) % n];
                bool expected = false;
                if (owner_->flags_[static_cast<std::size_t>(index)].compare_exchange_strong(
                        expected, true, std::memory_order_acquire)) {
                    lease.accounts.push_back(&owner_->named_[static_cast<std::size_t>(index)]);
                    lease.handles.push_back(index);
                    kind_cursor_ = (kind_cursor_ + k + 1) % n;
                    got = true;
                }
            }
            if (!got) {
                missing = "kind " + need.kind;
                release(lease);
                return false;
            }
            continue;
        }
        if (need.named >= 0) {
            bool expected = false;
            if (!owner_->flags_[static_cast<std::size_t>(need.named)].compare_exchange_strong(
                    expected, true, std::memory_order_acquire)) {
                missing = "account " + owner_->named_[static_cast<std::size_t>(need.named)].login;
                release(lease);
                return false;
            }
            lease.accounts.push_back(&owner_->named_[static_cast<std::size_t>(need.named)]);
            lease.handles.push_back(need.named);
            continue;
        }
        Pool& pool = pools_[static_cast<std::size_t>(need.pool)];
        if (pool.count == 0) {
            missing = "pool " + pool.name;
            release(lease);
            return false;
        }
        const std::uint32_t number = pool.ring[pool.head];
        pool.head = (pool.head + 1) % pool.ring.size();
        --pool.count;
        lease.accounts.push_back(
            &owner_->pool_accounts_[static_cast<std::size_t>(need.pool)][number - 1]);
        // Pool slots are encoded below zero: -(pool * 2^32 + number).
        lease.handles.push_back(-(static_cast<std::int64_t>(need.pool) << 32 | number));
    }
    return true;
}

void WorkerLeases::release(Lease& lease) {
    if (!lease.held) {
        return;
    }
    for (const std::int64_t handle : lease.handles) {
        if (handle >= 0) {
            owner_->flags_[static_cast<std::size_t>(handle)].store(false,
                                                                   std::memory_order_release);
            continue;
        }
        const std::int64_t code = -handle;
        Pool& pool = pools_[static_cast<std::size_t>(code >> 32)];
        if (pool.single_use) {
            continue; // bound once; never handed out again
        }
        const auto number = static_cast<std::uint32_t>(code & 0xffffffff);
        pool.ring[(pool.head + pool.count) % pool.ring.size()] = number;
        ++pool.count;
    }
    lease.handles.clear();
    lease.accounts.clear();
    lease.held = false;
}

std::size_t WorkerLeases::free_in_pool(const std::string& pool) const {
    for (const auto& p : pools_) {
        if (p.name == pool) {
            return p.count;
        }
    }
    return 0;
}

} // namespace logintest::harness::engine
