// The relying party's id_token check (ESIA-JWT-7) as asurso applies it at the callback
// (NS-ESIA-12): a JWS compact token (ESIA-JWT-1) whose signature over `header.payload`
// (ESIA-JWT-5) verifies with the ESIA signing certificate, with the expected alg, sbt,
// issuer, audience and times (with skew), a person subject whose oid equals `sub`. Returns
// the claims asurso uses (NS-ESIA-13, -14). Pure; thread-safe.
#pragma once

#include "crypto/gost.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace logintest::mocks::asurso {

struct IdTokenExpectations {
    const crypto::Certificate* esia_certificate = nullptr; // ESIA-JWT-6
    std::string alg;                                       // `esia.jwt_alg`
    std::string issuer;                                    // `esia_client.issuer`
    std::string audience;                                  // asurso's client_id
    std::chrono::system_clock::time_point now;             // asurso's clock (GEN-6)
    std::chrono::seconds skew{60};                         // `esia_client.id_token_skew_s`
};

struct IdTokenClaims {
    std::int64_t oid = 0;
    bool trusted = false; // `urn:esia:sbj:is_tru` present and true
    std::string lvl;      // `urn:esia:sbj:lvl`: PR, P, KD
};

struct IdTokenResult {
    std::optional<IdTokenClaims> claims; // empty: invalid
    std::string reason;                  // why not (for tests; carries no token material)
};

IdTokenResult validate_id_token(std::string_view token, const IdTokenExpectations& expect);

// ESIA-JWT-2: the `alg` for a crypto profile: GOST3410_2012_256 or RS256.
std::string jwt_alg_for(crypto::Profile profile);

} // namespace logintest::mocks::asurso
