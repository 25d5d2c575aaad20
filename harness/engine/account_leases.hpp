// AccountLeases: no two concurrent journeys share an account, so a lockout journey never
// locks out a returning-login user and per-account counters stay meaningful (MOCK-FIX-5).
//
// A journey's <account> is either a fixture login (one account, shared by every worker: a
// lock-free flag decides who holds it), an account kind (any free one of its fixture accounts,
// by the same flags) or a pool (`load` = load%05d, `bind` = bind%05d, with
// --pool-size / --pool-unbound accounts). Pool accounts are split between the workers
// (account i goes to worker (i-1) % workers) so that leasing one needs no lock; each worker
// hands its accounts out in rotation. `bind` accounts are single-use: a first-time binding
// binds an account once, so it never returns to the pool.
//
// Built once before the run (create()); then worker(w) belongs to worker w's thread alone.
// Lease objects are reused by a virtual user from journey to journey. Users: the load engine
// (harness/load: one WorkerLeases per worker) and `check` (harness/load/catalog_leaser.hpp,
// one worker), which is why it lives here, below both.
#pragma once

#include "harness/engine/accounts.hpp"
#include "harness/model/scenario.hpp"

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace logintest::harness::engine {

// The accounts one journey holds; release with WorkerLeases::release().
struct Lease {
    std::vector<const Account*> accounts; // in journey.accounts order
    std::vector<std::int64_t> handles;    // internal: which flag or pool slot
    std::size_t journey = 0;
    bool held = false;
};

class WorkerLeases {
public:
    // Leases every account journey `journey` needs, or none. On failure `missing` names the
    // first kind that had no free account ("pool load", "account ИвановИ", "kind
    // school-pupil").
    bool lease(std::size_t journey, Lease& lease, std::string& missing);
    void release(Lease& lease);
    // Free accounts of a pool in this worker now (for tests and notes).
    std::size_t free_in_pool(const std::string& pool) const;

private:
    friend class AccountLeases;
    struct Pool {
        std::string name;
        bool single_use = false;
        std::vector<std::uint32_t> ring; // free account numbers, FIFO
        std::size_t head = 0;
        std::size_t count = 0;
    };
    class AccountLeases* owner_ = nullptr;
    std::vector<Pool> pools_;
    std::size_t kind_cursor_ = 0; // rotation over the accounts of a kind
};

class AccountLeases {
public:
    struct CreateResult;
    // `journeys` in mix order. Errors: a fixture login the fixture lacks; a pool journey with
    // a pool size of 0.
    [[nodiscard]] static CreateResult create(const std::vector<const model::Journey*>& journeys,
                                             const Accounts& fixture, int pool_size,
                                             int pool_unbound, int workers);

    WorkerLeases& worker(int index) { return workers_.at(static_cast<std::size_t>(index)); }
    int pool_size(const std::string& pool) const;

private:
    friend class WorkerLeases;
    // What one account use of one journey takes: a fixture account (flag index) or a pool.
    struct Need {
        int named = -1; // index into named_ / flags_
        int pool = -1;  // index into pool_names_
        // An account kind: any free one of these named_ indices (<account kind=...>).
        std::vector<int> candidates;
        std::string kind;
    };
    // The index of a fixture account in named_ (added on first use).
    int named_index(const Account& account);
    // What `use` takes (a pool is made on first use); an error text, empty on success.
    std::string add_need(const model::AccountUse& use, const Accounts& fixture, int pool_size,
                         int pool_unbound, Need& need);
    // Deals the pool accounts out to `workers` WorkerLeases.
    void split_pools(int workers);
    std::vector<std::vector<Need>> needs_; // per journey
    std::vector<Account> named_;
    std::unique_ptr<std::atomic<bool>[]> flags_; // held flags of named_
    std::vector<std::string> pool_names_;
    std::vector<std::vector<Account>> pool_accounts_; // per pool, [i-1]
    std::vector<WorkerLeases> workers_;
};

struct AccountLeases::CreateResult {
    std::unique_ptr<AccountLeases> leases; // null on error
    std::string error;
};

} // namespace logintest::harness::engine
