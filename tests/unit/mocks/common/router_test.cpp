// GEN-5 routing (mocks/common/router).
#include "mocks/common/responses.hpp"
#include "mocks/common/router.hpp"

#include <gtest/gtest.h>

#include <optional>

namespace logintest::mocks::common {
namespace {

Response run(const Router& router, Request req) {
    std::optional<Response> out;
    router.dispatch(req, Responder([&out](Response r) { out = std::move(r); }));
    return *out;
}

Router make_router() {
    Router router;
    router.add("GET", "/a/b", sync([](const Request&) { return json_text(200, "\"get\""); }));
    router.add("POST", "/a/b", sync([](const Request&) { return json_text(200, "\"post\""); }));
    router.add("GET", "/users/{login}/x", sync([](const Request& req) {
                   return json_text(200, std::string(req.path_param("login")));
               }));
    router.add("GET", "/app/main/", sync([](const Request&) { return empty(204); }));
    return router;
}

TEST(Router, ExactPathAndMethod) {
    const auto router = make_router();
    EXPECT_EQ(run(router, make_request("GET", "/a/b?x=1")).body, "\"get\"");
    EXPECT_EQ(run(router, make_request("POST", "/a/b")).body, "\"post\"");
}

TEST(Router, UnknownPathIs404) {
    const auto router = make_router();
    EXPECT_EQ(run(router, make_request("GET", "/a")).status, 404);
    EXPECT_EQ(run(router, make_request("GET", "/a/b/c")).status, 404);
    EXPECT_EQ(run(router, make_request("GET", "/app/main")).status, 404); // trailing slash
    EXPECT_EQ(run(router, make_request("GET", "/app/main/")).status, 204);
}

TEST(Router, WrongMethodIs405WithSortedAllow) {
    const auto router = make_router();
    const Response r = run(router, make_request("PUT", "/a/b"));
    EXPECT_EQ(r.status, 405);
    EXPECT_EQ(r.header("Allow"), "GET, POST");
}

TEST(Router, PlaceholderSegmentIsPercentDecoded) {
    const auto router = make_router();
    EXPECT_EQ(
        run(router, make_request("GET", "/users/%D0%92%D0%BE%D0%BB%D0%BA%D0%BE%D0%B2%D0%A1/x"))
            .body,
        "ВолковС");
    EXPECT_EQ(run(router, make_request("GET", "/users/a+b/x")).body, "a+b"); // '+' kept in paths
    EXPECT_EQ(run(router, make_request("GET", "/users//x")).status, 404);
}

TEST(Router, DroppedResponderAnswers500) {
    Router router;
    router.add("GET", "/drop", [](const Request&, Responder) {});
    EXPECT_EQ(run(router, make_request("GET", "/drop")).status, 500);
}

TEST(Router, ThrowingSyncHandlerAnswers500AndGoesNoFurther) {
    Router router;
    router.add("GET", "/throw", sync([](const Request&) -> Response { throw 42; }));
    std::optional<Response> out;
    Request req = make_request("GET", "/throw");
    EXPECT_NO_THROW(router.dispatch(req, Responder([&out](Response r) { out = std::move(r); })));
    ASSERT_TRUE(out);
    EXPECT_EQ(out->status, 500);
}

TEST(Responder, OnlyTheFirstInvocationCounts) {
    int calls = 0;
    Responder r([&calls](Response) { ++calls; });
    EXPECT_TRUE(static_cast<bool>(r));
    r(empty(200));
    r(empty(201));
    EXPECT_EQ(calls, 1);
    EXPECT_FALSE(static_cast<bool>(r));
}

TEST(Responder, MovedResponderAnswersOnce) {
    std::vector<int> statuses;
    {
        Responder a([&statuses](Response resp) { statuses.push_back(resp.status); });
        Responder b(std::move(a));
        b(empty(204));
    }
    EXPECT_EQ(statuses, std::vector<int>{204});
}

} // namespace
} // namespace logintest::mocks::common
