// GOST R 34.11-2012 (Streebog) hashes and GOST R 34.10-2012 (256) keys and signatures through
// OpenSSL 3 and Debian's `gost` engine (ESIA-SIG-1..7, ESIA-JWT-5), plus the RSA/SHA-256
// profile used where the engine is absent. The ENGINE code lives in gost_engine.cpp (compiled
// with -Wno-deprecated-declarations). Used by the mocks (esia signs JWTs and verifies client
// secrets, asurso signs its client requests) and by the harness (template functions, JWT
// checks). Thread-safe: the engine is loaded once; keys are immutable after load.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace logintest::crypto {

// crypto.profile of spec §23.
enum class Profile { gost, rsa };

// streebog256(b) of spec §0.3 as 64 lowercase hex; empty string when the engine is missing.
std::string streebog256_hex(std::string_view bytes);
// Raw 32-byte digest.
std::string streebog256(std::string_view bytes);

// True when the gost engine could be loaded (ENGINE_by_id("gost")).
bool gost_available();
// Why it could not be loaded (empty when it is available), for start-up messages.
std::string gost_unavailable_reason();

// An X.509 certificate (parsed once).
class Certificate {
public:
    static std::optional<Certificate> from_pem(std::string_view pem, std::string* error = nullptr);
    std::string pem() const;
    std::string der() const;
    // ESIA-SIG-2: lowercase hex of streebog256(DER) (profile gost) or SHA-256(DER) (rsa).
    std::string hash_hex(Profile profile) const;
    // Verifies a raw signature over `message` with the certificate's public key:
    // gost: 64-byte GOST R 34.10-2012 signature over streebog256(message), in the layout
    // `openssl dgst -md_gost12_256 -sign` writes; rsa: RSASSA-PKCS1-v1_5 with SHA-256.
    bool verify(std::string_view message, std::string_view signature) const;
    // The profile of the certificate's public key; nullopt for other key types (or a GOST key
    // without the engine).
    std::optional<Profile> profile() const;
    // The public key as PEM (SubjectPublicKeyInfo), what `openssl dgst -verify` takes.
    std::string public_key_pem() const;

    struct Impl;
    std::shared_ptr<Impl> impl_;
};

// A private key (GOST 2012-256 paramset A, or RSA-2048).
class PrivateKey {
public:
    static std::optional<PrivateKey> from_pem(std::string_view pem, std::string* error = nullptr);
    std::string pem() const;
    Profile profile() const;
    // The raw signature of `message` (see Certificate::verify for the layout).
    std::string sign(std::string_view message) const;
    // True when `certificate` holds this key's public half (for reusing key files, ESIA-SIG-7).
    bool matches(const Certificate& certificate) const;

    struct Impl;
    std::shared_ptr<Impl> impl_;
};

struct KeyAndCertificate {
    PrivateKey key;
    Certificate certificate;
};

// ESIA-SIG-1: a new key and a self-signed certificate with this common name
// (gost: GOST 2012-256 paramset A key, certificate signed with GOST 2012/Streebog-256;
// rsa: RSA-2048 and sha256WithRSAEncryption). Nullopt with `error` set on failure.
std::optional<KeyAndCertificate> generate_self_signed(Profile profile, std::string_view common_name,
                                                      int days, std::string* error = nullptr);

// ESIA-SIG-5: detached CMS SignedData (DER) over `message`, signer certificate included,
// digest streebog256 (gost) or SHA-256 (rsa).
std::string cms_sign_detached(const KeyAndCertificate& signer, std::string_view message);
// Verifies a detached CMS over `message` and that its signer certificate is byte-equal (DER)
// to `expected_signer`; chain trust is not checked.
bool cms_verify_detached(std::string_view cms_der, std::string_view message,
                         const Certificate& expected_signer);

} // namespace logintest::crypto
