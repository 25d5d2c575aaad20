// AccountLeaser: how `check` takes the accounts of one journey run exclusively and returns them
// after it. The engine only sees this interface; the CLI implements it with the load engine's
// AccountLeases (harness/engine/account_leases.hpp), so `check` and `load` lease through one API
// and no two concurrent journeys ever share an account (kinds, pools, fixed logins).
#pragma once

#include "harness/engine/accounts.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace logintest::harness::engine {

class AccountLeaser {
public:
    virtual ~AccountLeaser() = default;
    // Leases the accounts journey `journey` (its index in the catalog) needs, in
    // journey.accounts order; false with `missing` naming what had no free account.
    virtual bool acquire(std::size_t journey, std::vector<const Account*>& accounts,
                         std::string& missing) = 0;
    // Returns what acquire() leased for that journey.
    virtual void release(std::size_t journey) = 0;
};

} // namespace logintest::harness::engine
