// CatalogLeaser: the engine's AccountLeaser for `check`, built on AccountLeases (the lease API
// of the load engine) with one worker: each journey run of a catalog leases its accounts
// (kinds, pools, fixed logins) exclusively and returns them after the run.
#pragma once

#include "harness/engine/account_leaser.hpp"
#include "harness/engine/account_leases.hpp"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace logintest::harness::load {

class CatalogLeaser final : public engine::AccountLeaser {
public:
    struct CreateResult;
    // Errors as AccountLeases::create (a login or kind member the fixture lacks). A pool use
    // gets at least one pool account (the pool's first, as a single run needs).
    static CreateResult create(const std::vector<model::Journey>& journeys,
                               const engine::Accounts& fixture, int pool_size, int pool_unbound);

    bool acquire(std::size_t journey, std::vector<const engine::Account*>& accounts,
                 std::string& missing) override;
    void release(std::size_t journey) override;

private:
    std::unique_ptr<engine::AccountLeases> leases_;
    std::map<std::size_t, engine::Lease> held_;
};

struct CatalogLeaser::CreateResult {
    std::unique_ptr<CatalogLeaser> leaser; // null on error
    std::string error;
};

} // namespace logintest::harness::load
