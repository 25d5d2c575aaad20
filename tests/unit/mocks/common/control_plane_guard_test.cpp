// MOCK-CP-10 (spec 1.2, issue 10 finding 6): the control plane refuses what a web page in a
// local browser could send (foreign Host after DNS rebinding, foreign Origin, non-JSON
// bodies), and reads every body as strictly as the §23 file. Handler level, through each
// host's front door; the guard's Host rule also alone.
#include "mocks/common/control_plane_guard.hpp"
#include "tests/unit/mocks/asurso/asurso_test_support.hpp"

#include <gtest/gtest.h>

namespace logintest::mocks::testing {
namespace {

class ControlPlaneGuardTest : public ::testing::Test {
protected:
    std::unique_ptr<asurso::AsursoApp> app = make_asurso();

    Response control(std::string method, std::string target, std::string body,
                     std::vector<common::Header> headers) {
        return call(*app, common::make_request(std::move(method), std::move(target),
                                               std::move(headers), std::move(body)));
    }
    Response json_call(std::string method, std::string target, std::string body) {
        return control(std::move(method), std::move(target), std::move(body),
                       {{"Host", "127.0.0.1:8080"}, {"Content-Type", "application/json"}});
    }
};

TEST(ControlPlaneHost, LoopbackLiteralsLocalhostAndThePublicNames) {
    const common::ControlPlaneGuard guard({"http://asurso.ru:8080", "https://esia.gosuslugi.ru"});
    for (const char* ok :
         {"127.0.0.1", "127.0.0.1:8080", "127.0.0.2:1", "127.255.0.9", "[::1]", "[::1]:8443",
          "localhost", "LOCALHOST:8080", "asurso.ru:8080", "Asurso.RU", "esia.gosuslugi.ru:9"}) {
        EXPECT_TRUE(guard.allowed_host(ok)) << ok;
    }
    for (const char* bad : {"", "evil.test", "evil.test:8080", "128.0.0.1", "10.0.0.1:8080",
                            "[::2]", "localhost.evil.test", "asurso.ru.evil.test", "user@127.0.0.1",
                            "127.0.0.1:8080/x", "center.asurso.ru"}) {
        EXPECT_FALSE(guard.allowed_host(bad)) << bad;
    }
}

TEST_F(ControlPlaneGuardTest, ForeignHostIs403) {
    for (const char* host : {"evil.test", "rebind.evil.test:8080", "0.0.0.0"}) {
        const Response r = control("GET", "/mock/health", {}, {{"Host", host}});
        EXPECT_EQ(r.status, 403) << host;
        EXPECT_TRUE(body_json(r).as_object().contains("message"));
    }
    EXPECT_EQ(
        control("GET", "/mock/health", {}, {{"Host", "127.0.0.1"}, {"Host", "evil.test"}}).status,
        403);
    EXPECT_EQ(control("GET", "/mock/health", {}, {{"Host", "asurso.ru:8080"}}).status, 200);
    EXPECT_EQ(control("GET", "/mock/health", {}, {{"Host", "esia.gosuslugi.ru:8080"}}).status, 200);
    EXPECT_EQ(control("GET", "/mock/health", {}, {{"Host", "localhost:8080"}}).status, 200);
    // The protocol endpoints answer whatever the Host says (MOCK-HOST-3).
    EXPECT_EQ(control("GET", "/webapi/logindata", {}, {{"Host", "evil.test"}}).status, 200);
}

TEST_F(ControlPlaneGuardTest, ForeignOriginIs403) {
    for (const char* origin : {"http://evil.test", "null", "http://asurso.ru:8081",
                               "https://asurso.ru:8080", "http://127.0.0.1:8080"}) {
        const Response r =
            control("POST", "/mock/reset", {}, {{"Host", "127.0.0.1:8080"}, {"Origin", origin}});
        EXPECT_EQ(r.status, 403) << origin;
    }
    for (const char* origin : {"http://asurso.ru:8080", "http://esia.gosuslugi.ru:8080"}) {
        EXPECT_EQ(
            control("GET", "/mock/health", {}, {{"Host", "asurso.ru"}, {"Origin", origin}}).status,
            200)
            << origin;
    }
}

TEST_F(ControlPlaneGuardTest, ABodyThatIsNotJsonIs415) {
    const std::string body = R"({"offset_s":10})";
    for (const char* type : {"text/plain", "application/x-www-form-urlencoded",
                             "multipart/form-data; boundary=x", "application/jsonx"}) {
        EXPECT_EQ(control("PUT", "/mock/clock", body, {{"Content-Type", type}}).status, 415)
            << type;
    }
    EXPECT_EQ(control("PUT", "/mock/clock", body, {}).status, 415); // no Content-Type
    EXPECT_EQ(
        control("PUT", "/mock/clock", body, {{"Content-Type", "Application/JSON; charset=utf-8"}})
            .status,
        200);
    // Without a body (bench/load_vs_wrk.sh's `curl -X POST …/mock/reset`) nothing is needed.
    EXPECT_EQ(control("POST", "/mock/reset", {}, {{"Host", "127.0.0.1:8080"}}).status, 200);
}

// MOCK-CP-10: a clock offset whose time leaves the years 1970–2261 is refused (7.5e9 s gave
// the year 1680 through an overflow).
TEST_F(ControlPlaneGuardTest, ClockOffsetsThatLeaveTheRangeAre400) {
    for (const char* body :
         {R"({"offset_s":7.5e9})", R"({"offset_s":-7.5e9})", R"({"offset_s":-1764358806})",
          R"({"offset_s":1e300})", R"({"offset_s":"10"})", R"({"offset_s":10,"x":1})", R"({})"}) {
        EXPECT_EQ(json_call("PUT", "/mock/clock", body).status, 400) << body;
    }
    EXPECT_EQ(app->state().clock.offset().count(), 0);
    const Response ok = json_call("PUT", "/mock/clock", R"({"offset_s":-1000000000})");
    EXPECT_EQ(ok.status, 200);
    EXPECT_EQ(json_call("PUT", "/mock/clock", R"({"offset_s":7000000000})").status, 200);
}

TEST_F(ControlPlaneGuardTest, BindingsNeedPositiveIdsAndNoOtherKey) {
    for (const char* body :
         {R"({"userId":592660,"oid":-1})", R"({"userId":-1,"oid":1000299655})",
          R"({"userId":592660,"oid":1000299655,"extra":true})", R"({"userId":592660})",
          R"({"userId":"592660","oid":1000299655})", R"({"userId":592660,"oid":1.5})"}) {
        EXPECT_EQ(json_call("PUT", "/mock/admin/bindings", body).status, 400) << body;
    }
    EXPECT_FALSE(app->state().users.by_id(592660)->bound_oid);
    EXPECT_EQ(
        json_call("PUT", "/mock/admin/bindings", R"({"userId":592660,"oid":1000299655})").status,
        200);
}

TEST_F(ControlPlaneGuardTest, UsersAreCheckedAsInTheFixture) {
    const std::string good = R"("login":"НовыйН","scid":107,"lastName":"Новый","firstName":"Н",
        "roles":[1],"children":[],"birthDate":"today-16y","password":"N0vyi#Pw","firstLogin":false,
        "locked":false,"failedCount":0)";
    for (const std::string& bad : {R"({"userId":-1,)" + good + "}", R"({"userId":0,)" + good + "}",
                                   R"({"userId":990001,"colour":"red",)" + good + "}"}) {
        EXPECT_EQ(json_call("POST", "/mock/admin/users", bad).status, 400) << bad;
    }
    EXPECT_EQ(json_call("POST", "/mock/admin/users", R"({"userId":990001,)" + good + "}").status,
              201);
}

TEST_F(ControlPlaneGuardTest, BodylessEndpointsTakeNothingOrAnEmptyObject) {
    EXPECT_EQ(json_call("POST", "/mock/reset", "{}").status, 200);
    EXPECT_EQ(json_call("POST", "/mock/reset", R"({"hard":true})").status, 400);
    EXPECT_EQ(json_call("POST", "/mock/counters/reset", "[]").status, 400);
    EXPECT_EQ(json_call("DELETE", "/mock/admin/bindings/592650", R"({"x":1})").status, 400);
}

TEST_F(ControlPlaneGuardTest, DefectsAndFaultsRefuseDuplicates) {
    EXPECT_EQ(
        json_call("PUT", "/mock/defects", R"({"enabled":["salt-reuse","salt-reuse"]})").status,
        400);
    EXPECT_EQ(json_call("PUT", "/mock/faults",
                        R"({"rules":[{"id":"a","kind":"reset"},{"id":"a","kind":"reset"}]})")
                  .status,
              400);
}

} // namespace
} // namespace logintest::mocks::testing
