// Interop with the reference commands of ESIA-SIG-6: what the code signs, `openssl ... -engine
// gost` verifies, and what the command line makes (keys, certificates, signatures, CMS), the
// code reads and verifies. Skipped when the `openssl` tool is not on PATH.
#include "crypto/gost.hpp"

#include "crypto_test_support.hpp"

#include <gtest/gtest.h>

namespace logintest::crypto {
namespace {

using testing::read_file;
using testing::run_openssl;
using testing::TempDir;
using testing::write_file;

constexpr const char* v2_ac_message =
    "ASURSOopenid fullname2025.11.28 22:40:05 +03007b1a3c2e-9d4f-4e6a-8b2c-1f0e9d8c7b6a"
    "http://asurso.ru:8080/webapi/sso/esia/callback";
constexpr const char* legacy_message =
    "openid fullname2025.11.28 22:40:05 +0300ASURSO7b1a3c2e-9d4f-4e6a-8b2c-1f0e9d8c7b6a";

class OpensslCli : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        if (gost_available()) {
            gost_ = generate_self_signed(Profile::gost, "ASURSO", 3650).value();
        }
        rsa_ = generate_self_signed(Profile::rsa, "ASURSO", 3650).value();
    }
    static void TearDownTestSuite() {
        gost_.reset();
        rsa_.reset();
    }
    void SetUp() override {
        LOGINTEST_REQUIRE_OPENSSL_CLI();
        ASSERT_TRUE(dir_.ok());
        ASSERT_TRUE(gost_available()) << gost_unavailable_reason();
    }
    std::string f(std::string_view name) const { return dir_.file(name); }
    int openssl(const std::string& args) const { return run_openssl(dir_, args); }
    std::string log() const { return testing::openssl_log(dir_); }

    TempDir dir_;
    static inline std::optional<KeyAndCertificate> gost_, rsa_;
};

TEST_F(OpensslCli, VerifiesOurGostSignature) {
    write_file(f("msg.txt"), v2_ac_message);
    write_file(f("sig.bin"), gost_->key.sign(v2_ac_message));
    write_file(f("pub.pem"), gost_->certificate.public_key_pem());
    EXPECT_EQ(openssl("dgst -engine gost -md_gost12_256 -verify " + f("pub.pem") + " -signature " +
                      f("sig.bin") + " " + f("msg.txt")),
              0)
        << log();
    write_file(f("other.txt"), std::string(v2_ac_message) + "!");
    EXPECT_NE(openssl("dgst -engine gost -md_gost12_256 -verify " + f("pub.pem") + " -signature " +
                      f("sig.bin") + " " + f("other.txt")),
              0);
}

TEST_F(OpensslCli, VerifiesOurRsaSignature) {
    write_file(f("msg.txt"), v2_ac_message);
    write_file(f("sig.bin"), rsa_->key.sign(v2_ac_message));
    write_file(f("pub.pem"), rsa_->certificate.public_key_pem());
    EXPECT_EQ(openssl("dgst -sha256 -verify " + f("pub.pem") + " -signature " + f("sig.bin") + " " +
                      f("msg.txt")),
              0)
        << log();
}

TEST_F(OpensslCli, ReadsOurGostKeyAndCertificate) {
    write_file(f("client.key"), gost_->key.pem());
    write_file(f("client.pem"), gost_->certificate.pem());
    ASSERT_EQ(
        openssl("x509 -engine gost -in " + f("client.pem") + " -noout -text -out " + f("text.txt")),
        0)
        << log();
    const std::string text = read_file(f("text.txt"));
    EXPECT_NE(text.find("id-GostR3410-2001-CryptoPro-A-ParamSet"), std::string::npos) << text;
    EXPECT_NE(text.find("GOST R 34.10-2012 with GOST R 34.11-2012 (256 bit)"), std::string::npos)
        << text;
    // ESIA-SIG-2's reference command gives the same certificate hash.
    ASSERT_EQ(openssl("x509 -in " + f("client.pem") + " -outform DER -out " + f("client.der")), 0);
    ASSERT_EQ(openssl("dgst -engine gost -md_gost12_256 -r -out " + f("hash.txt") + " " +
                      f("client.der")),
              0)
        << log();
    EXPECT_EQ(read_file(f("hash.txt")).substr(0, 64), gost_->certificate.hash_hex(Profile::gost));
    // The CLI signs with our key; we verify.
    write_file(f("msg.txt"), v2_ac_message);
    ASSERT_EQ(openssl("dgst -engine gost -md_gost12_256 -sign " + f("client.key") + " -out " +
                      f("sig.bin") + " " + f("msg.txt")),
              0)
        << log();
    EXPECT_TRUE(gost_->certificate.verify(v2_ac_message, read_file(f("sig.bin"))));
}

TEST_F(OpensslCli, WeReadAndVerifyWhatTheReferenceCommandsMake) {
    // ESIA-SIG-6, line by line.
    ASSERT_EQ(openssl("genpkey -engine gost -algorithm gost2012_256 -pkeyopt paramset:A -out " +
                      f("client.key")),
              0)
        << log();
    ASSERT_EQ(openssl("req -engine gost -x509 -new -key " + f("client.key") +
                      " -md_gost12_256 -subj /CN=ASURSO -days 3650 -out " + f("client.pem")),
              0)
        << log();
    write_file(f("msg.txt"), v2_ac_message);
    ASSERT_EQ(openssl("dgst -engine gost -md_gost12_256 -sign " + f("client.key") + " -out " +
                      f("sig.bin") + " " + f("msg.txt")),
              0)
        << log();

    std::string error;
    const auto cert = Certificate::from_pem(read_file(f("client.pem")), &error);
    ASSERT_TRUE(cert) << error;
    const auto key = PrivateKey::from_pem(read_file(f("client.key")), &error);
    ASSERT_TRUE(key) << error;
    EXPECT_EQ(cert->profile(), Profile::gost);
    EXPECT_EQ(key->profile(), Profile::gost);
    EXPECT_TRUE(key->matches(*cert));
    const std::string signature = read_file(f("sig.bin"));
    EXPECT_EQ(signature.size(), 64u);
    EXPECT_TRUE(cert->verify(v2_ac_message, signature));
    EXPECT_FALSE(cert->verify(legacy_message, signature));

    // Our signature with the CLI's key, checked by the CLI with the key's public half.
    ASSERT_EQ(
        openssl("pkey -engine gost -in " + f("client.key") + " -pubout -out " + f("client.pub")), 0)
        << log();
    write_file(f("ours.bin"), key->sign(v2_ac_message));
    EXPECT_EQ(openssl("dgst -engine gost -md_gost12_256 -verify " + f("client.pub") +
                      " -signature " + f("ours.bin") + " " + f("msg.txt")),
              0)
        << log();
    EXPECT_EQ(cert->public_key_pem(), read_file(f("client.pub")));

    // Legacy CMS made by the CLI verifies here against the CLI's certificate.
    write_file(f("legacy.txt"), legacy_message);
    ASSERT_EQ(openssl("cms -engine gost -sign -binary -in " + f("legacy.txt") + " -signer " +
                      f("client.pem") + " -inkey " + f("client.key") +
                      " -md md_gost12_256 -outform DER -out " + f("legacy.p7s")),
              0)
        << log();
    const std::string cms = read_file(f("legacy.p7s"));
    EXPECT_TRUE(cms_verify_detached(cms, legacy_message, *cert));
    EXPECT_FALSE(cms_verify_detached(cms, v2_ac_message, *cert));
    EXPECT_FALSE(cms_verify_detached(cms, legacy_message, gost_->certificate));
}

TEST_F(OpensslCli, VerifiesOurDetachedCms) {
    for (const KeyAndCertificate* signer : {&*gost_, &*rsa_}) {
        write_file(f("legacy.txt"), legacy_message);
        write_file(f("legacy.p7s"), cms_sign_detached(*signer, legacy_message));
        const std::string verify = "cms -engine gost -verify -binary -inform DER -in " +
                                   f("legacy.p7s") + " -noverify -out /dev/null -content ";
        EXPECT_EQ(openssl(verify + f("legacy.txt")), 0) << log();
        write_file(f("wrong.txt"), v2_ac_message);
        EXPECT_NE(openssl(verify + f("wrong.txt")), 0);
    }
}

TEST_F(OpensslCli, ReadsOurRsaKeyAndCms) {
    write_file(f("client.key"), rsa_->key.pem());
    write_file(f("client.pem"), rsa_->certificate.pem());
    write_file(f("msg.txt"), v2_ac_message);
    ASSERT_EQ(openssl("dgst -sha256 -sign " + f("client.key") + " -out " + f("sig.bin") + " " +
                      f("msg.txt")),
              0)
        << log();
    EXPECT_TRUE(rsa_->certificate.verify(v2_ac_message, read_file(f("sig.bin"))));
    ASSERT_EQ(openssl("cms -sign -binary -in " + f("msg.txt") + " -signer " + f("client.pem") +
                      " -inkey " + f("client.key") + " -md sha256 -outform DER -out " +
                      f("rsa.p7s")),
              0)
        << log();
    EXPECT_TRUE(cms_verify_detached(read_file(f("rsa.p7s")), v2_ac_message, rsa_->certificate));
}

} // namespace
} // namespace logintest::crypto
