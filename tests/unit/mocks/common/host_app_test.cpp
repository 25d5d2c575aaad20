// The hosts' shared application base (mocks/common/host_app.hpp): one behaviour on both hosts
// for a handler that throws: the request answers 500, counted like any answer, handle()
// returns normally, and the host keeps serving.
#include "mocks/common/responses.hpp"
#include "tests/unit/mocks/asurso/asurso_test_support.hpp"
#include "tests/unit/mocks/esia/esia_test_support.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace logintest::mocks {
namespace {

template <class State> common::Response throws_sync(State&, const common::Request&) {
    throw std::runtime_error("handler bug");
}

template <class State> void throws_async(State&, const common::Request&, common::Responder) {
    throw std::runtime_error("handler bug");
}

template <class App> void expect_500_then_serving(App& app) {
    app.route("GET", "/test/throws", throws_sync);
    app.route_async("GET", "/test/throws-async", throws_async);
    for (const char* path : {"/test/throws", "/test/throws-async"}) {
        common::Response answer;
        EXPECT_NO_THROW(answer = host_testing::call(app, common::make_request("GET", path)))
            << path;
        EXPECT_EQ(answer.status, 500) << path;
        EXPECT_EQ(answer.body, common::internal_error().body) << path;
    }
    EXPECT_EQ(app.state().counters.status(500), 2);
    EXPECT_EQ(host_testing::call(app, common::make_request("GET", "/mock/health")).status, 200);
}

TEST(HostApp, AsursoAnswers500WhenAHandlerThrows) {
    auto app = testing::make_asurso();
    expect_500_then_serving(*app);
}

TEST(HostApp, EsiaAnswers500WhenAHandlerThrows) {
    auto app = esia_testing::make_esia();
    expect_500_then_serving(*app);
}

} // namespace
} // namespace logintest::mocks
