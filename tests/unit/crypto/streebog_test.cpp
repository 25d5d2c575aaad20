// streebog256 of spec §0.3 against the worked examples of spec §17 (ESIA-SIG-4/-5 messages
// and the GOST R 34.11-2012 test vector M1), plus the SHA-256 of the v2/ac message (profile
// rsa) and what happens without the engine.
#include "crypto/digest.hpp"
#include "crypto/gost.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

namespace logintest::crypto {
namespace {

constexpr const char* v2_ac_message =
    "ASURSOopenid fullname2025.11.28 22:40:05 +03007b1a3c2e-9d4f-4e6a-8b2c-1f0e9d8c7b6a"
    "http://asurso.ru:8080/webapi/sso/esia/callback";

struct DigestExample {
    const char* name;
    const char* input;
    const char* streebog256;
};

class StreebogWorkedExample : public ::testing::TestWithParam<DigestExample> {};

TEST_P(StreebogWorkedExample, MatchesTheSpecTable) {
    ASSERT_TRUE(gost_available()) << gost_unavailable_reason();
    const DigestExample& e = GetParam();
    EXPECT_EQ(streebog256_hex(e.input), e.streebog256);
    EXPECT_EQ(to_hex(streebog256(e.input)), e.streebog256);
    EXPECT_EQ(streebog256(e.input).size(), 32u);
}

INSTANTIATE_TEST_SUITE_P(
    EsiaSig, StreebogWorkedExample,
    ::testing::Values(
        DigestExample{"M1", "012345678901234567890123456789012345678901234567890123456789012",
                      "9d151eefd8590b89daa6ba6cb74af9275dd051026bb149a452fd84e5e57b5500"},
        DigestExample{"v2_ac", v2_ac_message,
                      "98d9158532bb16da6aa5254628d41a2948a4db9110dbcbf4fc86e48a8fb7812d"},
        DigestExample{"v3_te",
                      "ASURSOopenid fullname2025.11.28 22:40:12 "
                      "+03001c9e4f70-3b2a-4d8e-9f61-5a7c2e0b4d93http://asurso.ru:8080/webapi/sso/"
                      "esia/callbackq3Vt0cZl9yN2mXo8Rb4sWd1eKf6gHj7iLp5aTu0vBc",
                      "ca8739f8f3d856a1b7f521843e9fc254fa21154f3393481607bce369caf20b92"},
        DigestExample{"legacy",
                      "openid fullname2025.11.28 22:40:05 "
                      "+0300ASURSO7b1a3c2e-9d4f-4e6a-8b2c-1f0e9d8c7b6a",
                      "02559096a6cbd3fc426f94d9d6523042e4456a33da37e2b8b6a65a2d6a893cf8"},
        DigestExample{"empty", "",
                      "3f539a213e97c802cc229d474c6aa32a825a360b2a933a949fd925208d9ce1bb"}),
    [](const ::testing::TestParamInfo<DigestExample>& row) { return row.param.name; });

TEST(Sha256WorkedExample, MatchesTheV2AcRow) {
    EXPECT_EQ(sha256_hex(v2_ac_message),
              "0c620da8dbf912efb81d0de8da54c881853087a8535b353219e6bcf8a11418c9");
}

// A fresh process (gtest re-executes the binary for the death-test statement) pointed at an
// engine directory without gost.so: every GOST call fails cleanly, RSA still works.
TEST(GostEngineMissing, GostCallsFailCleanlyAndRsaStillWorks) {
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    EXPECT_EXIT(
        {
            setenv("OPENSSL_ENGINES", "/nonexistent-logintest-engines", 1);
            int failures = 0;
            failures += gost_available() ? 1 : 0;
            failures += gost_unavailable_reason().empty() ? 1 : 0;
            failures += streebog256_hex("abc").empty() ? 0 : 1;
            failures += streebog256("abc").empty() ? 0 : 1;
            std::string error;
            failures += generate_self_signed(Profile::gost, "ASURSO", 1, &error) ? 1 : 0;
            failures += error.find("gost") == std::string::npos ? 1 : 0;
            const auto rsa = generate_self_signed(Profile::rsa, "ASURSO", 1, &error);
            failures += rsa ? 0 : 1;
            if (rsa) {
                const std::string sig = rsa->key.sign("message");
                failures += rsa->certificate.verify("message", sig) ? 0 : 1;
                failures += rsa->certificate.hash_hex(Profile::gost).empty() ? 0 : 1;
                failures += rsa->certificate.hash_hex(Profile::rsa).size() == 64 ? 0 : 1;
                failures += cms_verify_detached(cms_sign_detached(*rsa, "m"), "m", rsa->certificate)
                                ? 0
                                : 1;
            }
            std::exit(failures);
        },
        ::testing::ExitedWithCode(0), "");
}

} // namespace
} // namespace logintest::crypto
