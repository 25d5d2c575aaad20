// Streebog, GOST R 34.10-2012 (256) and RSA signatures, certificates and detached CMS
// (ESIA-SIG-1..7, ESIA-JWT-5), see gost.hpp. GOST algorithms come from the `gost` engine that
// gost_engine.cpp loads; RSA and SHA-256 from OpenSSL's default provider, so profile `rsa`
// works without the engine. Every entry point that may meet a GOST key loads the engine first,
// because parsing a GOST key or certificate needs the engine's ASN.1 methods.
#include "crypto/gost.hpp"

#include "crypto/digest.hpp"
#include "crypto/gost_engine.hpp"
#include "crypto/openssl_handles.hpp"
#include "crypto/x509_builder.hpp"

#include <openssl/obj_mac.h>
#include <openssl/rsa.h>

#include <array>

namespace logintest::crypto {

struct Certificate::Impl {
    detail::X509Ptr cert;
    detail::EvpPkeyPtr public_key; // null when the key type is not supported
    std::optional<Profile> profile;
    std::string der;
    std::string pem;
    std::string streebog_hex; // empty without the engine
    std::string sha256_hex;
};

struct PrivateKey::Impl {
    detail::EvpPkeyPtr key;
    Profile profile = Profile::gost;
    std::string pem;
};

namespace {

const unsigned char* bytes_of(std::string_view s) {
    // Some OpenSSL update functions dislike a null pointer even with length 0.
    return reinterpret_cast<const unsigned char*>(s.empty() ? "" : s.data());
}

std::optional<Profile> profile_of(EVP_PKEY* key) {
    if (key == nullptr) {
        return std::nullopt;
    }
    if (EVP_PKEY_get_base_id(key) == NID_id_GostR3410_2012_256) {
        return Profile::gost;
    }
    if (EVP_PKEY_is_a(key, "RSA") == 1) {
        return Profile::rsa;
    }
    return std::nullopt;
}

// The digest (and, for GOST, the engine) a profile signs with; {nullptr, _} without the engine.
struct SigningAlgorithm {
    const EVP_MD* md;
    ENGINE* engine;
};

SigningAlgorithm algorithm_for(Profile profile) {
    if (profile == Profile::gost) {
        return {detail::streebog256_md(), detail::gost_engine()};
    }
    return {EVP_sha256(), nullptr};
}

std::string sign_with(EVP_PKEY* key, Profile profile, std::string_view message) {
    const SigningAlgorithm alg = algorithm_for(profile);
    const int max_size = EVP_PKEY_get_size(key);
    if (alg.md == nullptr || max_size <= 0) {
        ERR_clear_error();
        return {};
    }
    detail::EvpMdCtxPtr ctx(EVP_MD_CTX_new());
    std::string signature(static_cast<std::size_t>(max_size), '\0');
    std::size_t length = signature.size();
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, alg.md, alg.engine, key) != 1 ||
        EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &length,
                       bytes_of(message), message.size()) != 1) {
        ERR_clear_error();
        return {};
    }
    signature.resize(length);
    return signature;
}

bool verify_with(EVP_PKEY* key, Profile profile, std::string_view message,
                 std::string_view signature) {
    const SigningAlgorithm alg = algorithm_for(profile);
    // Exactly the key's signature size (64 bytes for GOST 2012-256, the modulus size for RSA):
    // the gost engine would otherwise accept a signature with extra bytes appended.
    const int size = EVP_PKEY_get_size(key);
    if (alg.md == nullptr || size <= 0 || signature.size() != static_cast<std::size_t>(size)) {
        ERR_clear_error();
        return false;
    }
    detail::EvpMdCtxPtr ctx(EVP_MD_CTX_new());
    const bool ok = ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, alg.md, alg.engine, key) == 1 &&
                    EVP_DigestVerify(ctx.get(), bytes_of(signature), signature.size(),
                                     bytes_of(message), message.size()) == 1;
    if (!ok) {
        ERR_clear_error();
    }
    return ok;
}

std::string digest_raw(const EVP_MD* md, ENGINE* engine, std::string_view bytes) {
    if (md == nullptr) {
        return {};
    }
    std::array<unsigned char, EVP_MAX_MD_SIZE> out{};
    unsigned int length = 0;
    if (EVP_Digest(bytes_of(bytes), bytes.size(), out.data(), &length, md, engine) != 1) {
        ERR_clear_error();
        return {};
    }
    return std::string(reinterpret_cast<const char*>(out.data()), length);
}

std::optional<Certificate> make_certificate(detail::X509Ptr cert, std::string* error) {
    auto impl = std::make_shared<Certificate::Impl>();
    unsigned char* der = nullptr;
    const int der_length = i2d_X509(cert.get(), &der);
    if (der_length <= 0) {
        detail::set_error(error, detail::openssl_error("encoding the certificate failed"));
        return std::nullopt;
    }
    impl->der.assign(reinterpret_cast<const char*>(der), static_cast<std::size_t>(der_length));
    OPENSSL_free(der);
    impl->pem = detail::certificate_pem(cert.get());
    impl->public_key.reset(X509_get_pubkey(cert.get())); // null: unsupported key type
    ERR_clear_error();
    impl->profile = profile_of(impl->public_key.get());
    impl->streebog_hex = streebog256_hex(impl->der);
    impl->sha256_hex = sha256_hex(impl->der);
    impl->cert = std::move(cert);
    Certificate certificate;
    certificate.impl_ = std::move(impl);
    return certificate;
}

std::optional<PrivateKey> make_private_key(detail::EvpPkeyPtr key, std::string* error) {
    const std::optional<Profile> profile = profile_of(key.get());
    if (!profile) {
        detail::set_error(error, "unsupported key type (want GOST R 34.10-2012 256 or RSA)");
        return std::nullopt;
    }
    auto impl = std::make_shared<PrivateKey::Impl>();
    impl->profile = *profile;
    impl->pem = detail::private_key_pem(key.get());
    impl->key = std::move(key);
    PrivateKey result;
    result.impl_ = std::move(impl);
    return result;
}

detail::EvpPkeyPtr generate_key(Profile profile, std::string* error) {
    if (profile == Profile::rsa) {
        detail::EvpPkeyPtr key(EVP_RSA_gen(2048));
        if (!key) {
            detail::set_error(error, detail::openssl_error("RSA-2048 key generation failed"));
        }
        return key;
    }
    // ESIA-SIG-1: GOST R 34.10-2012 256-bit, parameter set A.
    detail::EvpPkeyCtxPtr ctx(
        EVP_PKEY_CTX_new_id(NID_id_GostR3410_2012_256, detail::gost_engine()));
    EVP_PKEY* raw = nullptr;
    if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1 ||
        EVP_PKEY_CTX_ctrl_str(ctx.get(), "paramset", "A") <= 0 ||
        EVP_PKEY_keygen(ctx.get(), &raw) != 1) {
        detail::set_error(error, detail::openssl_error("GOST 2012-256 key generation failed"));
        return nullptr;
    }
    return detail::EvpPkeyPtr(raw);
}

} // namespace

std::string streebog256(std::string_view bytes) {
    return digest_raw(detail::streebog256_md(), detail::gost_engine(), bytes);
}

std::string streebog256_hex(std::string_view bytes) {
    const std::string digest = streebog256(bytes);
    return digest.empty() ? std::string() : to_hex(digest);
}

bool gost_available() {
    return detail::gost_engine() != nullptr;
}

std::string gost_unavailable_reason() {
    return detail::gost_engine_error();
}

// --- Certificate ---

std::optional<Certificate> Certificate::from_pem(std::string_view pem, std::string* error) {
    (void)gost_available(); // GOST public keys decode only once the engine is registered
    detail::X509Ptr cert = detail::parse_certificate_pem(pem, error);
    if (!cert) {
        return std::nullopt;
    }
    return make_certificate(std::move(cert), error);
}

std::string Certificate::pem() const {
    return impl_ ? impl_->pem : std::string();
}

std::string Certificate::der() const {
    return impl_ ? impl_->der : std::string();
}

std::string Certificate::hash_hex(Profile profile) const {
    if (!impl_) {
        return {};
    }
    return profile == Profile::gost ? impl_->streebog_hex : impl_->sha256_hex;
}

bool Certificate::verify(std::string_view message, std::string_view signature) const {
    if (!impl_ || !impl_->profile) {
        return false;
    }
    return verify_with(impl_->public_key.get(), *impl_->profile, message, signature);
}

std::optional<Profile> Certificate::profile() const {
    return impl_ ? impl_->profile : std::nullopt;
}

std::string Certificate::public_key_pem() const {
    return impl_ && impl_->public_key ? detail::public_key_pem(impl_->public_key.get())
                                      : std::string();
}

// --- PrivateKey ---

std::optional<PrivateKey> PrivateKey::from_pem(std::string_view pem, std::string* error) {
    (void)gost_available(); // GOST keys decode only once the engine is registered
    detail::EvpPkeyPtr key = detail::parse_private_key_pem(pem, error);
    if (!key) {
        return std::nullopt;
    }
    return make_private_key(std::move(key), error);
}

std::string PrivateKey::pem() const {
    return impl_ ? impl_->pem : std::string();
}

Profile PrivateKey::profile() const {
    return impl_ ? impl_->profile : Profile::gost;
}

std::string PrivateKey::sign(std::string_view message) const {
    if (!impl_) {
        return {};
    }
    return sign_with(impl_->key.get(), impl_->profile, message);
}

bool PrivateKey::matches(const Certificate& certificate) const {
    if (!impl_ || !certificate.impl_ || !certificate.impl_->public_key) {
        return false;
    }
    const bool same = EVP_PKEY_eq(impl_->key.get(), certificate.impl_->public_key.get()) == 1;
    ERR_clear_error();
    return same;
}

// --- Generation ---

std::optional<KeyAndCertificate> generate_self_signed(Profile profile, std::string_view common_name,
                                                      int days, std::string* error) {
    if (!detail::valid_certificate_arguments(common_name, days, error)) {
        return std::nullopt;
    }
    if (profile == Profile::gost && !gost_available()) {
        detail::set_error(error, "the gost engine is not available: " + gost_unavailable_reason());
        return std::nullopt;
    }
    detail::EvpPkeyPtr key = generate_key(profile, error);
    if (!key) {
        return std::nullopt;
    }
    // Valid from an hour ago, so that a client whose clock lags a little accepts it at once.
    detail::X509Ptr cert = detail::new_certificate(key.get(), common_name, -3600, days, error);
    if (!cert) {
        return std::nullopt;
    }
    X509* self = cert.get();
    if (!detail::add_extension(self, self, NID_basic_constraints, "critical,CA:FALSE", error) ||
        !detail::add_extension(self, self, NID_key_usage,
                               "critical,digitalSignature,nonRepudiation", error) ||
        !detail::add_extension(self, self, NID_subject_key_identifier, "hash", error) ||
        !detail::add_extension(self, self, NID_authority_key_identifier, "keyid:always", error)) {
        return std::nullopt;
    }
    // ESIA-SIG-1: signed with GOST R 34.10-2012 / 34.11-2012 (256), or sha256WithRSAEncryption.
    const SigningAlgorithm alg = algorithm_for(profile);
    if (X509_sign(self, key.get(), alg.md) <= 0) {
        detail::set_error(error, detail::openssl_error("signing the certificate failed"));
        return std::nullopt;
    }
    std::optional<PrivateKey> private_key = make_private_key(std::move(key), error);
    std::optional<Certificate> certificate = make_certificate(std::move(cert), error);
    if (!private_key || !certificate) {
        return std::nullopt;
    }
    return KeyAndCertificate{std::move(*private_key), std::move(*certificate)};
}

// --- CMS (ESIA-SIG-5) ---

std::string cms_sign_detached(const KeyAndCertificate& signer, std::string_view message) {
    const auto& key = signer.key.impl_;
    const auto& cert = signer.certificate.impl_;
    if (!key || !cert || cert->profile != key->profile || !signer.key.matches(signer.certificate)) {
        return {};
    }
    const SigningAlgorithm alg = algorithm_for(key->profile);
    if (alg.md == nullptr) {
        return {};
    }
    constexpr unsigned flags = CMS_DETACHED | CMS_BINARY;
    detail::BioPtr content = detail::memory_bio(message);
    // CMS_PARTIAL: an empty SignedData to which the signer is added with an explicit digest
    // (CMS_sign would pick the key's default digest); the signer certificate is included.
    detail::CmsPtr cms(CMS_sign(nullptr, nullptr, nullptr, nullptr, flags | CMS_PARTIAL));
    if (!content || !cms ||
        CMS_add1_signer(cms.get(), cert->cert.get(), key->key.get(), alg.md, flags) == nullptr ||
        CMS_final(cms.get(), content.get(), nullptr, flags) != 1) {
        ERR_clear_error();
        return {};
    }
    unsigned char* der = nullptr;
    const int der_length = i2d_CMS_ContentInfo(cms.get(), &der);
    if (der_length <= 0) {
        ERR_clear_error();
        return {};
    }
    std::string result(reinterpret_cast<const char*>(der), static_cast<std::size_t>(der_length));
    OPENSSL_free(der);
    return result;
}

bool cms_verify_detached(std::string_view cms_der, std::string_view message,
                         const Certificate& expected_signer) {
    const auto& expected = expected_signer.impl_;
    if (!expected || !expected->profile || cms_der.empty()) {
        return false;
    }
    const SigningAlgorithm alg = algorithm_for(*expected->profile);
    if (alg.md == nullptr) {
        return false;
    }
    const unsigned char* p = bytes_of(cms_der);
    const unsigned char* const end = p + cms_der.size();
    detail::CmsPtr cms(d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(cms_der.size())));
    if (!cms || p != end || OBJ_obj2nid(CMS_get0_type(cms.get())) != NID_pkcs7_signed) {
        ERR_clear_error();
        return false;
    }
    detail::BioPtr content = detail::memory_bio(message);
    // Signature and message digest against the detached content, signer certificate taken from
    // inside the CMS, chain trust not checked (ESIA-SIG-5).
    if (!content || CMS_verify(cms.get(), nullptr, nullptr, content.get(), nullptr,
                               CMS_NO_SIGNER_CERT_VERIFY | CMS_BINARY) != 1) {
        ERR_clear_error();
        return false;
    }
    // Every signer: the profile's digest, and a certificate byte-equal to the registered one.
    STACK_OF(CMS_SignerInfo)* infos = CMS_get0_SignerInfos(cms.get());
    const int count = sk_CMS_SignerInfo_num(infos);
    if (count <= 0) {
        return false;
    }
    for (int i = 0; i < count; ++i) {
        CMS_SignerInfo* info = sk_CMS_SignerInfo_value(infos, i);
        X509* signer_cert = nullptr;
        X509_ALGOR* digest = nullptr;
        CMS_SignerInfo_get0_algs(info, nullptr, &signer_cert, &digest, nullptr);
        if (signer_cert == nullptr || digest == nullptr ||
            OBJ_obj2nid(digest->algorithm) != EVP_MD_get_type(alg.md)) {
            return false;
        }
        unsigned char* der = nullptr;
        const int der_length = i2d_X509(signer_cert, &der);
        const bool same = der_length > 0 &&
                          std::string_view(reinterpret_cast<const char*>(der),
                                           static_cast<std::size_t>(der_length)) == expected->der;
        OPENSSL_free(der);
        if (!same) {
            ERR_clear_error();
            return false;
        }
    }
    return true;
}

} // namespace logintest::crypto
