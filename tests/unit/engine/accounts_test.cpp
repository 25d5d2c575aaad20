// Accounts: the tester's view of the fixture users, and binding them to a journey.
#include "harness/engine/accounts.hpp"

#include <gtest/gtest.h>

namespace logintest::harness::engine {
namespace {

constexpr const char* fixture = R"({"users":[
  {"userId":592640,"login":"ИвановИ","scid":2436,"password":"Qwe123!z"},
  {"userId":700104,"login":"ИвановИ","scid":107,"password":"Il1ya*107"},
  {"userId":592660,"login":"smirnova.ov","scid":2436,"password":"T3ach&Desk"}]})";

TEST(Accounts, FindsByLoginAndSchool) {
    auto loaded = Accounts::parse(fixture, "fixture.json");
    ASSERT_TRUE(loaded.error.empty()) << loaded.error;
    EXPECT_EQ(loaded.accounts.find("ИвановИ", 107)->user_id, 700104);
    EXPECT_EQ(loaded.accounts.find("ИвановИ", 2436)->password, "Qwe123!z");
    EXPECT_EQ(loaded.accounts.find("smirnova.ov", std::nullopt)->user_id, 592660);
}

TEST(Accounts, RefusesAnAmbiguousLoginWithoutSchool) {
    auto loaded = Accounts::parse(fixture, "fixture.json");
    EXPECT_FALSE(loaded.accounts.find("ИвановИ", std::nullopt));
    EXPECT_FALSE(loaded.accounts.find("nobody", std::nullopt));
}

TEST(Accounts, ReportsAMalformedFixture) {
    EXPECT_NE(Accounts::parse("{", "f.json").error.find("f.json: not valid JSON"),
              std::string::npos);
    EXPECT_NE(Accounts::parse(R"({"users":[{"login":1}]})", "f.json").error.find("users[0]"),
              std::string::npos);
}

TEST(Accounts, BindsAccountVariablesAndRegistersThePasswordAsSecret) {
    auto loaded = Accounts::parse(fixture, "fixture.json");
    model::Journey journey;
    journey.accounts.push_back({"pupil", "ИвановИ", 2436, {"j.xml", 3}});
    scenario::Variables vars;
    std::vector<std::string> secrets;
    EXPECT_EQ(bind_accounts(journey, loaded.accounts, vars, secrets), "");
    EXPECT_EQ(vars["pupil.login"], "ИвановИ");
    EXPECT_EQ(vars["pupil.scid"], "2436");
    EXPECT_EQ(vars["pupil.user_id"], "592640");
    EXPECT_EQ(vars["pupil.password"], "Qwe123!z");
    EXPECT_EQ(secrets, std::vector<std::string>{"Qwe123!z"});

    journey.accounts.push_back({"x", "nobody", std::nullopt, {"j.xml", 4}});
    EXPECT_NE(bind_accounts(journey, loaded.accounts, vars, secrets).find("j.xml:4"),
              std::string::npos);
}

} // namespace
} // namespace logintest::harness::engine
