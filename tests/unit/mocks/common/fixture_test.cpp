// The §22 fixture file and its parser (mocks/common/fixture, scenarios/data/fixture.json).
#include "crypto/netschool_hash.hpp"
#include "mocks/common/embedded_fixture.hpp"
#include "mocks/common/fixture.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>

namespace logintest::mocks::common {
namespace {

using ::testing::HasSubstr;

Fixture embedded() {
    auto r = parse_fixture(embedded::fixture_json);
    EXPECT_TRUE(r.fixture) << r.error;
    return *r.fixture;
}

TEST(Fixture, EmbeddedFixtureHasEveryRowOfSection22) {
    const Fixture f = embedded();
    EXPECT_EQ(f.version, 1);
    EXPECT_EQ(f.regions.countries.size(), 1u);
    EXPECT_EQ(f.regions.provinces.size(), 2u);
    EXPECT_EQ(f.regions.cities.size(), 2u);
    EXPECT_EQ(f.regions.funcs.size(), 3u);
    EXPECT_EQ(f.schools.size(), 4u);
    EXPECT_EQ(f.roles.size(), 3u);
    EXPECT_EQ(f.users.size(), 10u);
    EXPECT_EQ(f.esia_accounts.size(), 7u);
    EXPECT_EQ(f.bindings.size(), 2u);
    EXPECT_EQ(f.clients.size(), 2u);
    EXPECT_EQ(f.school(2436)->short_name, "МБОУ Школа № 26 г.о. Самара");
    EXPECT_EQ(f.school(107)->short_name, "МБОУ Школа № 3 г.о.Самара");
    EXPECT_EQ(f.user(592670)->roles, (std::vector<int>{3, 2}));
    EXPECT_EQ(f.user(592650)->children, (std::vector<std::int64_t>{592640}));
}

TEST(Fixture, PasswordHashesMatchTheSpecTable) {
    // §22: md5hex(encode(password)) per user, given in the spec for checking.
    const std::map<std::int64_t, std::string> md5 = {
        {592640, "dca529fa1fdbc842a079ec8e6595c69a"}, {592641, "0e740f0e2f0597469b557329fab8ee72"},
        {592650, "44c67d2dd09c8bd5da927aee9ff62e0a"}, {592660, "75951056507e47e8062b2d82ae874e67"},
        {592670, "bcdb078f27041eaa993d086870a6764f"}, {700101, "32c6e53c387fac3d27aa629f197037af"},
        {700102, "643bc32ae34bd0d832c39376f7cb55a9"}, {700103, "8f66bb5951f0693005c977119fe72ea5"},
        {700104, "cc5f36f9e53b175d2470a8f652793d3c"}, {800201, "36c0a954ef35ce99ecc3626a739157ee"},
    };
    const Fixture f = embedded();
    for (const auto& u : f.users) {
        EXPECT_EQ(crypto::netschool_password_md5(u.password), md5.at(u.user_id)) << u.login;
    }
}

TEST(Fixture, EsiaAccountsAndClients) {
    const Fixture f = embedded();
    const auto& e4 = f.esia_accounts[3];
    EXPECT_EQ(e4.oid, 1000299657);
    EXPECT_EQ(e4.birth_date, "today-15y-100d");
    EXPECT_EQ(e4.mfa, "sms");
    EXPECT_EQ(e4.otp_code, "246810");
    EXPECT_FALSE(f.esia_accounts[2].consent_granted); // E3
    EXPECT_FALSE(f.esia_accounts[2].phone);
    EXPECT_EQ(f.esia_accounts[4].lvl, "KD");
    EXPECT_FALSE(f.esia_accounts[5].trusted);
    EXPECT_EQ(substitute_base_urls(f.clients[0].redirect_uris[0], "http://asurso.ru:8080"),
              "http://asurso.ru:8080/webapi/sso/esia/callback"); // MOCK-FIX-3
}

TEST(Fixture, ErrorsNameThePath) {
    EXPECT_THAT(parse_fixture("{").error, HasSubstr("not valid JSON"));
    EXPECT_THAT(parse_fixture("[]").error, HasSubstr("expected an object"));
    std::string text(embedded::fixture_json);
    const auto bad_scid = [&] {
        std::string t = text;
        t.replace(t.find("\"scid\": 2436"), 12, "\"scid\": \"x\"");
        return t;
    }();
    EXPECT_EQ(parse_fixture(bad_scid).error, "fixture: users[0].scid: expected an integer");
    std::string bad_date = text;
    bad_date.replace(bad_date.find("today-15y-100d"), 14, "someday");
    EXPECT_THAT(parse_fixture(bad_date).error, HasSubstr("users[0].birthDate"));
    std::string unknown_school = text;
    unknown_school.replace(unknown_school.find("\"scid\": 2436"), 12, "\"scid\": 9999");
    EXPECT_THAT(parse_fixture(unknown_school).error, HasSubstr("unknown school 9999"));
}

} // namespace
} // namespace logintest::mocks::common

namespace logintest::mocks::common {
namespace {

TEST(FixtureSingleObject, ParsesAUserAndAnEsiaAccountWithTheFixtureRules) {
    const auto user = parse_fixture_user(
        R"({"userId":1,"login":"x","scid":2436,"lastName":"А","firstName":"Б","roles":[1],)"
        R"("children":[],"birthDate":"2000-01-01","password":"Pass#123","firstLogin":false,)"
        R"("locked":false,"failedCount":0})");
    ASSERT_TRUE(user.user) << user.error;
    EXPECT_EQ(user.user->login, "x");
    EXPECT_THAT(parse_fixture_user("{").error, ::testing::HasSubstr("user: not valid JSON"));
    EXPECT_THAT(parse_fixture_user(R"({"userId":"one"})").error,
                ::testing::HasSubstr("user.userId"));
    EXPECT_FALSE(parse_fixture_user("[]").user);

    EXPECT_THAT(parse_fixture_esia_account("{").error,
                ::testing::HasSubstr("esia_account: not valid JSON"));
    EXPECT_THAT(parse_fixture_esia_account(R"({"oid":"x"})").error,
                ::testing::HasSubstr("esia_account.oid"));
}

} // namespace
} // namespace logintest::mocks::common
