// EsiaClientKeys: the key material asurso needs as an ESIA client: its own client key and
// certificate (ESIA-SIG-1, -7: `<keys_dir>/client-<client_id>.key/.pem`, generated when
// missing, through common/mock_keys) for client_secret and client_certificate_hash
// (ESIA-SIG-2..5), and the ESIA signing certificate (`esia_client.esia_cert_file`,
// ESIA-JWT-6) for the id_token check. Both are loaded at first use, not at start, because
// in one process the esia host writes the files when it starts; a failed load is retried at
// the next use and reported as an error string, never thrown. Thread-safe (one mutex); the
// returned objects are immutable and shared.
#pragma once

#include "crypto/gost.hpp"

#include <memory>
#include <mutex>
#include <string>

namespace logintest::mocks::asurso {

struct AsursoConfig;

struct EsiaClientCredentials {
    crypto::KeyAndCertificate pair;
    std::string certificate_hash; // ESIA-SIG-2: lowercase hex of the certificate's hash
};

class EsiaClientKeys {
public:
    explicit EsiaClientKeys(const AsursoConfig& config);

    // ESIA-SIG-7: asurso's client key and certificate; null with `error` set on failure.
    std::shared_ptr<const EsiaClientCredentials> client(std::string& error);
    // ESIA-JWT-6: the ESIA signing certificate; null with `error` set on failure.
    std::shared_ptr<const crypto::Certificate> esia_certificate(std::string& error);

private:
    const AsursoConfig& config_;
    std::mutex mutex_;
    std::shared_ptr<const EsiaClientCredentials> client_;
    std::shared_ptr<const crypto::Certificate> esia_certificate_;
};

} // namespace logintest::mocks::asurso
