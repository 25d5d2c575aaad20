// asurso's ESIA client keys and the ESIA signing certificate (esia_client_keys.hpp).
#include "mocks/asurso/esia_client_keys.hpp"

#include "mocks/asurso/asurso_config.hpp"
#include "mocks/common/mock_keys.hpp"

namespace logintest::mocks::asurso {

EsiaClientKeys::EsiaClientKeys(const AsursoConfig& config) : config_(config) {}

std::shared_ptr<const EsiaClientCredentials> EsiaClientKeys::client(std::string& error) {
    std::lock_guard lock(mutex_);
    if (client_) {
        return client_;
    }
    // ESIA-SIG-7: `<keys_dir>/client-<client_id>.key/.pem`, reused or generated.
    const std::string stem = "client-" + config_.esia_client.client_id;
    auto loaded =
        common::load_or_generate_key(common::mock_key_file(config_.keys_dir, stem),
                                     common::mock_cert_file(config_.keys_dir, stem),
                                     config_.crypto_profile, config_.esia_client.client_id);
    if (!loaded.pair) {
        error = loaded.error;
        return nullptr;
    }
    auto credentials = std::make_shared<EsiaClientCredentials>();
    // ESIA-SIG-2: streebog256 (gost) or SHA-256 (rsa) of the certificate's DER.
    credentials->certificate_hash = loaded.pair->certificate.hash_hex(config_.crypto_profile);
    credentials->pair = std::move(*loaded.pair);
    client_ = std::move(credentials);
    return client_;
}

std::shared_ptr<const crypto::Certificate> EsiaClientKeys::esia_certificate(std::string& error) {
    std::lock_guard lock(mutex_);
    if (esia_certificate_) {
        return esia_certificate_;
    }
    // ESIA-JWT-6: asurso reads the certificate esia writes; retried until it is there.
    auto cert = common::load_certificate_file(config_.esia_client.esia_cert_file, &error);
    if (!cert) {
        if (error.empty()) {
            error = config_.esia_client.esia_cert_file + ": cannot be read";
        }
        return nullptr;
    }
    esia_certificate_ = std::make_shared<const crypto::Certificate>(std::move(*cert));
    return esia_certificate_;
}

} // namespace logintest::mocks::asurso
