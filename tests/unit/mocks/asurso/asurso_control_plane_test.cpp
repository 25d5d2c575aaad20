// Handler-level tests of asurso's control plane (§21.1): loopback only, health, counters,
// reset, clock and the MOCK-CP-7 user view, including the fixture's relative birth dates.
#include "asurso_test_support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace logintest::mocks::testing {
namespace {

class AsursoControlPlane : public ::testing::Test {
protected:
    std::unique_ptr<asurso::AsursoApp> app = make_asurso();

    Response control(std::string method, std::string target, std::string body = {},
                     std::string peer = "127.0.0.1") {
        // MOCK-CP-10: bodies are JSON.
        return call(*app, common::make_request(std::move(method), std::move(target),
                                               {{"Content-Type", "application/json"}},
                                               std::move(body), std::move(peer)));
    }
};

TEST_F(AsursoControlPlane, HealthNamesTheHost) {
    const Response r = control("GET", "/mock/health");
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(body_json(r), boost::json::parse(R"({"status":"ok","host":"asurso","spec":"1.2"})"));
}

TEST_F(AsursoControlPlane, OnlyLoopbackPeersAreServed) {
    EXPECT_EQ(control("GET", "/mock/health", {}, "10.1.2.3").status, 403); // MOCK-CP-1
    EXPECT_EQ(control("GET", "/mock/health", {}, "127.0.0.2").status, 200);
    EXPECT_EQ(control("GET", "/mock/health", {}, "::1").status, 200);
    EXPECT_EQ(control("GET", "/mock/health", {}, "::ffff:127.0.0.1").status, 200);
    EXPECT_EQ(control("GET", "/mock/health", {}, "").status, 403);
}

TEST_F(AsursoControlPlane, SwitchedOffControlPlaneIs404) {
    asurso::AsursoConfig config;
    config.control_plane_enabled = false;
    auto off = make_asurso(config);
    EXPECT_EQ(call(*off, common::make_request("GET", "/mock/health")).status, 404);
}

TEST_F(AsursoControlPlane, CountersReportRequestsStatusesAndEvents) {
    Client client(*app);
    client.login("ИвановИ", "Qwe123!z", 2436);
    client.login("ИвановИ", "nope", 2436);
    const auto j = body_json(control("GET", "/mock/counters")).as_object();
    EXPECT_EQ(j.at("requests").at("POST /webapi/login"), 2);
    EXPECT_EQ(j.at("requests").at("POST /webapi/auth/getdata"), 2);
    EXPECT_EQ(j.at("status").at("200"), 3);
    EXPECT_EQ(j.at("status").at("409"), 1);
    const auto& events = j.at("events").as_object();
    for (const auto* name :
         {"salts_issued", "logins_ok", "logins_wrong_credentials", "logins_stale_salt",
          "logins_locked", "lockouts", "binds_ok", "binds_refused", "esia_callbacks",
          "esia_state_mismatch", "te_calls", "login_states_created", "logouts"}) {
        EXPECT_TRUE(events.contains(name)) << name; // MOCK-CP-4
    }
    EXPECT_EQ(events.at("salts_issued"), 2);
    EXPECT_EQ(events.at("logins_ok"), 1);
    EXPECT_EQ(events.at("logins_wrong_credentials"), 1);
    EXPECT_FALSE(j.at("requests").as_object().contains("GET /mock/counters"));

    EXPECT_EQ(control("POST", "/mock/counters/reset").status, 200);
    EXPECT_EQ(body_json(control("GET", "/mock/counters")).at("events").at("logins_ok"), 0);
}

TEST_F(AsursoControlPlane, ResetRestoresTheStartState) {
    Client client(*app);
    const auto at = Client::at_of(client.login("ИвановИ", "Qwe123!z", 2436));
    for (int i = 0; i < 5; ++i) {
        client.login("ВолковС", "wrong", 107);
    }
    app->state().clock.advance(std::chrono::seconds(100));
    EXPECT_EQ(control("POST", "/mock/reset").body, "{}"); // MOCK-CP-3
    EXPECT_EQ(client.get("/webapi/context", {{"at", at}}).status, 401);
    EXPECT_FALSE(app->state().users.find(107, "ВолковС")->locked);
    EXPECT_EQ(app->state().clock.offset().count(), 0);
    EXPECT_EQ(app->state().counters.event("lockouts"), 0);
    EXPECT_EQ(client.login("ВолковС", "V0lk0v%Go", 107).status, 200);
}

TEST_F(AsursoControlPlane, ClockCanBeReadAndMoved) {
    EXPECT_EQ(body_json(control("GET", "/mock/clock")),
              boost::json::parse(R"({"now":"2025-11-28T19:40:05Z","offset_s":0})"));
    const Response moved = control("PUT", "/mock/clock", R"({"offset_s":3601})");
    EXPECT_EQ(body_json(moved),
              boost::json::parse(R"({"now":"2025-11-28T20:40:06Z","offset_s":3601})"));
    EXPECT_EQ(control("PUT", "/mock/clock", R"({"offset":1})").status, 400);
    EXPECT_EQ(control("PUT", "/mock/clock", "not json").status, 400);
}

TEST_F(AsursoControlPlane, AdminUserViewWithRelativeBirthDates) {
    // MOCK-FIX-2 on asurso's clock: today is 2025-11-28 in Samara.
    const Response ivanov = control("GET", "/mock/admin/users/"
                                           "%D0%98%D0%B2%D0%B0%D0%BD%D0%BE%D0%B2%D0%98?scid=2436");
    ASSERT_EQ(ivanov.status, 200) << ivanov.body;
    EXPECT_EQ(body_json(ivanov), boost::json::parse(R"({"userId":592640,"login":"ИвановИ",
        "scid":2436,"roles":[1],"birthDate":"2010-08-20","firstLogin":false,"locked":false,
        "failedCount":0,"boundOid":1000299657})"));
    const auto ilya = body_json(control("GET", "/mock/admin/users/ИвановИ?scid=107"));
    EXPECT_EQ(ilya.at("userId"), 700104);
    EXPECT_EQ(ilya.at("birthDate"), "2011-11-28"); // today-14y: 14 today
    EXPECT_TRUE(ilya.at("boundOid").is_null());
    const auto petrova = body_json(control("GET", "/mock/admin/users/ПетроваМ"));
    EXPECT_EQ(petrova.at("birthDate"), "2013-05-12"); // today-12y-200d
    const auto orlov = body_json(control("GET", "/mock/admin/users/ОрловД"));
    EXPECT_EQ(orlov.at("birthDate"), "2008-11-28");
    EXPECT_EQ(orlov.at("locked"), true);
    EXPECT_EQ(orlov.at("failedCount"), 5);
}

TEST_F(AsursoControlPlane, AdminUserLookupErrors) {
    EXPECT_EQ(control("GET", "/mock/admin/users/ИвановИ").status, 409); // two schools
    EXPECT_EQ(control("GET", "/mock/admin/users/ИвановИ").body, R"({"message":"ambiguous login"})");
    EXPECT_EQ(control("GET", "/mock/admin/users/Никто").status, 404);
    EXPECT_EQ(control("GET", "/mock/admin/users/ИвановИ?scid=5010").status, 404);
    EXPECT_EQ(control("GET", "/mock/admin/users/ИвановИ?scid=x").status, 400);
    EXPECT_EQ(body_json(control("GET", "/mock/admin/users")).as_array().size(), 10u);
}

} // namespace
} // namespace logintest::mocks::testing
