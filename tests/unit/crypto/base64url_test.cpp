// b64url of spec §0.3 and the padded form ESIA-SIG-3 also accepts: RFC 4648 vectors, the
// URL-safe characters, round trips of every byte value, and the inputs the decoder refuses.
#include "crypto/base64url.hpp"

#include <gtest/gtest.h>

#include <random>

namespace logintest::crypto {
namespace {

struct Vector {
    const char* bytes;
    const char* text;
};

class B64urlVector : public ::testing::TestWithParam<Vector> {};

TEST_P(B64urlVector, EncodesWithoutPaddingAndDecodesBack) {
    const Vector& v = GetParam();
    EXPECT_EQ(b64url_encode(v.bytes), v.text);
    EXPECT_EQ(b64url_decode(v.text), std::optional<std::string>(v.bytes));
}

// RFC 4648 §10, unpadded.
INSTANTIATE_TEST_SUITE_P(Rfc4648, B64urlVector,
                         ::testing::Values(Vector{"", ""}, Vector{"f", "Zg"}, Vector{"fo", "Zm8"},
                                           Vector{"foo", "Zm9v"}, Vector{"foob", "Zm9vYg"},
                                           Vector{"fooba", "Zm9vYmE"},
                                           Vector{"foobar", "Zm9vYmFy"}));

TEST(B64url, UsesDashAndUnderscore) {
    EXPECT_EQ(b64url_encode("\xfb\xff"), "-_8");
    EXPECT_EQ(b64url_encode("\xfb\xff\xbf"), "-_-_");
    EXPECT_EQ(b64url_decode("-_-_"), std::optional<std::string>("\xfb\xff\xbf"));
}

TEST(B64url, EncodesTheWholeAlphabet) {
    const std::string bytes("\x00\x10\x83\x10\x51\x87\x20\x92\x8b\x30\xd3\x8f\x41\x14\x93\x51"
                            "\x55\x97\x61\x96\x9b\x71\xd7\x9f\x82\x18\xa3\x92\x59\xa7\xa2\x9a"
                            "\xab\xb2\xdb\xaf\xc3\x1c\xb3\xd3\x5d\xb7\xe3\x9e\xbb\xf3\xdf\xbf",
                            48);
    const std::string text = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    EXPECT_EQ(b64url_encode(bytes), text);
    EXPECT_EQ(b64url_decode(text), bytes);
}

TEST(B64url, DecoderAcceptsPadding) {
    EXPECT_EQ(b64url_decode("Zg=="), std::optional<std::string>("f"));
    EXPECT_EQ(b64url_decode("Zm8="), std::optional<std::string>("fo"));
    EXPECT_EQ(b64url_decode("-_8="), std::optional<std::string>("\xfb\xff"));
}

TEST(B64url, DecoderRejectsMalformedText) {
    for (const char* bad : {"Z", "Zm9vY", "Zg=", "Zg===", "Zm9v=", "Z=g=", "=", "Zm9v+A", "Zm9v/A",
                            "Zm 9v", "Zm9v\n", "Zm9v.", "Zm8\xd0\xb0"}) {
        EXPECT_EQ(b64url_decode(bad), std::nullopt) << bad;
    }
}

TEST(B64url, RoundTripsEveryByteValueAndLength) {
    std::string all;
    for (int i = 0; i < 256; ++i) {
        all.push_back(static_cast<char>(i));
    }
    EXPECT_EQ(b64url_decode(b64url_encode(all)), all);

    std::mt19937 random(42);
    for (std::size_t length = 0; length < 70; ++length) {
        std::string bytes;
        for (std::size_t i = 0; i < length; ++i) {
            bytes.push_back(static_cast<char>(random() & 0xff));
        }
        const std::string text = b64url_encode(bytes);
        EXPECT_EQ(text.size(), (length * 4 + 2) / 3);
        EXPECT_EQ(text.find_first_of("+/="), std::string::npos);
        EXPECT_EQ(b64url_decode(text), bytes);
        // The padded form decodes to the same bytes.
        EXPECT_EQ(b64url_decode(text + std::string((4 - text.size() % 4) % 4, '=')), bytes);
    }
}

TEST(B64url, SixtyFourByteSignatureIsEightySixCharacters) {
    // ESIA-SIG-3: a GOST client_secret is b64url of 64 bytes.
    EXPECT_EQ(b64url_encode(std::string(64, '\x5a')).size(), 86u);
}

} // namespace
} // namespace logintest::crypto
