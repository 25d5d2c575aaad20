// Shared by the lease tests (account_leases_test.cpp, account_kind_leases_test.cpp): the two
// fixture accounts (ВолковС, ИвановИ) as engine::Accounts, parsed the way the engine parses a
// fixture file. Header-only, no state.
#pragma once

#include "harness/engine/accounts.hpp"

#include <gtest/gtest.h>

namespace logintest::harness::engine::testing {

inline Accounts fixture() {
    auto loaded = Accounts::parse(
        R"({"users":[{"login":"ВолковС","scid":107,"userId":700103,"password":"V0lk0v%Go"},
                     {"login":"ИвановИ","scid":2436,"userId":592640,"password":"Qwe123!z"}]})",
        "fixture");
    EXPECT_EQ(loaded.error, "");
    return loaded.accounts;
}

} // namespace logintest::harness::engine::testing
