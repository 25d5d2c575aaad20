// Unit tests of the ESIA identifier rules (§14.3, ESIA-LOGIN-10..14) with the spec's SNILS
// examples, and of the small pure helpers of the esia host (timestamps, UUIDs, scopes).
#include "mocks/esia/client_signature.hpp"
#include "mocks/esia/identifiers.hpp"
#include "mocks/esia/scopes.hpp"

#include <gtest/gtest.h>

#include <chrono>

namespace logintest::mocks::esia {
namespace {

TEST(EsiaIdentifiers, PhoneFormsNormaliseToOneCanonicalForm) {
    for (const std::string_view v : {"+7(900)1234567", "+79001234567", "89001234567",
                                     "+7 900 123-45-67", "79001234567", "8 (900) 123-45-67"}) {
        EXPECT_EQ(normalise_phone(v), "+7(900)1234567") << v;
    }
    for (const std::string_view v :
         {"+7(900)12345", "9001234567", "+8 900 1234567", "+7(900)123456a", "+7900123456789", ""}) {
        EXPECT_FALSE(normalise_phone(v)) << v;
    }
}

TEST(EsiaIdentifiers, EmailRules) {
    EXPECT_EQ(normalise_email(" O.Smirnova@Example.RU "), "o.smirnova@example.ru");
    EXPECT_FALSE(normalise_email("@example.ru"));
    EXPECT_FALSE(normalise_email("a@example"));
    EXPECT_FALSE(normalise_email("a@b@c.ru"));
    EXPECT_FALSE(normalise_email("a b@c.ru"));
}

TEST(EsiaIdentifiers, SnilsCheckNumberExamplesOfTheSpec) {
    EXPECT_EQ(snils_check_number("112233445"), 95); // S = 95
    EXPECT_EQ(snils_check_number("123456789"), 64); // S = 165
    EXPECT_EQ(snils_check_number("234567890"), 99); // S = 200
    EXPECT_EQ(snils_check_number("050234316"), 0);  // S = 100
    EXPECT_EQ(snils_check_number("016103396"), 0);  // S = 101
    EXPECT_EQ(snils_check_number("820981233"), 0);  // S = 201, 201 mod 101 = 100
    for (const std::string_view v :
         {"112-233-445 95", "123-456-789 64", "234-567-890 99", "050-234-316 00", "016-103-396 00",
          "820-981-233 00", "001-001-998 77", "987-654-321 83"}) {
        EXPECT_TRUE(normalise_snils(v)) << v;
    }
    EXPECT_FALSE(normalise_snils("123-456-789 65"));
    EXPECT_TRUE(normalise_snils("123-456-789 65", false)); // `snils-no-checksum`
    EXPECT_FALSE(normalise_snils("001-001-999 77"));
    EXPECT_EQ(normalise_snils("12345678964"), "123-456-789 64");
}

TEST(EsiaIdentifiers, KindIsDecidedAsEsiaLogin10Says) {
    EXPECT_EQ(parse_identifier("a@b.ru", std::nullopt)->kind, IdKind::email);
    EXPECT_EQ(parse_identifier("123-456-789 64", std::nullopt)->kind, IdKind::snils);
    EXPECT_EQ(parse_identifier("89001234567", std::nullopt)->kind, IdKind::phone);
    EXPECT_EQ(parse_identifier("12345678964", std::nullopt)->kind, IdKind::snils);
    EXPECT_FALSE(parse_identifier("12345", std::nullopt));
    EXPECT_FALSE(parse_identifier("89001234567", "snils"));
    EXPECT_FALSE(parse_identifier("123-456-789 64", "phone"));
    EXPECT_EQ(parse_identifier("a@b.ru", "phone")->kind, IdKind::email);
}

TEST(EsiaIdentifiers, MaskedPhone) {
    EXPECT_EQ(mask_phone("+7(917)0001122"), "+7(917)***-**-22");
}

TEST(EsiaTimestamps, ParseFormatAndWindow) {
    using namespace std::chrono;
    const auto t = sys_days{year{2025} / November / 28} + hours{19} + minutes{40} + seconds{5};
    EXPECT_EQ(format_esia_timestamp(t, hours(3)), "2025.11.28 22:40:05 +0300");
    EXPECT_EQ(parse_esia_timestamp("2025.11.28 22:40:05 +0300"), t);
    EXPECT_EQ(parse_esia_timestamp("2025.11.28 15:40:05 -0400"), t);
    EXPECT_FALSE(parse_esia_timestamp("2025.11.28 22:40:05  0300")); // `+` sent unencoded
    EXPECT_FALSE(parse_esia_timestamp("2025.02.30 22:40:05 +0300"));
    EXPECT_FALSE(parse_esia_timestamp("2025-11-28 22:40:05 +0300"));
    EXPECT_TRUE(timestamp_in_window("2025.11.28 22:45:05 +0300", t, 300));
    EXPECT_FALSE(timestamp_in_window("2025.11.28 22:45:06 +0300", t, 300));
}

TEST(EsiaUuids, AnyVersionAnyCase) {
    EXPECT_TRUE(is_uuid("7b1a3c2e-9d4f-4e6a-8b2c-1f0e9d8c7b6a"));
    EXPECT_TRUE(is_uuid("7B1A3C2E-9D4F-1E6A-8B2C-1F0E9D8C7B6A"));
    EXPECT_FALSE(is_uuid("7b1a3c2e9d4f4e6a8b2c1f0e9d8c7b6a"));
    EXPECT_FALSE(is_uuid("7b1a3c2e-9d4f-4e6a-8b2c-1f0e9d8c7b6g"));
}

TEST(EsiaScopes, SetsAndAccessTokenForm) {
    EXPECT_TRUE(same_scope_set("openid fullname", "fullname  openid"));
    EXPECT_FALSE(same_scope_set("openid fullname", "openid"));
    EXPECT_EQ(access_token_scope("fullname openid birthdate", 1000299654),
              "openid fullname?oid=1000299654 birthdate?oid=1000299654");
}

TEST(EsiaMessages, SpecWorkedExamples) {
    // §17 worked examples: the concatenations.
    EXPECT_EQ(ac_message("ASURSO", "openid fullname", "", "2025.11.28 22:40:05 +0300",
                         "7b1a3c2e-9d4f-4e6a-8b2c-1f0e9d8c7b6a",
                         "http://asurso.ru:8080/webapi/sso/esia/callback"),
              "ASURSOopenid fullname2025.11.28 22:40:05 +03007b1a3c2e-9d4f-4e6a-8b2c-"
              "1f0e9d8c7b6ahttp://asurso.ru:8080/webapi/sso/esia/callback");
    EXPECT_EQ(legacy_message("openid fullname", "2025.11.28 22:40:05 +0300", "ASURSO",
                             "7b1a3c2e-9d4f-4e6a-8b2c-1f0e9d8c7b6a"),
              "openid fullname2025.11.28 22:40:05 +0300ASURSO7b1a3c2e-9d4f-4e6a-8b2c-"
              "1f0e9d8c7b6a");
}

} // namespace
} // namespace logintest::mocks::esia
