// MOCK-HOST-5: the mock's CA and per-host server certificates verify as a chain for the
// host names and addresses of the spec, and for nothing else.
#include "crypto/tls_material.hpp"

#include <gtest/gtest.h>

#include <openssl/bio.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/obj_mac.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include <ctime>
#include <memory>

namespace logintest::crypto {
namespace {

struct X509Free {
    void operator()(X509* x) const { X509_free(x); }
};
using X509Ptr = std::unique_ptr<X509, X509Free>;

X509Ptr parse(const std::string& pem) {
    BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
    X509Ptr cert(PEM_read_bio_X509(bio, nullptr, nullptr, nullptr));
    BIO_free(bio);
    return cert;
}

// X509_verify_cert of `leaf` against `ca` as the only trust anchor, for the TLS server purpose.
int verify_chain(X509* ca, X509* leaf) {
    X509_STORE* store = X509_STORE_new();
    X509_STORE_add_cert(store, ca);
    X509_STORE_CTX* ctx = X509_STORE_CTX_new();
    X509_STORE_CTX_init(ctx, store, leaf, nullptr);
    X509_STORE_CTX_set_purpose(ctx, X509_PURPOSE_SSL_SERVER);
    const int ok = X509_verify_cert(ctx);
    const int error = X509_STORE_CTX_get_error(ctx);
    X509_STORE_CTX_free(ctx);
    X509_STORE_free(store);
    return ok == 1 ? X509_V_OK : (error == X509_V_OK ? -1 : error);
}

class TlsMaterial : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        ca_ = generate_tls_ca("logintest mock CA").value();
        asurso_ =
            issue_tls_server_cert(*ca_, "asurso.ru", {"asurso.ru", "center.asurso.ru", "127.0.0.1"})
                .value();
    }
    static void TearDownTestSuite() {
        ca_.reset();
        asurso_.reset();
    }
    static inline std::optional<PemPair> ca_, asurso_;
};

TEST_F(TlsMaterial, CaIsAnEcdsaP256CertificateAuthority) {
    X509Ptr ca = parse(ca_->cert_pem);
    ASSERT_TRUE(ca);
    EXPECT_EQ(X509_check_ca(ca.get()), 1);
    EXPECT_EQ(X509_get_extension_flags(ca.get()) & EXFLAG_SS, static_cast<uint32_t>(EXFLAG_SS));
    EXPECT_NE(X509_get_key_usage(ca.get()) & KU_KEY_CERT_SIGN, 0u);
    EVP_PKEY* key = X509_get0_pubkey(ca.get());
    ASSERT_NE(key, nullptr);
    EXPECT_EQ(EVP_PKEY_get_base_id(key), EVP_PKEY_EC);
    char group[64] = {};
    std::size_t length = 0;
    ASSERT_EQ(EVP_PKEY_get_group_name(key, group, sizeof group, &length), 1);
    EXPECT_STREQ(group, "prime256v1");
    EXPECT_EQ(X509_get_signature_nid(ca.get()), NID_ecdsa_with_SHA256);
    EXPECT_NE(ca_->key_pem.find("BEGIN PRIVATE KEY"), std::string::npos);
}

TEST_F(TlsMaterial, ServerCertificateVerifiesAgainstTheCa) {
    X509Ptr ca = parse(ca_->cert_pem);
    X509Ptr leaf = parse(asurso_->cert_pem);
    ASSERT_TRUE(ca && leaf);
    EXPECT_EQ(verify_chain(ca.get(), leaf.get()), X509_V_OK);
    EXPECT_EQ(X509_check_ca(leaf.get()), 0);
    EXPECT_EQ(X509_check_purpose(leaf.get(), X509_PURPOSE_SSL_SERVER, 0), 1);
    EXPECT_NE(X509_get_extended_key_usage(leaf.get()) & XKU_SSL_SERVER, 0u);
    EXPECT_EQ(X509_get_signature_nid(leaf.get()), NID_ecdsa_with_SHA256);
}

TEST_F(TlsMaterial, ServerCertificateCoversExactlyItsNames) {
    X509Ptr leaf = parse(asurso_->cert_pem);
    ASSERT_TRUE(leaf);
    EXPECT_EQ(X509_check_host(leaf.get(), "asurso.ru", 0, 0, nullptr), 1);
    EXPECT_EQ(X509_check_host(leaf.get(), "center.asurso.ru", 0, 0, nullptr), 1);
    EXPECT_EQ(X509_check_ip_asc(leaf.get(), "127.0.0.1", 0), 1);
    EXPECT_EQ(X509_check_host(leaf.get(), "esia.gosuslugi.ru", 0, 0, nullptr), 0);
    EXPECT_EQ(X509_check_host(leaf.get(), "www.asurso.ru", 0, 0, nullptr), 0);
    EXPECT_EQ(X509_check_ip_asc(leaf.get(), "127.0.0.2", 0), 0);
    // The address is an iPAddress entry, not a dNSName "127.0.0.1".
    EXPECT_EQ(X509_check_host(leaf.get(), "127.0.0.1", 0, 0, nullptr), 0);
}

TEST_F(TlsMaterial, EsiaCertificateAndIpv6Addresses) {
    std::string error;
    const auto esia = issue_tls_server_cert(*ca_, "esia.gosuslugi.ru",
                                            {"esia.gosuslugi.ru", "127.0.0.2", "::1"}, &error);
    ASSERT_TRUE(esia) << error;
    X509Ptr ca = parse(ca_->cert_pem);
    X509Ptr leaf = parse(esia->cert_pem);
    EXPECT_EQ(verify_chain(ca.get(), leaf.get()), X509_V_OK);
    EXPECT_EQ(X509_check_host(leaf.get(), "esia.gosuslugi.ru", 0, 0, nullptr), 1);
    EXPECT_EQ(X509_check_ip_asc(leaf.get(), "127.0.0.2", 0), 1);
    EXPECT_EQ(X509_check_ip_asc(leaf.get(), "::1", 0), 1);
    EXPECT_EQ(X509_check_ip_asc(leaf.get(), "127.0.0.1", 0), 0);
    EXPECT_NE(esia->key_pem, asurso_->key_pem);
}

TEST_F(TlsMaterial, ValidityStartsAnHourAgoAndLasts825Days) {
    X509Ptr leaf = parse(asurso_->cert_pem);
    ASSERT_TRUE(leaf);
    std::time_t now = std::time(nullptr);
    std::time_t t = now - 3500;
    EXPECT_LT(X509_cmp_time(X509_get0_notBefore(leaf.get()), &t), 0);
    t = now - 3700;
    EXPECT_GT(X509_cmp_time(X509_get0_notBefore(leaf.get()), &t), 0);
    int days = 0;
    int seconds = 0;
    ASSERT_EQ(ASN1_TIME_diff(&days, &seconds, X509_get0_notBefore(leaf.get()),
                             X509_get0_notAfter(leaf.get())),
              1);
    EXPECT_EQ(days, 825);
}

TEST_F(TlsMaterial, SerialsAreRandom) {
    const auto second = issue_tls_server_cert(*ca_, "asurso.ru", {"asurso.ru"});
    ASSERT_TRUE(second);
    X509Ptr a = parse(asurso_->cert_pem);
    X509Ptr b = parse(second->cert_pem);
    EXPECT_NE(ASN1_INTEGER_cmp(X509_get0_serialNumber(a.get()), X509_get0_serialNumber(b.get())),
              0);
}

TEST_F(TlsMaterial, AnotherCaDoesNotVerify) {
    const auto other_ca = generate_tls_ca("other CA");
    ASSERT_TRUE(other_ca);
    X509Ptr other = parse(other_ca->cert_pem);
    X509Ptr leaf = parse(asurso_->cert_pem);
    EXPECT_NE(verify_chain(other.get(), leaf.get()), X509_V_OK);
}

TEST_F(TlsMaterial, RejectsBadInputsWithAnError) {
    std::string error;
    EXPECT_FALSE(issue_tls_server_cert(PemPair{"x", "y"}, "asurso.ru", {"asurso.ru"}, &error));
    EXPECT_FALSE(error.empty());
    error.clear();
    EXPECT_FALSE(issue_tls_server_cert(*ca_, "asurso.ru", {}, &error));
    EXPECT_FALSE(error.empty());
    error.clear();
    EXPECT_FALSE(issue_tls_server_cert(*ca_, "asurso.ru", {"asurso.ru", ""}, &error));
    EXPECT_FALSE(error.empty());
    error.clear();
    // A CA certificate with somebody else's key.
    EXPECT_FALSE(issue_tls_server_cert(PemPair{asurso_->key_pem, ca_->cert_pem}, "asurso.ru",
                                       {"asurso.ru"}, &error));
    EXPECT_FALSE(error.empty());
    error.clear();
    EXPECT_FALSE(generate_tls_ca("", &error));
    EXPECT_FALSE(error.empty());
}

} // namespace
} // namespace logintest::crypto
