// Crypto built-ins: Streebog of the GOST R 34.11-2012 M1 vector and the spec's v2/ac message,
// SHA-256, b64url both ways, gost_sign verified with the certificate, cert_hash, and the JWT
// readers (jwt_header, jwt_payload, jwt_verify) on tokens signed here with
// crypto::generate_self_signed keys.
#include "functions_test_support.hpp"
#include "harness/scenario/functions.hpp"

#include "crypto/base64url.hpp"
#include "crypto/gost.hpp"

#include <gtest/gtest.h>

namespace logintest::harness::scenario {
namespace {

using namespace testing;

const std::string m1 = "012345678901234567890123456789012345678901234567890123456789012";
const std::string ac_message = "ASURSOopenid fullname2025.11.28 22:40:05 +03007b1a3c2e-9d4f-4e6a-"
                               "8b2c-1f0e9d8c7b6ahttp://asurso.ru:8080/webapi/sso/esia/callback";

TEST(CryptoFunctions, StreebogOfTheM1VectorAndTheSpecMessage) {
    if (!crypto::gost_available()) {
        GTEST_SKIP() << crypto::gost_unavailable_reason();
    }
    EXPECT_EQ(value("streebog", {m1}),
              "9d151eefd8590b89daa6ba6cb74af9275dd051026bb149a452fd84e5e57b5500");
    EXPECT_EQ(value("streebog", {ac_message}),
              "98d9158532bb16da6aa5254628d41a2948a4db9110dbcbf4fc86e48a8fb7812d");
}

TEST(CryptoFunctions, Sha256OfTheSpecMessage) {
    EXPECT_EQ(value("sha256", {ac_message}),
              "0c620da8dbf912efb81d0de8da54c881853087a8535b353219e6bcf8a11418c9");
}

TEST(CryptoFunctions, B64urlRoundTripsAndRejectsOtherAlphabets) {
    EXPECT_EQ(value("b64url", {"\xfb\xff?"}), "-_8_");
    EXPECT_EQ(value("b64url_decode", {"-_8_"}), "\xfb\xff?");
    EXPECT_EQ(value("b64url_decode", {"YWJj"}), "abc");
    EXPECT_NE(call("b64url_decode", {"+/=="}).error, "");
}

// A JWT signed with `key` under `alg`.
std::string make_jwt(const crypto::PrivateKey& key, const std::string& alg,
                     const std::string& payload) {
    const std::string header = R"({"alg":")" + alg + R"(","sbt":"id","typ":"JWT","ver":1})";
    const std::string signing_input =
        crypto::b64url_encode(header) + "." + crypto::b64url_encode(payload);
    return signing_input + "." + crypto::b64url_encode(key.sign(signing_input));
}

class SigningFunctions : public ::testing::TestWithParam<crypto::Profile> {
protected:
    void SetUp() override {
        if (GetParam() == crypto::Profile::gost && !crypto::gost_available()) {
            GTEST_SKIP() << crypto::gost_unavailable_reason();
        }
        std::string error;
        auto pair = crypto::generate_self_signed(GetParam(), "CONFTEST", 30, &error);
        ASSERT_TRUE(pair) << error;
        key_ = std::make_unique<crypto::KeyAndCertificate>(std::move(*pair));
        other_ = std::make_unique<crypto::KeyAndCertificate>(
            *crypto::generate_self_signed(GetParam(), "OTHER", 30, &error));
    }
    std::string alg() const {
        return GetParam() == crypto::Profile::gost ? "GOST3410_2012_256" : "RS256";
    }
    std::unique_ptr<crypto::KeyAndCertificate> key_, other_;
};

TEST_P(SigningFunctions, GostSignVerifiesWithTheCertificate) {
    const std::string secret = value("gost_sign", {key_->key.pem(), ac_message});
    const auto signature = crypto::b64url_decode(secret);
    ASSERT_TRUE(signature);
    EXPECT_EQ(signature->size(), GetParam() == crypto::Profile::gost ? 64u : 256u);
    EXPECT_TRUE(key_->certificate.verify(ac_message, *signature));
    EXPECT_FALSE(key_->certificate.verify(ac_message + "x", *signature));
    EXPECT_NE(call("gost_sign", {"not a key", "m"}).error, "");
}

TEST_P(SigningFunctions, CertHashUsesTheCertificatesOwnProfile) {
    EXPECT_EQ(value("cert_hash", {key_->certificate.pem()}),
              key_->certificate.hash_hex(GetParam()));
    EXPECT_EQ(value("cert_hash", {key_->certificate.pem()}).size(), 64u);
    EXPECT_NE(call("cert_hash", {"-----BEGIN CERTIFICATE-----\nx\n"}).error, "");
}

TEST_P(SigningFunctions, JwtVerifyChecksTheSignatureUnderTheHeadersAlg) {
    const std::string payload = R"({"sub":1000299654,"iss":"http://esia.gosuslugi.ru/"})";
    const std::string token = make_jwt(key_->key, alg(), payload);
    EXPECT_EQ(value("jwt_header", {token}),
              R"({"alg":")" + alg() + R"(","sbt":"id","typ":"JWT","ver":1})");
    EXPECT_EQ(value("jwt_payload", {token}), payload);
    EXPECT_EQ(value("jwt_verify", {token, key_->certificate.pem()}), "true");
    EXPECT_EQ(value("jwt_verify", {token, other_->certificate.pem()}), "false");
    // A changed payload, a wrong alg, a malformed token: false.
    const std::string tampered = make_jwt(key_->key, alg(), payload);
    const auto dot = tampered.find('.');
    const auto dot2 = tampered.find('.', dot + 1);
    const std::string forged = tampered.substr(0, dot) + "." +
                               crypto::b64url_encode(R"({"sub":1})") + tampered.substr(dot2);
    EXPECT_EQ(value("jwt_verify", {forged, key_->certificate.pem()}), "false");
    const std::string other_alg =
        GetParam() == crypto::Profile::gost ? "RS256" : "GOST3410_2012_256";
    EXPECT_EQ(
        value("jwt_verify", {make_jwt(key_->key, other_alg, payload), key_->certificate.pem()}),
        "false");
    EXPECT_EQ(value("jwt_verify", {"a.b", key_->certificate.pem()}), "false");
    EXPECT_NE(call("jwt_verify", {token, "no certificate"}).error, "");
}

INSTANTIATE_TEST_SUITE_P(Profiles, SigningFunctions,
                         ::testing::Values(crypto::Profile::gost, crypto::Profile::rsa),
                         [](const auto& param_info) {
                             return param_info.param == crypto::Profile::gost ? "gost" : "rsa";
                         });

TEST(CryptoFunctions, JwtReadersRejectWhatIsNotAJwt) {
    EXPECT_NE(call("jwt_payload", {"abc"}).error, "");
    EXPECT_NE(call("jwt_payload", {"a.b.c.d"}).error, "");
    EXPECT_EQ(call("jwt_payload", {"e30." + crypto::b64url_encode("not json") + ".x"}).error,
              "jwt_payload(): the payload is not JSON");
    EXPECT_EQ(value("jwt_header", {"e30.e30.x"}), "{}");
}

} // namespace
} // namespace logintest::harness::scenario
