// Handler-level tests of asurso's control-plane administration: the admin reset (NS-PWD-18..20,
// J5-05), adding users (MOCK-CP-7), bindings (MOCK-CP-8), lockout expiry on the host clock
// (NS-PWD-16) and the load pool (MOCK-FIX-5).
#include "asurso_test_support.hpp"
#include "support/url/percent.hpp"

#include <boost/json/serialize.hpp>

#include "mocks/common/load_pool.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace logintest::mocks::testing {
namespace {

class AsursoAdmin : public ::testing::Test {
protected:
    std::unique_ptr<asurso::AsursoApp> app = make_asurso();

    Response control(std::string method, std::string target, std::string body = {}) {
        return call(*app,
                    common::make_request(std::move(method), std::move(target),
                                         {{"Content-Type", "application/json"}}, std::move(body)));
    }

    Response login(std::string_view who, std::string_view password, int scid) {
        Client c(*app);
        return c.login(who, password, scid);
    }

    static std::string encoded(std::string_view login) { return support::percent_encode(login); }

    std::string reset(std::string_view login, std::string_view scid = "107") {
        const Response r = control("POST", "/mock/admin/users/" + encoded(login) +
                                               "/reset-password?scid=" + std::string(scid));
        EXPECT_EQ(r.status, 200) << r.body;
        return std::string(body_json(r).at("password").as_string());
    }
};

// ---- NS-PWD-18..20 -----------------------------------------------------------------------

TEST_F(AsursoAdmin, LockoutThenResetIsJourneyJ5) {
    // J5-01, J5-02: five wrong passwords lock ВолковС; then the right one is refused.
    for (int i = 0; i < 5; ++i) {
        EXPECT_EQ(login("ВолковС", "wrong", 107).body, wrong_cred_body);
    }
    EXPECT_EQ(login("ВолковС", "V0lk0v%Go", 107).body, locked_body);
    // J5-05: the reset as the spec's example target, percent-encoded UTF-8.
    const Response r = control(
        "POST",
        "/mock/admin/users/%D0%92%D0%BE%D0%BB%D0%BA%D0%BE%D0%B2%D0%A1/reset-password?scid=107");
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.header("Content-Type"), "application/json; charset=utf-8");
    const auto j = body_json(r).as_object();
    EXPECT_EQ(j.size(), 4u);
    EXPECT_EQ(j.at("login"), "ВолковС");
    EXPECT_EQ(j.at("scid"), 107);
    EXPECT_EQ(j.at("userId"), 700103);
    const std::string password(j.at("password").as_string());
    EXPECT_TRUE(meets_nspwd2(password, "!#$%&*+-=?@^_", 10)) << password; // NS-PWD-2
    // NS-PWD-19: the old password fails (T-WRONG-CRED, counted); the new one succeeds with
    // the first-login entry point (NS-PWD-10).
    EXPECT_EQ(login("ВолковС", "V0lk0v%Go", 107).body, wrong_cred_body);
    EXPECT_EQ(app->state().users.find(107, "ВолковС")->failed_count, 1);
    const Response fresh = login("ВолковС", password, 107);
    ASSERT_EQ(fresh.status, 200) << fresh.body;
    EXPECT_EQ(body_json(fresh).at("entryPoint"), "/app/change-password?first=1");
    // J7-05: the next login has the normal entry point.
    EXPECT_EQ(body_json(login("ВолковС", password, 107)).at("entryPoint"), "/app/school/main/");
}

TEST_F(AsursoAdmin, ResetUnlocksAFixtureLockedUser) {
    EXPECT_EQ(login("ОрловД", "L0ck3d!Out", 107).body, locked_body); // J5-03
    const auto password = reset("ОрловД");
    const auto user = *app->state().users.find(107, "ОрловД");
    EXPECT_FALSE(user.locked); // NS-PWD-18
    EXPECT_EQ(user.failed_count, 0);
    EXPECT_TRUE(user.first_login);
    EXPECT_EQ(login("ОрловД", password, 107).status, 200);
}

TEST_F(AsursoAdmin, ResetKeepsSessionsAndFollowsResetSetsFirstLogin) {
    Client c(*app);
    const auto at = Client::at_of(c.login("ИвановИ", "Qwe123!z", 2436));
    reset("ИвановИ", "2436");
    EXPECT_EQ(c.get("/webapi/context", {{"at", at}}).status, 200); // NS-PWD-20

    asurso::AsursoConfig config;
    config.reset_sets_first_login = false;
    app = make_asurso(config);
    const auto password = reset("ВолковС");
    EXPECT_EQ(body_json(login("ВолковС", password, 107)).at("entryPoint"), "/app/school/main/");
}

TEST_F(AsursoAdmin, ResetLookupRules) {
    // MOCK-CP-7: ИвановИ exists in 2436 and 107: without scid it is ambiguous.
    const Response ambiguous =
        control("POST", "/mock/admin/users/" + encoded("ИвановИ") + "/reset-password");
    EXPECT_EQ(ambiguous.status, 409);
    EXPECT_EQ(ambiguous.body, R"({"message":"ambiguous login"})");
    // A unique login needs no scid.
    const Response unique =
        control("POST", "/mock/admin/users/" + encoded("ВолковС") + "/reset-password");
    EXPECT_EQ(unique.status, 200);
    EXPECT_EQ(body_json(unique).at("userId"), 700103);
    // The scid picks one of the two.
    const Response picked =
        control("POST", "/mock/admin/users/" + encoded("ИвановИ") + "/reset-password?scid=107");
    EXPECT_EQ(body_json(picked).at("userId"), 700104);
    // Unknown: 404.
    EXPECT_EQ(control("POST", "/mock/admin/users/nobody/reset-password").status, 404);
    EXPECT_EQ(
        control("POST", "/mock/admin/users/" + encoded("ВолковС") + "/reset-password?scid=2436")
            .status,
        404);
    EXPECT_EQ(control("POST", "/mock/admin/users/x/reset-password?scid=a").status, 400);
    EXPECT_EQ(control("GET", "/mock/admin/users/x/reset-password").status, 405);
}

TEST_F(AsursoAdmin, ResetWithASeedIsRepeatableAcrossMockReset) {
    asurso::AsursoConfig config;
    config.password.generator_seed = 7;
    app = make_asurso(config);
    const auto first = reset("ВолковС");
    const auto second = reset("ВолковС");
    EXPECT_NE(first, second);
    ASSERT_EQ(control("POST", "/mock/reset").status, 200); // MOCK-CP-3
    EXPECT_EQ(reset("ВолковС"), first);
}

TEST_F(AsursoAdmin, ResetIsRefusedOffLoopback) {
    const Response r = call(
        *app,
        common::make_request("POST", "/mock/admin/users/" + encoded("ВолковС") + "/reset-password",
                             {}, {}, "10.0.0.1"));
    EXPECT_EQ(r.status, 403); // MOCK-CP-1
}

// ---- MOCK-CP-7 adding users ----------------------------------------------------------------

constexpr std::string_view new_user = R"({"userId":700200,"login":"НовиковП","scid":107,
    "lastName":"Новиков","firstName":"Пётр","roles":[1],"children":[],
    "birthDate":"today-16y","password":"N0v1kov!Pw","firstLogin":false,"locked":false,
    "failedCount":0})";

TEST_F(AsursoAdmin, AddsAUserWhoCanLogIn) {
    const Response r = control("POST", "/mock/admin/users", std::string(new_user));
    ASSERT_EQ(r.status, 201) << r.body;
    const auto j = body_json(r);
    EXPECT_EQ(j.at("userId"), 700200);
    EXPECT_EQ(j.at("login"), "НовиковП");
    EXPECT_EQ(j.at("birthDate"), "2009-11-28"); // MOCK-FIX-2 on asurso's clock
    EXPECT_EQ(j.at("boundOid"), nullptr);
    const Response in = login("новиковп", "N0v1kov!Pw", 107); // NS-LOGIN-19
    ASSERT_EQ(in.status, 200) << in.body;
    EXPECT_EQ(body_json(in).at("accountInfo").at("user").at("name"), "Новиков П.");
    EXPECT_EQ(control("GET", "/mock/admin/users/" + encoded("НовиковП")).status, 200);
    // MOCK-CP-3: a reset restores the fixture.
    ASSERT_EQ(control("POST", "/mock/reset").status, 200);
    EXPECT_EQ(control("GET", "/mock/admin/users/" + encoded("НовиковП")).status, 404);
}

TEST_F(AsursoAdmin, AddingAnExistingUserIsAConflict) {
    ASSERT_EQ(control("POST", "/mock/admin/users", std::string(new_user)).status, 201);
    EXPECT_EQ(control("POST", "/mock/admin/users", std::string(new_user)).status, 409);
    // The same (scid, login) up to case: 409 (NS-LOGIN-19).
    auto same_login = boost::json::parse(new_user).as_object();
    same_login["userId"] = 700201;
    same_login["login"] = " новиковп ";
    EXPECT_EQ(control("POST", "/mock/admin/users", boost::json::serialize(same_login)).status, 409);
    // The same login in another school is fine.
    same_login["scid"] = 2436;
    EXPECT_EQ(control("POST", "/mock/admin/users", boost::json::serialize(same_login)).status, 201);
    // A fixture user's id: 409.
    auto same_id = boost::json::parse(new_user).as_object();
    same_id["userId"] = 592640;
    same_id["login"] = "другой";
    EXPECT_EQ(control("POST", "/mock/admin/users", boost::json::serialize(same_id)).status, 409);
}

TEST_F(AsursoAdmin, AddingAMalformedUserIsABadRequest) {
    EXPECT_EQ(control("POST", "/mock/admin/users", "not json").status, 400);
    EXPECT_EQ(control("POST", "/mock/admin/users", "{}").status, 400);
    for (const auto& [key, value] : std::vector<std::pair<std::string, boost::json::value>>{
             {"scid", 9999},
             {"roles", boost::json::array{7}},
             {"children", boost::json::array{1}},
             {"birthDate", "yesterday"},
             {"roles", boost::json::array{}}}) {
        auto user = boost::json::parse(new_user).as_object();
        user[key] = value;
        const Response r = control("POST", "/mock/admin/users", boost::json::serialize(user));
        EXPECT_EQ(r.status, 400) << key << ": " << r.body;
    }
}

// ---- MOCK-CP-8 bindings --------------------------------------------------------------------

TEST_F(AsursoAdmin, BindingsAreSetAndRemovedWithoutRules) {
    // ПетроваМ is under 14; the control plane binds her anyway (NS-AGE-4 set-up).
    const Response bound =
        control("PUT", "/mock/admin/bindings", R"({"userId":592641,"oid":1000299656})");
    ASSERT_EQ(bound.status, 200) << bound.body;
    EXPECT_EQ(body_json(bound).at("boundOid"), 1000299656);
    EXPECT_EQ(app->state().users.by_id(592641)->bound_oid, 1000299656);
    // A user bound to another oid is rebound.
    ASSERT_EQ(
        control("PUT", "/mock/admin/bindings", R"({"userId":592650,"oid":1000299655})").status,
        200);
    EXPECT_EQ(app->state().users.by_id(592650)->bound_oid, 1000299655);
    const Response unbound = control("DELETE", "/mock/admin/bindings/592650");
    ASSERT_EQ(unbound.status, 200);
    EXPECT_EQ(body_json(unbound).at("boundOid"), nullptr);
    EXPECT_FALSE(app->state().users.by_id(592650)->bound_oid);
    EXPECT_EQ(control("DELETE", "/mock/admin/bindings/592650").status, 200); // already unbound
}

TEST_F(AsursoAdmin, BindingsOfUnknownUsersOrMalformedBodies) {
    EXPECT_EQ(control("PUT", "/mock/admin/bindings", R"({"userId":1,"oid":2})").status, 404);
    EXPECT_EQ(control("DELETE", "/mock/admin/bindings/1").status, 404);
    EXPECT_EQ(control("DELETE", "/mock/admin/bindings/abc").status, 404);
    EXPECT_EQ(control("PUT", "/mock/admin/bindings", R"({"userId":"592640","oid":2})").status, 400);
    EXPECT_EQ(control("PUT", "/mock/admin/bindings", R"({"userId":592640})").status, 400);
    EXPECT_EQ(control("PUT", "/mock/admin/bindings", "oops").status, 400);
}

// ---- NS-PWD-16 lockout duration --------------------------------------------------------------

TEST_F(AsursoAdmin, ALockWithADurationEndsOnTheHostClock) {
    asurso::AsursoConfig config;
    config.lockout.duration_s = 600;
    app = make_asurso(config);
    for (int i = 0; i < 5; ++i) {
        ASSERT_EQ(login("ВолковС", "wrong", 107).body, wrong_cred_body);
    }
    app->state().clock.advance(std::chrono::seconds(599));
    EXPECT_EQ(login("ВолковС", "V0lk0v%Go", 107).body, locked_body);
    app->state().clock.advance(std::chrono::seconds(2)); // 601 s after the lock
    EXPECT_EQ(login("ВолковС", "V0lk0v%Go", 107).status, 200);
    // The fixture's lock of ОрловД is dated at load, so it ends too.
    EXPECT_EQ(login("ОрловД", "L0ck3d!Out", 107).status, 200);
}

TEST_F(AsursoAdmin, WithoutADurationALockStaysUntilReset) {
    app->state().clock.advance(std::chrono::hours(24 * 365));
    EXPECT_EQ(login("ОрловД", "L0ck3d!Out", 107).body, locked_body); // NS-PWD-16
}

// ---- MOCK-FIX-5 load pool ------------------------------------------------------------------

TEST(LoadPool, AddsBoundAndUnboundPairs) {
    common::Fixture f;
    common::add_load_pool(f, {3, 2});
    ASSERT_EQ(f.users.size(), 5u);
    ASSERT_EQ(f.esia_accounts.size(), 5u);
    ASSERT_EQ(f.bindings.size(), 3u);
    const auto& u = f.users[0];
    EXPECT_EQ(u.user_id, 900001);
    EXPECT_EQ(u.login, "load00001");
    EXPECT_EQ(u.scid, 2436);
    EXPECT_THAT(u.roles, ::testing::ElementsAre(1));
    EXPECT_EQ(u.birth_date, "today-15y");
    EXPECT_EQ(u.password, "Load#00001");
    const auto& a = f.esia_accounts[2];
    EXPECT_EQ(a.oid, 2000000003);
    EXPECT_EQ(a.email, "load00003@load.example.ru");
    EXPECT_EQ(a.password, "Esia#00003");
    EXPECT_TRUE(a.trusted);
    EXPECT_EQ(a.lvl, "PR");
    EXPECT_TRUE(a.consent_granted);
    EXPECT_EQ(f.bindings[1].user_id, 900002);
    EXPECT_EQ(f.bindings[1].oid, 2000000002);
    const auto& b = f.users[4];
    EXPECT_EQ(b.user_id, 950002);
    EXPECT_EQ(b.login, "bind00002");
    EXPECT_EQ(b.password, "Bind#00002");
    EXPECT_EQ(f.esia_accounts[4].oid, 2100000002);
    EXPECT_EQ(f.esia_accounts[4].email, "bind00002@load.example.ru");
    EXPECT_EQ(f.esia_accounts[4].password, "Esia#00002");
    EXPECT_EQ(f.users[4].last_name, f.esia_accounts[4].last_name); // the pair shares a name
    // Applying it again changes nothing; a bigger pool adds only the new pairs.
    common::add_load_pool(f, {3, 2});
    EXPECT_EQ(f.users.size(), 5u);
    common::add_load_pool(f, {4, 2});
    EXPECT_EQ(f.users.size(), 6u);
    EXPECT_EQ(f.bindings.size(), 4u);
}

TEST(LoadPool, AsursoServesThePoolFromItsConfiguration) {
    asurso::AsursoConfig config;
    config.load_pool_size = 20;
    config.load_pool_unbound = 5;
    auto app = make_asurso(config);
    Client c(*app);
    const Response r = c.login("load00020", "Load#00020", 2436);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(body_json(r).at("accountInfo").at("user").at("id"), 900020);
    EXPECT_EQ(app->state().users.by_id(900007)->bound_oid, 2000000007);
    EXPECT_FALSE(app->state().users.by_id(950005)->bound_oid);
    EXPECT_EQ(c.login("bind00005", "Bind#00005", 2436).status, 200);
    EXPECT_EQ(c.login("load00021", "Load#00021", 2436).status, 409);
    // MOCK-CP-3: the pool survives a reset.
    call(*app, common::make_request("POST", "/mock/reset"));
    EXPECT_TRUE(app->state().users.by_id(900020));
}

} // namespace
} // namespace logintest::mocks::testing
