// Issue 10, finding 7: a redirect to a URL the client does not follow (file:, gopher:,
// javascript:, no host) ends the fetch with a reason that names the scheme, instead of
// silently taking the 3xx as the answer. Over the in-memory transport; no sockets.
#include "harness/http/client.hpp"

#include "tests/support/memory_transport.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>

namespace logintest::harness::http {
namespace {

using model::Outcome;
using ::testing::HasSubstr;
using ::testing::Not;

FetchResult fetch_after_redirect(const std::string& location, bool follow = true) {
    tests::MemoryTransport transport;
    transport.answer("a.test", "/start", 302, "", {{"Location", location}});
    auto created = ClientContext::create({}, &transport);
    EXPECT_TRUE(created.ok()) << created.error;
    boost::asio::io_context io;
    Session session(io.get_executor(), *created.context);
    std::optional<FetchResult> result;
    Request request;
    request.url = "http://a.test/start";
    boost::asio::co_spawn(io, session.fetch(std::move(request), follow),
                          [&](std::exception_ptr, FetchResult r) { result = std::move(r); });
    io.run();
    EXPECT_EQ(transport.requests().size(), 1u) << "nothing is requested after the 302";
    return result.value_or(FetchResult{});
}

TEST(RedirectScheme, FileAndGopherAreNotFollowedAndTheStepSaysWhy) {
    for (const std::string scheme : {"file", "gopher", "javascript", "ftp", "data"}) {
        const std::string location =
            scheme == "file" ? "file:///etc/passwd" : scheme + "://evil.test/x?code=c0de";
        const FetchResult r = fetch_after_redirect(location);
        EXPECT_EQ(r.outcome, Outcome::request_error) << scheme;
        EXPECT_THAT(r.error, HasSubstr("302 redirect is not followed")) << scheme;
        EXPECT_THAT(r.error, HasSubstr("'" + scheme + ":' URL")) << scheme;
        EXPECT_THAT(r.error, HasSubstr("only http and https")) << scheme;
        EXPECT_THAT(r.error, Not(HasSubstr("c0de"))) << "the URL's query stays out";
        ASSERT_EQ(r.exchanges.size(), 1u) << "the 3xx is kept as the last hop";
        EXPECT_EQ(r.final_response().status, 302);
    }
}

TEST(RedirectScheme, ABrokenHttpLocationSaysSoToo) {
    const FetchResult r = fetch_after_redirect("http://");
    EXPECT_EQ(r.outcome, Outcome::request_error);
    EXPECT_THAT(r.error, HasSubstr("not a valid http URL"));
}

TEST(RedirectScheme, WithoutFollowingTheThreeHundredIsTheAnswer) {
    const FetchResult r = fetch_after_redirect("gopher://evil.test/", false);
    EXPECT_TRUE(r.ok()) << r.error;
    EXPECT_EQ(r.final_response().status, 302);
}

TEST(RedirectScheme, RedirectTargetIsThePureDecision) {
    const RedirectTarget relative = redirect_target("http://a.test/x/y", "../z?q=1");
    EXPECT_TRUE(relative.ok());
    EXPECT_EQ(relative.url, "http://a.test/z?q=1");
    EXPECT_EQ(redirect_target("https://a.test/", "GOPHER://b/").refused,
              "its Location is a 'gopher:' URL, and only http and https URLs are followed");
    EXPECT_EQ(redirect_target("http://a.test/", "https://:99999/").refused,
              "its Location is not a valid https URL (no host, or a bad port)");
    EXPECT_FALSE(redirect_target("not a url", "/x").ok());
}

} // namespace
} // namespace logintest::harness::http
