// The load pool of MOCK-FIX-5: numbered account pairs added to the §22 fixture for load
// tests, so that concurrent journeys lease distinct accounts and lockout rules never fire by
// accident. Both hosts call add_load_pool() on their copy of the fixture at start, with the
// same sizes, so asurso's users and esia's accounts (and the bindings between them) match.
// Pure; thread-safe.
#pragma once

#include "mocks/common/fixture.hpp"

namespace logintest::mocks::common {

struct LoadPoolSize {
    int bound = 0;   // `fixture.load_pool_size`: bound pairs load%05d (users 900000+i)
    int unbound = 0; // `fixture.load_pool_unbound`: unbound pairs bind%05d (users 950000+i)
};

// MOCK-FIX-5, for i = 1..bound: user 900000+i `load%05d` @ 2436, role 1, birthDate
// today-15y, password `Load#%05d`; ESIA account 2000000000+i, e-mail
// `load%05d@load.example.ru`, password `Esia#%05d`, trusted, PR, consent granted; and a
// binding. For i = 1..unbound: user 950000+i `bind%05d`, password `Bind#%05d`; ESIA account
// 2100000000+i, `bind%05d@load.example.ru`, password `Esia#%05d`; no binding. Pairs whose
// userId or oid the fixture already has are left out, so applying it twice changes nothing.
void add_load_pool(Fixture& fixture, LoadPoolSize size);

// The fixture with the pool added (for member initialisers).
Fixture with_load_pool(Fixture fixture, LoadPoolSize size);

} // namespace logintest::mocks::common
