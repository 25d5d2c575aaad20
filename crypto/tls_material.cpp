// The mock's TLS CA and server certificates (MOCK-HOST-5), see tls_material.hpp: ECDSA P-256
// keys, ecdsa-with-SHA256 signatures, valid from an hour ago for 825 days.
#include "crypto/tls_material.hpp"

#include "crypto/openssl_handles.hpp"
#include "crypto/x509_builder.hpp"

#include <openssl/ec.h>

namespace logintest::crypto {
namespace {

constexpr long not_before_offset_s = -3600; // tolerate clients whose clock lags a little
constexpr int validity_days = 825;          // the CA/Browser Forum's former maximum

detail::EvpPkeyPtr generate_p256(std::string* error) {
    detail::EvpPkeyPtr key(EVP_EC_gen("P-256"));
    if (!key) {
        detail::set_error(error, detail::openssl_error("ECDSA P-256 key generation failed"));
    }
    return key;
}

// A fresh P-256 key and an unsigned certificate for it named `common_name`.
struct Draft {
    detail::EvpPkeyPtr key;
    detail::X509Ptr cert;
};

std::optional<Draft> new_draft(const std::string& common_name, std::string* error) {
    Draft draft;
    draft.key = generate_p256(error);
    if (!draft.key) {
        return std::nullopt;
    }
    draft.cert = detail::new_certificate(draft.key.get(), common_name, not_before_offset_s,
                                         validity_days, error);
    if (!draft.cert) {
        return std::nullopt;
    }
    return draft;
}

std::optional<PemPair> sign_and_encode(X509* cert, EVP_PKEY* signing_key, EVP_PKEY* subject_key,
                                       std::string* error) {
    if (X509_sign(cert, signing_key, EVP_sha256()) <= 0) {
        detail::set_error(error, detail::openssl_error("signing the certificate failed"));
        return std::nullopt;
    }
    PemPair pair{detail::private_key_pem(subject_key), detail::certificate_pem(cert)};
    if (pair.key_pem.empty() || pair.cert_pem.empty()) {
        detail::set_error(error, "PEM encoding failed");
        return std::nullopt;
    }
    return pair;
}

} // namespace

std::optional<PemPair> generate_tls_ca(const std::string& common_name, std::string* error) {
    if (!detail::valid_certificate_arguments(common_name, validity_days, error)) {
        return std::nullopt;
    }
    auto draft = new_draft(common_name, error);
    if (!draft) {
        return std::nullopt;
    }
    X509* self = draft->cert.get();
    if (!detail::add_extension(self, self, NID_basic_constraints, "critical,CA:TRUE", error) ||
        !detail::add_extension(self, self, NID_key_usage,
                               "critical,digitalSignature,keyCertSign,cRLSign", error) ||
        !detail::add_extension(self, self, NID_subject_key_identifier, "hash", error) ||
        !detail::add_extension(self, self, NID_authority_key_identifier, "keyid:always", error)) {
        return std::nullopt;
    }
    return sign_and_encode(self, draft->key.get(), draft->key.get(), error);
}

std::optional<PemPair> issue_tls_server_cert(const PemPair& ca, const std::string& common_name,
                                             const std::vector<std::string>& sans,
                                             std::string* error) {
    detail::X509Ptr ca_cert = detail::parse_certificate_pem(ca.cert_pem, error);
    if (!ca_cert) {
        return std::nullopt;
    }
    detail::EvpPkeyPtr ca_key = detail::parse_private_key_pem(ca.key_pem, error);
    if (!ca_key) {
        return std::nullopt;
    }
    if (X509_check_private_key(ca_cert.get(), ca_key.get()) != 1) {
        detail::set_error(error,
                          detail::openssl_error("the CA key does not match its certificate"));
        return std::nullopt;
    }
    if (sans.empty()) {
        detail::set_error(error, "a server certificate needs at least one subjectAltName");
        return std::nullopt;
    }
    auto draft = new_draft(common_name, error);
    if (!draft) {
        return std::nullopt;
    }
    X509* leaf = draft->cert.get();
    if (X509_set_issuer_name(leaf, X509_get_subject_name(ca_cert.get())) != 1) {
        detail::set_error(error, detail::openssl_error("setting the issuer failed"));
        return std::nullopt;
    }
    if (!detail::add_extension(leaf, ca_cert.get(), NID_basic_constraints, "critical,CA:FALSE",
                               error) ||
        !detail::add_extension(leaf, ca_cert.get(), NID_key_usage, "critical,digitalSignature",
                               error) ||
        !detail::add_extension(leaf, ca_cert.get(), NID_ext_key_usage, "serverAuth", error) ||
        !detail::add_extension(leaf, ca_cert.get(), NID_subject_key_identifier, "hash", error) ||
        !detail::add_extension(leaf, ca_cert.get(), NID_authority_key_identifier, "keyid:always",
                               error) ||
        !detail::add_subject_alt_names(leaf, sans, error)) {
        return std::nullopt;
    }
    return sign_and_encode(leaf, ca_key.get(), draft->key.get(), error);
}

} // namespace logintest::crypto
