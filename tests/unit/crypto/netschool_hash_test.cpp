// NS-HASH worked examples of spec §7: the browser encoding, h, pw2 and PW, for ASCII,
// Cyrillic, the wrong-layout twin, Ё/№ and a character outside the map (€ -> 0x00).
#include "crypto/digest.hpp"
#include "crypto/netschool_hash.hpp"

#include <gtest/gtest.h>

namespace logintest::crypto {
namespace {

struct Example {
    const char* password;
    const char* salt;
    const char* encoded_hex;
    const char* h;
    const char* pw2;
    const char* pw;
};

class NetschoolHashExample : public ::testing::TestWithParam<Example> {};

TEST_P(NetschoolHashExample, MatchesTheSpecTable) {
    const Example& e = GetParam();
    EXPECT_EQ(to_hex(netschool_encode(e.password)), e.encoded_hex);
    EXPECT_EQ(netschool_password_md5(e.password), e.h);
    const NetschoolProof proof = netschool_proof(e.password, e.salt);
    EXPECT_EQ(proof.pw2, e.pw2);
    EXPECT_EQ(proof.pw, e.pw);
}

INSTANTIATE_TEST_SUITE_P(
    SpecSection7, NetschoolHashExample,
    ::testing::Values(
        Example{"Qwe123!z", "1458933352", "517765313233217a", "dca529fa1fdbc842a079ec8e6595c69a",
                "72816138fe31caa6227d78739bff73d9", "72816138"},
        Example{"Qwe123!z", "1073741824", "517765313233217a", "dca529fa1fdbc842a079ec8e6595c69a",
                "05683386c18baa2a74cd212c80280b22", "05683386"},
        Example{"Пароль1", "1458933352", "cfe0f0eeebfc31", "36c0a954ef35ce99ecc3626a739157ee",
                "071bbf7718f085697ae31a30d63e2538", "071bbf7"},
        Example{"Йцу123!я", "1458933352", "c9f6f331323321ff", "189298883654f0b8dbbb9ad929b6711a",
                "fe1ea8583bec19bb1ed534a7a3bdd15d", "fe1ea858"},
        Example{"Ёжик№5ё", "1458933352", "a8e6e8eab935b8", "09342ddf11b34614cdce08067f726b5a",
                "065a2c56dc696e67fe4957b75788f1d6", "065a2c5"},
        Example{"Пароль€1", "1458933352", "cfe0f0eeebfc0031", "fc67d202599e0d5377593128fe4a90cf",
                "ea953933278db1df2b01db1a64c422ea", "ea953933"}));

TEST(NetschoolHash, CountsUtf16CodeUnitsNotBytes) {
    EXPECT_EQ(utf16_length("Qwe123!z"), 8u);
    EXPECT_EQ(utf16_length("Пароль1"), 7u);
    EXPECT_EQ(utf16_length("\xF0\x9F\x98\x80"), 2u); // U+1F600 is a surrogate pair
}

TEST(NetschoolHash, MapsSurrogatesAndInvalidUtf8ToZero) {
    EXPECT_EQ(to_hex(netschool_encode("\xF0\x9F\x98\x80")), "0000");
    EXPECT_EQ(to_hex(netschool_encode("a\xFF"
                                      "b")),
              "610062");
}

TEST(NetschoolHash, TruncatesPwToThirtyTwoCharacters) {
    const std::string long_password(40, 'x');
    EXPECT_EQ(netschool_proof(long_password, "1").pw.size(), 32u);
}

TEST(NetschoolHash, FixturePasswordsMatchTheirStoredMd5) {
    EXPECT_EQ(netschool_password_md5("Start#2025"), "32c6e53c387fac3d27aa629f197037af");
    EXPECT_EQ(netschool_password_md5("N3w#Passw0rd"), "bb3482b8242cd209b199b9839378964a");
    EXPECT_EQ(netschool_password_md5("Т3ц№Зфыыц0кв"), "f410731fbcfac06b1f1150820f75018f");
}

} // namespace
} // namespace logintest::crypto
