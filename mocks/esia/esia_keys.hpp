// The esia host's key material (ESIA-SIG-1, -7, ESIA-JWT-6): the ESIA signing key and one key
// per fixture client, loaded from `crypto.keys_dir` or generated there at start, and the
// signing certificate copied to `esia.signing_cert_file`. Built once at start; immutable and
// shared afterwards.
#pragma once

#include "mocks/common/fixture.hpp"
#include "mocks/esia/client_registry.hpp"
#include "mocks/esia/esia_config.hpp"
#include "support/text/problem.hpp"

#include <memory>
#include <string>

namespace logintest::mocks::esia {

struct EsiaKeys {
    std::shared_ptr<const crypto::KeyAndCertificate> signing; // esia-signing.key/.pem
    ClientRegistry::KeyMap clients;                           // client-<client_id>.key/.pem
};

// ESIA-SIG-7: load or generate every key of the host; ESIA-JWT-6: write the signing
// certificate to `signing_cert_file` when it is not already there. A key that cannot be
// loaded, generated or written is a Problem naming the file.
[[nodiscard]] support::Result<EsiaKeys> load_esia_keys(const EsiaConfig& config,
                                                       const common::Fixture& fixture);

} // namespace logintest::mocks::esia
