// Certificate-making helpers shared by gost.cpp and tls_material.cpp (see x509_builder.hpp).
#include "crypto/x509_builder.hpp"

#include <openssl/pem.h>
#include <openssl/rand.h>

#include <array>
#include <climits>

namespace logintest::crypto::detail {
namespace {

// PEM password callback that refuses: an encrypted key must fail, never prompt on a terminal.
int no_password(char*, int, int, void*) {
    return -1;
}

bool set_random_serial(X509* cert, std::string* error) {
    std::array<unsigned char, 16> bytes{};
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
        set_error(error, openssl_error("RAND_bytes failed"));
        return false;
    }
    bytes[0] &= 0x7f; // positive
    bytes[0] |= 0x40; // and never zero, always 16 bytes long
    BignumPtr bn(BN_bin2bn(bytes.data(), static_cast<int>(bytes.size()), nullptr));
    if (!bn || BN_to_ASN1_INTEGER(bn.get(), X509_get_serialNumber(cert)) == nullptr) {
        set_error(error, openssl_error("setting the serial number failed"));
        return false;
    }
    return true;
}

} // namespace

bool valid_certificate_arguments(std::string_view common_name, int days, std::string* error) {
    if (common_name.empty() || common_name.size() > 64) {
        set_error(error, "the common name must have 1 to 64 bytes");
        return false;
    }
    if (days <= 0) {
        set_error(error, "the validity must be at least one day");
        return false;
    }
    return true;
}

X509Ptr new_certificate(EVP_PKEY* public_key, std::string_view common_name,
                        long not_before_offset_seconds, int days, std::string* error) {
    if (!valid_certificate_arguments(common_name, days, error)) {
        return nullptr;
    }
    X509Ptr cert(X509_new());
    if (!cert || X509_set_version(cert.get(), X509_VERSION_3) != 1 ||
        !set_random_serial(cert.get(), error)) {
        if (error != nullptr && error->empty()) {
            set_error(error, openssl_error("X509_new failed"));
        }
        return nullptr;
    }
    X509_NAME* name = X509_get_subject_name(cert.get());
    if (X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char*>(common_name.data()),
                                   static_cast<int>(common_name.size()), -1, 0) != 1 ||
        X509_set_issuer_name(cert.get(), name) != 1) {
        set_error(error, openssl_error("setting the subject name failed"));
        return nullptr;
    }
    if (X509_gmtime_adj(X509_getm_notBefore(cert.get()), not_before_offset_seconds) == nullptr ||
        X509_time_adj_ex(X509_getm_notAfter(cert.get()), days, 0, nullptr) == nullptr) {
        set_error(error, openssl_error("setting the validity failed"));
        return nullptr;
    }
    if (X509_set_pubkey(cert.get(), public_key) != 1) {
        set_error(error, openssl_error("setting the public key failed"));
        return nullptr;
    }
    return cert;
}

bool add_extension(X509* cert, X509* issuer, int nid, const char* value, std::string* error) {
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509ExtensionPtr ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value));
    if (!ext || X509_add_ext(cert, ext.get(), -1) != 1) {
        set_error(error, openssl_error(std::string("adding extension ") + OBJ_nid2sn(nid) + "=" +
                                       value + " failed"));
        return false;
    }
    return true;
}

bool add_subject_alt_names(X509* cert, const std::vector<std::string>& sans, std::string* error) {
    GeneralNamesPtr names(sk_GENERAL_NAME_new_null());
    if (!names) {
        set_error(error, openssl_error("allocating subjectAltName failed"));
        return false;
    }
    for (const std::string& san : sans) {
        if (san.empty() || san.size() > INT_MAX) {
            set_error(error, "empty subjectAltName entry");
            return false;
        }
        GeneralNamePtr name(GENERAL_NAME_new());
        if (!name) {
            set_error(error, openssl_error("allocating a subjectAltName entry failed"));
            return false;
        }
        // a2i_IPADDRESS parses dotted IPv4 and textual IPv6; anything else is a host name.
        if (ASN1_OCTET_STRING* ip = a2i_IPADDRESS(san.c_str())) {
            GENERAL_NAME_set0_value(name.get(), GEN_IPADD, ip);
        } else {
            ERR_clear_error();
            ASN1_IA5STRING* dns = ASN1_IA5STRING_new();
            if (dns == nullptr ||
                ASN1_STRING_set(dns, san.data(), static_cast<int>(san.size())) != 1) {
                ASN1_IA5STRING_free(dns);
                set_error(error, openssl_error("building a dNSName failed"));
                return false;
            }
            GENERAL_NAME_set0_value(name.get(), GEN_DNS, dns);
        }
        if (sk_GENERAL_NAME_push(names.get(), name.get()) == 0) {
            set_error(error, openssl_error("building subjectAltName failed"));
            return false;
        }
        // The stack (OpenSSL) owns the name now: the owning pointer lets go without freeing it.
        name.release(); // NOLINT(bugprone-unused-return-value): ownership handed to OpenSSL
    }
    if (X509_add1_ext_i2d(cert, NID_subject_alt_name, names.get(), 0, X509V3_ADD_DEFAULT) != 1) {
        set_error(error, openssl_error("adding subjectAltName failed"));
        return false;
    }
    return true;
}

std::string certificate_pem(X509* cert) {
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), cert) != 1) {
        ERR_clear_error();
        return {};
    }
    return bio_contents(bio.get());
}

std::string private_key_pem(EVP_PKEY* key) {
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio ||
        PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        ERR_clear_error();
        return {};
    }
    return bio_contents(bio.get());
}

std::string public_key_pem(EVP_PKEY* key) {
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PUBKEY(bio.get(), key) != 1) {
        ERR_clear_error();
        return {};
    }
    return bio_contents(bio.get());
}

X509Ptr parse_certificate_pem(std::string_view pem, std::string* error) {
    BioPtr bio = memory_bio(pem);
    X509Ptr cert(bio ? PEM_read_bio_X509(bio.get(), nullptr, no_password, nullptr) : nullptr);
    if (!cert) {
        set_error(error, openssl_error("no PEM certificate"));
    }
    return cert;
}

EvpPkeyPtr parse_private_key_pem(std::string_view pem, std::string* error) {
    BioPtr bio = memory_bio(pem);
    EvpPkeyPtr key(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, no_password, nullptr)
                       : nullptr);
    if (!key) {
        set_error(error, openssl_error("no (unencrypted) PEM private key"));
    }
    return key;
}

} // namespace logintest::crypto::detail
