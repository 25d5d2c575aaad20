// ESIA tokens (§16): the id token and access token as JWS compact serialisations
// (ESIA-JWT-1) with the headers and claims of ESIA-JWT-2..4, signed with the ESIA signing key
// (ESIA-JWT-5: GOST3410_2012_256 by default, RS256 with the rsa profile); and the reading of
// an access token presented to /rs/prns (ESIA-RS-1). Thread-safe over EsiaState.
#pragma once

#include "mocks/esia/esia_state.hpp"

#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace logintest::mocks::esia {

// What a token set is issued for (a code of ESIA-LOGIN-7, or a refresh grant).
struct TokenSubject {
    std::string client_id;
    std::int64_t oid = 0;
    TimePoint auth_time{};
    std::string sid;   // urn:esia:sid
    std::string scope; // granted scopes as requested
};

// ESIA-JWT-2, -3 (with the `id-token-wrong-aud` and `id-token-expired` defects).
std::string make_id_token(const EsiaState& state, const Account& account,
                          const TokenSubject& subject, TimePoint issued_at);
// ESIA-JWT-2, -4.
std::string make_access_token(const EsiaState& state, const TokenSubject& subject,
                              TimePoint issued_at);

struct DecodedJwt {
    boost::json::object header;
    boost::json::object payload;
};

// ESIA-RS-1: a well-formed token with the configured `alg` whose signature verifies with the
// ESIA signing certificate; nullopt otherwise (expiry is the caller's check).
std::optional<DecodedJwt> verify_jwt(const EsiaState& state, std::string_view token);

// Seconds since the epoch.
std::int64_t epoch_seconds(TimePoint t);

} // namespace logintest::mocks::esia
