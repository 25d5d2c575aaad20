// Keys, raw signatures, certificates and detached CMS of ESIA-SIG-1..5 and ESIA-JWT-5, for both
// profiles: round trips, the ways verification must fail, certificate hashes over DER, PEM
// round trips, concurrent use of one key, and a rough cost report for GOST sign and verify.
#include "crypto/base64url.hpp"
#include "crypto/digest.hpp"
#include "crypto/gost.hpp"

#include <gtest/gtest.h>

#include <openssl/cms.h>
#include <openssl/evp.h>
#include <openssl/obj_mac.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <thread>
#include <vector>

namespace logintest::crypto {
namespace {

constexpr const char* v2_ac_message =
    "ASURSOopenid fullname2025.11.28 22:40:05 +03007b1a3c2e-9d4f-4e6a-8b2c-1f0e9d8c7b6a"
    "http://asurso.ru:8080/webapi/sso/esia/callback";
constexpr const char* legacy_message =
    "openid fullname2025.11.28 22:40:05 +0300ASURSO7b1a3c2e-9d4f-4e6a-8b2c-1f0e9d8c7b6a";

struct X509Free {
    void operator()(X509* x) const { X509_free(x); }
};
using X509Ptr = std::unique_ptr<X509, X509Free>;

X509Ptr parse_der(const std::string& der) {
    const auto* p = reinterpret_cast<const unsigned char*>(der.data());
    return X509Ptr(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
}

std::string flip_byte(std::string s, std::size_t index) {
    s[index] = static_cast<char>(s[index] ^ 0x01);
    return s;
}

// Keys are slow to make (RSA-2048 most of all): made on first use, kept for the test suite.
// ctest runs each case in its own process, so a GOST case never pays for RSA keys it does not
// use. SetUp makes the ones a case needs before its body may start threads.
class Keys : public ::testing::TestWithParam<Profile> {
protected:
    static void TearDownTestSuite() {
        for (auto& profile : pairs_) {
            for (auto& pair : profile) {
                pair.reset();
            }
        }
    }
    void SetUp() override {
        ASSERT_TRUE(GetParam() == Profile::rsa || gost_available())
            << "the gost engine is required: " << gost_unavailable_reason();
        (void)signer();
        (void)other();
    }
    static const KeyAndCertificate& pair(Profile profile, int index) {
        auto& slot = pairs_[profile == Profile::gost ? 0 : 1][index];
        if (!slot) {
            std::string error;
            slot = generate_self_signed(profile, "ASURSO", 3650, &error);
            if (!slot) {
                ADD_FAILURE() << error;
                std::abort();
            }
        }
        return *slot;
    }
    static const KeyAndCertificate& signer() { return pair(GetParam(), 0); }
    static const KeyAndCertificate& other() { return pair(GetParam(), 1); }
    static const KeyAndCertificate& foreign() {
        return pair(GetParam() == Profile::gost ? Profile::rsa : Profile::gost, 0);
    }
    static std::size_t signature_size() { return GetParam() == Profile::gost ? 64 : 256; }

    static inline std::optional<KeyAndCertificate> pairs_[2][2];
};

std::string profile_name(const ::testing::TestParamInfo<Profile>& info) {
    return info.param == Profile::gost ? "gost" : "rsa";
}

INSTANTIATE_TEST_SUITE_P(Profiles, Keys, ::testing::Values(Profile::gost, Profile::rsa),
                         profile_name);

// --- ESIA-SIG-1: keys and certificates ---

TEST_P(Keys, GeneratesTheProfilesKeyAndCertificateAlgorithms) {
    EXPECT_EQ(signer().key.profile(), GetParam());
    EXPECT_EQ(signer().certificate.profile(), GetParam());
    EXPECT_TRUE(signer().key.matches(signer().certificate));
    EXPECT_FALSE(signer().key.matches(other().certificate));

    X509Ptr cert = parse_der(signer().certificate.der());
    ASSERT_TRUE(cert);
    EVP_PKEY* pub = X509_get0_pubkey(cert.get());
    ASSERT_NE(pub, nullptr);
    EXPECT_EQ(X509_verify(cert.get(), pub), 1) << "self-signature";
    if (GetParam() == Profile::gost) {
        EXPECT_EQ(EVP_PKEY_get_base_id(pub), NID_id_GostR3410_2012_256);
        EXPECT_EQ(X509_get_signature_nid(cert.get()), NID_id_tc26_signwithdigest_gost3410_2012_256);
    } else {
        EXPECT_EQ(EVP_PKEY_get_bits(pub), 2048);
        EXPECT_EQ(X509_get_signature_nid(cert.get()), NID_sha256WithRSAEncryption);
    }
    char cn[64] = {};
    X509_NAME_get_text_by_NID(X509_get_subject_name(cert.get()), NID_commonName, cn, sizeof cn);
    EXPECT_STREQ(cn, "ASURSO");
}

TEST_P(Keys, PemRoundTripsKeepTheSameKeyAndCertificate) {
    std::string error;
    const auto cert = Certificate::from_pem(signer().certificate.pem(), &error);
    ASSERT_TRUE(cert) << error;
    EXPECT_EQ(cert->der(), signer().certificate.der());
    EXPECT_EQ(cert->pem(), signer().certificate.pem());
    const auto key = PrivateKey::from_pem(signer().key.pem(), &error);
    ASSERT_TRUE(key) << error;
    EXPECT_EQ(key->profile(), GetParam());
    EXPECT_EQ(key->pem(), signer().key.pem());
    EXPECT_TRUE(key->matches(*cert));
    // A signature by the reloaded key verifies with the original certificate and vice versa.
    EXPECT_TRUE(signer().certificate.verify("m", key->sign("m")));
    EXPECT_TRUE(cert->verify("m", signer().key.sign("m")));
}

// --- ESIA-SIG-2: certificate hash ---

TEST_P(Keys, CertificateHashIsOverDerNotPem) {
    const Certificate& cert = signer().certificate;
    const std::string hash = cert.hash_hex(GetParam());
    ASSERT_EQ(hash.size(), 64u);
    EXPECT_EQ(hash.find_first_not_of("0123456789abcdef"), std::string::npos);
    const std::string expected =
        GetParam() == Profile::gost ? streebog256_hex(cert.der()) : sha256_hex(cert.der());
    EXPECT_EQ(hash, expected);
    const std::string pem_hash =
        GetParam() == Profile::gost ? streebog256_hex(cert.pem()) : sha256_hex(cert.pem());
    EXPECT_NE(hash, pem_hash);
    EXPECT_NE(hash, other().certificate.hash_hex(GetParam()));
}

TEST(CertificateHash, BothProfilesHashTheSameDer) {
    ASSERT_TRUE(gost_available()) << gost_unavailable_reason();
    const auto pair = generate_self_signed(Profile::gost, "CONFTEST", 30);
    ASSERT_TRUE(pair);
    EXPECT_EQ(pair->certificate.hash_hex(Profile::gost), streebog256_hex(pair->certificate.der()));
    EXPECT_EQ(pair->certificate.hash_hex(Profile::rsa), sha256_hex(pair->certificate.der()));
}

// --- ESIA-SIG-3, ESIA-JWT-5: raw signatures ---

TEST_P(Keys, SignatureVerifiesAndHasTheProfilesSize) {
    const std::string signature = signer().key.sign(v2_ac_message);
    EXPECT_EQ(signature.size(), signature_size());
    EXPECT_TRUE(signer().certificate.verify(v2_ac_message, signature));
}

TEST_P(Keys, ClientSecretSurvivesB64urlWithAndWithoutPadding) {
    const std::string secret = b64url_encode(signer().key.sign(v2_ac_message));
    EXPECT_EQ(secret.find_first_of("+/="), std::string::npos);
    const auto plain = b64url_decode(secret);
    ASSERT_TRUE(plain);
    EXPECT_TRUE(signer().certificate.verify(v2_ac_message, *plain));
    const auto padded = b64url_decode(secret + std::string((4 - secret.size() % 4) % 4, '='));
    ASSERT_TRUE(padded);
    EXPECT_TRUE(signer().certificate.verify(v2_ac_message, *padded));
}

TEST_P(Keys, JwtSignatureCoversHeaderDotPayload) {
    const std::string header = R"({"alg":"GOST3410_2012_256","sbt":"id","typ":"JWT","ver":1})";
    const std::string payload = R"({"aud":"ASURSO","sub":1000299654})";
    const std::string signing_input = b64url_encode(header) + "." + b64url_encode(payload);
    const std::string jwt = signing_input + "." + b64url_encode(signer().key.sign(signing_input));
    const auto dot = jwt.rfind('.');
    const auto signature = b64url_decode(jwt.substr(dot + 1));
    ASSERT_TRUE(signature);
    EXPECT_TRUE(signer().certificate.verify(jwt.substr(0, dot), *signature));
    EXPECT_FALSE(signer().certificate.verify(jwt.substr(0, dot) + "x", *signature));
}

TEST_P(Keys, RepeatedSignaturesAllVerify) {
    const std::string a = signer().key.sign(v2_ac_message);
    const std::string b = signer().key.sign(v2_ac_message);
    EXPECT_TRUE(signer().certificate.verify(v2_ac_message, a));
    EXPECT_TRUE(signer().certificate.verify(v2_ac_message, b));
    // GOST R 34.10 draws a fresh random k each time; RSASSA-PKCS1-v1_5 is deterministic.
    EXPECT_EQ(a != b, GetParam() == Profile::gost);
}

TEST_P(Keys, FlippedByteFailsVerification) {
    const std::string signature = signer().key.sign(v2_ac_message);
    for (std::size_t i : {std::size_t{0}, signature.size() / 2, signature.size() - 1}) {
        EXPECT_FALSE(signer().certificate.verify(v2_ac_message, flip_byte(signature, i))) << i;
    }
    EXPECT_FALSE(signer().certificate.verify(flip_byte(v2_ac_message, 10), signature));
}

TEST_P(Keys, SignatureByAnotherKeyFails) {
    const std::string signature = other().key.sign(v2_ac_message);
    EXPECT_TRUE(other().certificate.verify(v2_ac_message, signature));
    EXPECT_FALSE(signer().certificate.verify(v2_ac_message, signature));
}

TEST_P(Keys, TruncatedEmptyOrForeignSignaturesFail) {
    const std::string signature = signer().key.sign(v2_ac_message);
    EXPECT_FALSE(signer().certificate.verify(v2_ac_message, ""));
    EXPECT_FALSE(signer().certificate.verify(v2_ac_message, signature.substr(1)));
    // Extra bytes after a valid signature (the gost engine alone would accept them).
    EXPECT_FALSE(signer().certificate.verify(v2_ac_message, signature + "x"));
    EXPECT_FALSE(signer().certificate.verify(v2_ac_message, signature + signature));
    EXPECT_FALSE(signer().certificate.verify(v2_ac_message, std::string(signature.size(), '\0')));
    // A signature of the other profile never verifies.
    EXPECT_FALSE(signer().certificate.verify(v2_ac_message, foreign().key.sign(v2_ac_message)));
}

TEST_P(Keys, EmptyMessageSignsAndVerifies) {
    const std::string signature = signer().key.sign("");
    ASSERT_EQ(signature.size(), signature_size());
    EXPECT_TRUE(signer().certificate.verify("", signature));
    EXPECT_FALSE(signer().certificate.verify("x", signature));
}

TEST_P(Keys, OneKeyIsSafeToUseFromManyThreads) {
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 25; ++i) {
                const std::string message =
                    "message " + std::to_string(t) + "/" + std::to_string(i);
                const std::string signature = signer().key.sign(message);
                if (!signer().certificate.verify(message, signature) ||
                    signer().certificate.verify(message + "!", signature) ||
                    signer().certificate.hash_hex(GetParam()).size() != 64) {
                    ++failures;
                }
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    EXPECT_EQ(failures.load(), 0);
}

// Not an assertion: prints the rough cost per call (see docs/crypto.md).
TEST_P(Keys, ReportsSignAndVerifyCost) {
    constexpr int rounds = 200;
    const std::string message = v2_ac_message;
    std::string signature;
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < rounds; ++i) {
        signature = signer().key.sign(message);
    }
    const auto t1 = std::chrono::steady_clock::now();
    bool all = true;
    for (int i = 0; i < rounds; ++i) {
        all = signer().certificate.verify(message, signature) && all;
    }
    const auto t2 = std::chrono::steady_clock::now();
    constexpr int cms_rounds = 50;
    std::string cms;
    for (int i = 0; i < cms_rounds; ++i) {
        cms = cms_sign_detached(signer(), message);
    }
    const auto t3 = std::chrono::steady_clock::now();
    for (int i = 0; i < cms_rounds; ++i) {
        all = cms_verify_detached(cms, message, signer().certificate) && all;
    }
    const auto t4 = std::chrono::steady_clock::now();
    EXPECT_TRUE(all);
    using us = std::chrono::duration<double, std::micro>;
    std::cout << "[ cost     ] " << profile_name({GetParam(), 0}) << ": sign "
              << us(t1 - t0).count() / rounds << " us, verify " << us(t2 - t1).count() / rounds
              << " us; CMS sign " << us(t3 - t2).count() / cms_rounds << " us, CMS verify "
              << us(t4 - t3).count() / cms_rounds << " us per call\n";
}

// --- Bad inputs ---

TEST(Certificate, FromPemRejectsGarbageWithAnError) {
    std::string error;
    EXPECT_FALSE(Certificate::from_pem("not a certificate", &error));
    EXPECT_FALSE(error.empty());
    EXPECT_FALSE(Certificate::from_pem(""));
    error.clear();
    EXPECT_FALSE(PrivateKey::from_pem(
        "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", &error));
    EXPECT_FALSE(error.empty());
}

TEST(Certificate, DefaultConstructedObjectsFailQuietly) {
    const Certificate cert;
    const PrivateKey key;
    EXPECT_TRUE(cert.der().empty());
    EXPECT_TRUE(cert.hash_hex(Profile::gost).empty());
    EXPECT_FALSE(cert.verify("m", std::string(64, 'x')));
    EXPECT_FALSE(cert.profile());
    EXPECT_TRUE(key.sign("m").empty());
    EXPECT_FALSE(key.matches(cert));
    EXPECT_TRUE(cms_sign_detached(KeyAndCertificate{key, cert}, "m").empty());
    EXPECT_FALSE(cms_verify_detached("x", "m", cert));
}

TEST(PrivateKey, RefusesEncryptedKeysWithoutPrompting) {
    const auto pair = generate_self_signed(Profile::rsa, "ENC", 1);
    ASSERT_TRUE(pair);
    const auto key = PrivateKey::from_pem(pair->key.pem());
    ASSERT_TRUE(key);
    // Re-encrypt with a password through OpenSSL directly.
    const std::string pem = pair->key.pem();
    BIO* in = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
    EVP_PKEY* raw = PEM_read_bio_PrivateKey(in, nullptr, nullptr, nullptr);
    BIO_free(in);
    ASSERT_NE(raw, nullptr);
    BIO* out = BIO_new(BIO_s_mem());
    char password[] = "secret";
    ASSERT_EQ(
        PEM_write_bio_PKCS8PrivateKey(out, raw, EVP_aes_128_cbc(), password, 6, nullptr, nullptr),
        1);
    char* data = nullptr;
    const long length = BIO_get_mem_data(out, &data);
    const std::string encrypted(data, static_cast<std::size_t>(length));
    BIO_free(out);
    EVP_PKEY_free(raw);
    ASSERT_NE(encrypted.find("ENCRYPTED"), std::string::npos);
    std::string error;
    EXPECT_FALSE(PrivateKey::from_pem(encrypted, &error));
    EXPECT_FALSE(error.empty());
}

TEST(GenerateSelfSigned, RejectsBadArguments) {
    std::string error;
    EXPECT_FALSE(generate_self_signed(Profile::rsa, "", 10, &error));
    EXPECT_FALSE(error.empty());
    error.clear();
    EXPECT_FALSE(generate_self_signed(Profile::rsa, "X", 0, &error));
    EXPECT_FALSE(error.empty());
}

// --- ESIA-SIG-5: detached CMS ---

TEST_P(Keys, CmsRoundTripIsDetachedWithTheSignerCertificate) {
    const std::string cms = cms_sign_detached(signer(), legacy_message);
    ASSERT_FALSE(cms.empty());
    EXPECT_TRUE(cms_verify_detached(cms, legacy_message, signer().certificate));
    // Through b64url, as the client_secret travels.
    const auto decoded = b64url_decode(b64url_encode(cms));
    ASSERT_TRUE(decoded);
    EXPECT_TRUE(cms_verify_detached(*decoded, legacy_message, signer().certificate));

    const auto* p = reinterpret_cast<const unsigned char*>(cms.data());
    CMS_ContentInfo* info = d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(cms.size()));
    ASSERT_NE(info, nullptr);
    EXPECT_EQ(CMS_is_detached(info), 1);
    STACK_OF(X509)* certs = CMS_get1_certs(info);
    ASSERT_NE(certs, nullptr);
    ASSERT_EQ(sk_X509_num(certs), 1);
    unsigned char* der = nullptr;
    const int der_length = i2d_X509(sk_X509_value(certs, 0), &der);
    EXPECT_EQ(std::string(reinterpret_cast<char*>(der), static_cast<std::size_t>(der_length)),
              signer().certificate.der());
    OPENSSL_free(der);
    sk_X509_pop_free(certs, X509_free);
    STACK_OF(CMS_SignerInfo)* signers = CMS_get0_SignerInfos(info);
    ASSERT_EQ(sk_CMS_SignerInfo_num(signers), 1);
    X509_ALGOR* digest = nullptr;
    CMS_SignerInfo_get0_algs(sk_CMS_SignerInfo_value(signers, 0), nullptr, nullptr, &digest,
                             nullptr);
    ASSERT_NE(digest, nullptr);
    EXPECT_EQ(OBJ_obj2nid(digest->algorithm),
              GetParam() == Profile::gost ? NID_id_GostR3411_2012_256 : NID_sha256);
    CMS_ContentInfo_free(info);
}

TEST_P(Keys, CmsOverWrongMessageFails) {
    const std::string cms = cms_sign_detached(signer(), legacy_message);
    ASSERT_FALSE(cms.empty());
    EXPECT_FALSE(cms_verify_detached(cms, flip_byte(legacy_message, 3), signer().certificate));
    EXPECT_FALSE(cms_verify_detached(cms, "", signer().certificate));
}

TEST_P(Keys, CmsWithAnotherExpectedCertificateFails) {
    const std::string cms = cms_sign_detached(signer(), legacy_message);
    ASSERT_FALSE(cms.empty());
    // Same subject (CN=ASURSO), different key: the DER comparison must refuse it.
    EXPECT_FALSE(cms_verify_detached(cms, legacy_message, other().certificate));
    // And a valid CMS by the other key is refused for this client.
    const std::string foreign = cms_sign_detached(other(), legacy_message);
    EXPECT_TRUE(cms_verify_detached(foreign, legacy_message, other().certificate));
    EXPECT_FALSE(cms_verify_detached(foreign, legacy_message, signer().certificate));
}

TEST_P(Keys, TamperedOrGarbageCmsFails) {
    const std::string cms = cms_sign_detached(signer(), legacy_message);
    ASSERT_FALSE(cms.empty());
    // The signature value sits at the end of the DER.
    EXPECT_FALSE(
        cms_verify_detached(flip_byte(cms, cms.size() - 5), legacy_message, signer().certificate));
    EXPECT_FALSE(cms_verify_detached(cms + "x", legacy_message, signer().certificate));
    EXPECT_FALSE(
        cms_verify_detached(cms.substr(0, cms.size() / 2), legacy_message, signer().certificate));
    EXPECT_FALSE(cms_verify_detached("garbage", legacy_message, signer().certificate));
    // A raw signature is not a CMS.
    EXPECT_FALSE(cms_verify_detached(signer().key.sign(legacy_message), legacy_message,
                                     signer().certificate));
}

TEST_P(Keys, CmsRefusesAKeyThatDoesNotMatchTheCertificate) {
    EXPECT_TRUE(
        cms_sign_detached(KeyAndCertificate{signer().key, other().certificate}, "m").empty());
}

TEST_P(Keys, CmsOverEmptyMessageRoundTrips) {
    const std::string cms = cms_sign_detached(signer(), "");
    ASSERT_FALSE(cms.empty());
    EXPECT_TRUE(cms_verify_detached(cms, "", signer().certificate));
    EXPECT_FALSE(cms_verify_detached(cms, "x", signer().certificate));
}

} // namespace
} // namespace logintest::crypto
