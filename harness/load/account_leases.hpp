// Transitional: AccountLeases moved to harness/engine/account_leases.hpp (namespace
// harness::engine), below its two users, `load` and `check`. This header keeps the old name
// for tests/integration/load_target.hpp until it includes the new header and names
// harness::engine::AccountLeases; then delete it.
#pragma once

#include "harness/engine/account_leases.hpp"

namespace logintest::harness::load {

using engine::AccountLeases;
using engine::Lease;
using engine::WorkerLeases;

} // namespace logintest::harness::load
