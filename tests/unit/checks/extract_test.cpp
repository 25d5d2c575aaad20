// extract(): each source takes its value, or says why it could not.
#include "harness/checks/evaluate.hpp"

#include "step_fixture.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace logintest::harness::checks {
namespace {

using model::ExtractSource;
using namespace testing;

ExtractResult take(const model::Extract& e, const http::FetchResult& fetch,
                   const http::CookieJar& jar = {}) {
    return extract(e, StepView{fetch, jar, 1});
}

TEST(Extract, JsonTakesStringsAsTextAndOtherValuesAsJson) {
    const auto answer = json_answer(
        200, R"({"lt":"123456789","salt":"1458933352","n":592640,"ok":true,"o":{"a/b":[1]}})");
    EXPECT_EQ(take(extract_of(ExtractSource::json, "/salt"), answer).value, "1458933352");
    EXPECT_EQ(take(extract_of(ExtractSource::json, "/n"), answer).value, "592640");
    EXPECT_EQ(take(extract_of(ExtractSource::json, "/ok"), answer).value, "true");
    EXPECT_EQ(take(extract_of(ExtractSource::json, "/o/a~1b/0"), answer).value, "1");
    const auto missing = take(extract_of(ExtractSource::json, "/at"), answer);
    EXPECT_FALSE(missing.ok());
    EXPECT_EQ(missing.error, "no JSON value at /at");
}

TEST(Extract, JsonFromANonJsonBodyIsAnError) {
    const auto page = fetch_of({exchange(login_url, 200, {{"Content-Type", "text/html"}}, "<p>")});
    EXPECT_EQ(take(extract_of(ExtractSource::json, "/salt"), page).error,
              "the body is not JSON (text/html)");
}

TEST(Extract, HeaderTakesTheFirstOfThatName) {
    const auto answer = json_answer(200, "{}", {{"X-A", "1"}, {"x-a", "2"}});
    EXPECT_EQ(take(extract_of(ExtractSource::header, "x-A"), answer).value, "1");
    EXPECT_EQ(take(extract_of(ExtractSource::header, "X-B"), answer).error,
              "the answer has no X-B header");
}

TEST(Extract, CookieComesFromTheJarForTheFinalUrl) {
    http::CookieJar jar;
    jar.store(login_url, "NSSESSIONID=0123456789abcdef0123456789abcdef; Path=/; HttpOnly");
    const auto answer = json_answer(200, "{}");
    EXPECT_EQ(take(extract_of(ExtractSource::cookie, "NSSESSIONID"), answer, jar).value,
              "0123456789abcdef0123456789abcdef");
    EXPECT_THAT(take(extract_of(ExtractSource::cookie, "ESRNSec"), answer, jar).error,
                HasSubstr("the jar holds no cookie ESRNSec"));
}

TEST(Extract, RegexTakesTheFirstGroupOrTheWholeMatch) {
    const auto page = fetch_of({exchange(login_url, 200, {}, "state=ab-12; code=77")});
    EXPECT_EQ(take(extract_of(ExtractSource::regex, "state=([a-z0-9-]+)"), page).value, "ab-12");
    EXPECT_EQ(take(extract_of(ExtractSource::regex, "code=[0-9]+"), page).value, "code=77");
    EXPECT_EQ(take(extract_of(ExtractSource::regex, "nothing"), page).error,
              "the body does not match nothing");
    EXPECT_THAT(take(extract_of(ExtractSource::regex, "(x"), page).error, HasSubstr("bad regex"));
}

TEST(Extract, FinalQueryReadsTheLastUrl) {
    const auto chain = fetch_of(
        {exchange("http://asurso.ru:8080/webapi/sso/esia/callback?code=1", 302,
                  {{"Location", "http://asurso.ru:8080/app/login?loginState=abc-1&x=a+b"}}),
         exchange("http://asurso.ru:8080/app/login?loginState=abc-1&x=a+b", 200, {})});
    EXPECT_EQ(take(extract_of(ExtractSource::final_query, "loginState"), chain).value, "abc-1");
    EXPECT_EQ(take(extract_of(ExtractSource::final_query, "x"), chain).value, "a b");
    EXPECT_THAT(take(extract_of(ExtractSource::final_query, "code"), chain).error,
                HasSubstr("has no query parameter code"));
}

TEST(Extract, LocationQueryReadsTheFirstAnswerWithALocation) {
    const auto chain = fetch_of(
        {exchange("http://asurso.ru:8080/webapi/sso/esia/crosslogin", 302,
                  {{"Location", "http://esia.gosuslugi.ru:8080/aas/oauth2/v2/ac?state=s-1"}}),
         exchange("http://esia.gosuslugi.ru:8080/aas/oauth2/v2/ac?state=s-1", 302,
                  {{"Location", "/login/?state=s-2"}}),
         exchange("http://esia.gosuslugi.ru:8080/login/?state=s-2", 200, {})});
    EXPECT_EQ(take(extract_of(ExtractSource::location_query, "state"), chain).value, "s-1");
    EXPECT_EQ(
        take(extract_of(ExtractSource::location_query, "state"), json_answer(200, "{}")).error,
        "the answer (status 200) has no Location header");
}

TEST(Extract, XPathTakesAnAttributeOrElementText) {
    const auto page =
        fetch_of({exchange(login_url, 200, {},
                           "<form id=bind-card><input type=hidden name=loginState value='ls-1'>"
                           "<h1> Привязка   учётной записи </h1></form>")});
    EXPECT_EQ(
        take(extract_of(ExtractSource::xpath, "//input[@name='loginState']/@value"), page).value,
        "ls-1");
    EXPECT_EQ(take(extract_of(ExtractSource::xpath, "//h1"), page).value,
              "Привязка учётной записи");
    EXPECT_EQ(take(extract_of(ExtractSource::xpath, "//select"), page).error,
              "no node matches //select");
    EXPECT_THAT(take(extract_of(ExtractSource::xpath, "//p["), page).error, HasSubstr("bad XPath"));
}

TEST(Extract, NoAnswerIsAnError) {
    http::FetchResult none;
    none.outcome = model::Outcome::refused;
    EXPECT_EQ(take(extract_of(ExtractSource::json, "/a"), none).error, "the step got no answer");
}

} // namespace
} // namespace logintest::harness::checks
