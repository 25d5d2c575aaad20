// Tests of the URL helpers: parsing, redirect Location resolution (RFC 3986 §5), form-style
// query reading and percent-encoding of query strings and form bodies (GEN-3).
#include "harness/http/url.hpp"
#include "support/url/percent.hpp"

#include <gtest/gtest.h>

namespace logintest::harness::http {
namespace {

TEST(ParseUrl, SplitsHttpUrlWithDefaultPort) {
    auto url = parse_url("http://Asurso.RU/webapi/login?x=1#frag");
    ASSERT_TRUE(url);
    EXPECT_EQ(url->scheme, "http");
    EXPECT_EQ(url->host, "asurso.ru");
    EXPECT_EQ(url->port, 80);
    EXPECT_EQ(url->path, "/webapi/login");
    EXPECT_EQ(url->target, "/webapi/login?x=1");
}

TEST(ParseUrl, UsesExplicitPortAndDefaultsTargetToSlash) {
    auto url = parse_url("https://esia.gosuslugi.ru:8443");
    ASSERT_TRUE(url);
    EXPECT_EQ(url->scheme, "https");
    EXPECT_EQ(url->port, 8443);
    EXPECT_EQ(url->target, "/");
    EXPECT_EQ(url->path, "/");
    EXPECT_EQ(parse_url("HTTPS://h/")->port, 443);
}

TEST(ParseUrl, StripsIpv6Brackets) {
    auto url = parse_url("http://[::1]:8080/a?b");
    ASSERT_TRUE(url);
    EXPECT_EQ(url->host, "::1");
    EXPECT_EQ(url->port, 8080);
    EXPECT_EQ(url->target, "/a?b");
}

TEST(ParseUrl, KeepsQueryWithEmptyPath) {
    auto url = parse_url("http://h?q=1");
    ASSERT_TRUE(url);
    EXPECT_EQ(url->target, "/?q=1");
}

TEST(ParseUrl, RejectsNonHttpAndRelativeUrls) {
    EXPECT_FALSE(parse_url("ftp://h/"));
    EXPECT_FALSE(parse_url("/relative/path"));
    EXPECT_FALSE(parse_url("not a url"));
    EXPECT_FALSE(parse_url("http:///nohost"));
    EXPECT_FALSE(parse_url("http://h:99999/"));
    EXPECT_FALSE(parse_url(""));
}

TEST(ResolveUrl, ResolvesDotDotSegments) {
    EXPECT_EQ(resolve_url("http://a/b/c/d?q", "../x"), "http://a/b/x");
    EXPECT_EQ(resolve_url("http://a/b/c/d", "../../../x"), "http://a/x");
}

TEST(ResolveUrl, MatchesRfc3986Examples) {
    // RFC 3986 §5.4.1 and §5.4.2 (base "http://a/b/c/d;p?q").
    const std::vector<std::pair<std::string, std::string>> examples = {
        {"g:h", "g:h"},
        {"g", "http://a/b/c/g"},
        {"./g", "http://a/b/c/g"},
        {"g/", "http://a/b/c/g/"},
        {"/g", "http://a/g"},
        {"//g", "http://g"},
        {"?y", "http://a/b/c/d;p?y"},
        {"g?y", "http://a/b/c/g?y"},
        {"#s", "http://a/b/c/d;p?q#s"},
        {"g;x?y#s", "http://a/b/c/g;x?y#s"},
        {"", "http://a/b/c/d;p?q"},
        {".", "http://a/b/c/"},
        {"./", "http://a/b/c/"},
        {"..", "http://a/b/"},
        {"../", "http://a/b/"},
        {"../g", "http://a/b/g"},
        {"../..", "http://a/"},
        {"../../g", "http://a/g"},
        {"../../../g", "http://a/g"},
        {"../../../../g", "http://a/g"},
        {"/./g", "http://a/g"},
        {"/../g", "http://a/g"},
        {"g.", "http://a/b/c/g."},
        {".g", "http://a/b/c/.g"},
        {"g..", "http://a/b/c/g.."},
        {"..g", "http://a/b/c/..g"},
        {"./../g", "http://a/b/g"},
        {"./g/.", "http://a/b/c/g/"},
        {"g/./h", "http://a/b/c/g/h"},
        {"g/../h", "http://a/b/c/h"},
        {"g;x=1/./y", "http://a/b/c/g;x=1/y"},
        {"g;x=1/../y", "http://a/b/c/y"},
    };
    for (const auto& [reference, expected] : examples) {
        EXPECT_EQ(resolve_url("http://a/b/c/d;p?q", reference), expected) << reference;
    }
}

TEST(ResolveUrl, ResolvesQueryOnlyReference) {
    EXPECT_EQ(resolve_url("http://a/b/c?old=1", "?q=2"), "http://a/b/c?q=2");
}

TEST(ResolveUrl, ResolvesNetworkPathReference) {
    EXPECT_EQ(resolve_url("https://a:8443/b/c", "//other.host/p"), "https://other.host/p");
}

TEST(ResolveUrl, KeepsAbsoluteLocation) {
    EXPECT_EQ(resolve_url("http://asurso.ru:8080/webapi/sso/esia/crosslogin",
                          "http://esia.gosuslugi.ru:8080/aas/oauth2/ac?state=1"),
              "http://esia.gosuslugi.ru:8080/aas/oauth2/ac?state=1");
}

TEST(ResolveUrl, ResolvesAbsolutePathAndRelativeName) {
    EXPECT_EQ(resolve_url("http://a/b/c", "/app/login?x=1"), "http://a/app/login?x=1");
    EXPECT_EQ(resolve_url("http://a/b/c", "d"), "http://a/b/d");
}

TEST(ResolveUrl, EscapesRawNonAsciiInLocation) {
    EXPECT_EQ(resolve_url("http://a/b", "/п?x=a b"), "http://a/%D0%BF?x=a%20b");
}

TEST(ResolveUrl, FailsForUnparsableBase) {
    EXPECT_FALSE(resolve_url("relative", "x"));
}

TEST(QueryParam, DecodesPlusAsSpaceAndPercent2BAsPlus) {
    std::string url = "http://h/p?a=Gos+Usl%2B2&b=%D0%B0&empty=&flag";
    EXPECT_EQ(query_param(url, "a"), "Gos Usl+2");
    EXPECT_EQ(query_param(url, "b"), "а");
    EXPECT_EQ(query_param(url, "empty"), "");
    EXPECT_EQ(query_param(url, "flag"), "");
    EXPECT_FALSE(query_param(url, "missing"));
}

TEST(QueryParam, ReturnsFirstOfRepeatedParameter) {
    EXPECT_EQ(query_param("http://h/?x=1&x=2", "x"), "1");
}

TEST(QueryParam, ReadsLoginStateFromRedirect) {
    EXPECT_EQ(query_param("http://asurso.ru:8080/app/login?loginState=ab-12", "loginState"),
              "ab-12");
}

TEST(AppendQuery, AddsQueryToUrlWithout) {
    EXPECT_EQ(append_query("http://h/p", {{"a", "1"}, {"b", "x y"}}), "http://h/p?a=1&b=x%20y");
}

TEST(AppendQuery, KeepsExistingQueryAndFragment) {
    EXPECT_EQ(append_query("http://h/p?z=0#f", {{"a", "Gos+Usl&2"}}),
              "http://h/p?z=0&a=Gos%2BUsl%262#f");
    EXPECT_EQ(append_query("http://h/p?", {{"a", "1"}}), "http://h/p?a=1");
    EXPECT_EQ(append_query("http://h/p", {}), "http://h/p");
}

// The form bodies themselves are support::form_encode's (tests/unit/support/percent_test.cpp);
// query_param reads back what it writes.
TEST(FormEncode, RoundTripsThroughQueryParam) {
    std::string value = "Gos+Usl&2 =?ё";
    using Fields = std::vector<std::pair<std::string, std::string>>;
    auto url = "http://h/?" + support::form_encode(Fields{{"p", value}});
    EXPECT_EQ(query_param(url, "p"), value);
}

TEST(UrlMemo, GivesWhatParseUrlGivesForNewAndRepeatedUrls) {
    UrlMemo memo;
    const std::string login = "http://Asurso.RU:8080/webapi/login?x=1";
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < 12; ++i) { // more URLs than it keeps
            const std::string url = "http://h" + std::to_string(i) + "/p" + std::to_string(i);
            ASSERT_TRUE(memo.parse(url));
            EXPECT_EQ(memo.parse(url)->host, "h" + std::to_string(i));
        }
        const auto parts = memo.parse(login);
        ASSERT_TRUE(parts);
        EXPECT_EQ(parts->host, "asurso.ru");
        EXPECT_EQ(parts->target, "/webapi/login?x=1");
        EXPECT_FALSE(memo.parse("not a url"));
        EXPECT_FALSE(memo.parse("not a url"));
    }
}

} // namespace
} // namespace logintest::harness::http

namespace logintest::harness::http {
namespace {

TEST(UrlMemo, KeepsAnswersRightPastItsCapacityAndAfterClear) {
    UrlMemo memo;
    for (std::size_t round = 0; round < 2; ++round) {
        for (std::size_t i = 0; i < UrlMemo::capacity + 3; ++i) {
            const std::string url = "http://asurso.ru:8080/p" + std::to_string(i) + "?q=1";
            const auto parts = memo.parse(url);
            ASSERT_TRUE(parts) << url;
            EXPECT_EQ(parts->target, "/p" + std::to_string(i) + "?q=1");
            EXPECT_EQ(parts->port, 8080);
        }
        memo.clear();
    }
    EXPECT_FALSE(memo.parse("not a url"));
}

} // namespace
} // namespace logintest::harness::http
