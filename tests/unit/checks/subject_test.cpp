// One lookup for checks and extractors: an extract reads exactly what the check of the same
// subject sees; the step's body is parsed once and shared by every check of the step; cookie
// attributes come from the cookie as parsed; compiled patterns from the loader are used as is.
#include "harness/checks/subject.hpp"

#include "harness/scenario/pattern.hpp"
#include "step_fixture.hpp"

#include <boost/json.hpp>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace logintest::harness::checks {
namespace {

using model::CookieAttribute;
using model::ExtractSource;
using namespace testing;

const std::string page = "<html><body><form id=\"f\"><input name=\"csrf\" value=\"a1b2\"/>"
                         "</form><p id=\"n\">  42 </p></body></html>";

// A redirect with a Location query, then a JSON answer that sets a cookie.
http::FetchResult two_hops() {
    return fetch_of(
        {exchange("http://esia.gosuslugi.ru:8080/aas/oauth2/v2/ac", 302,
                  {{"Location", "http://asurso.ru:8080/webapi/sso/esia/crosslogin?code=c0de&x=1"}}),
         exchange("http://asurso.ru:8080/webapi/sso/esia/crosslogin?code=c0de&x=1", 200,
                  {json_type,
                   {"X-Request-Id", "r-17"},
                   {"Set-Cookie", "NSSESSIONID=0123456789abcdef; Path=/; Max-Age=abc; "
                                  "Max-Age=3600; HttpOnly"}},
                  R"({"salt":"123456","user":{"id":592640},"ok":true})")});
}

TEST(Subject, EveryExtractReadsWhatTheCheckOfTheSameSubjectSees) {
    const auto fetch = two_hops();
    http::CookieJar jar;
    jar.store("http://asurso.ru:8080/webapi/sso/esia/crosslogin", "ESRNSec=s3cr3t; Path=/");
    const StepView view{fetch, jar, 1};
    const struct {
        ExtractSource source;
        CheckSubject subject;
        std::string path;
        std::string value;
    } cases[] = {
        {ExtractSource::json, CheckSubject::json, "/salt", "123456"},
        {ExtractSource::json, CheckSubject::json, "/user/id", "592640"},
        {ExtractSource::header, CheckSubject::header, "X-Request-Id", "r-17"},
        {ExtractSource::cookie, CheckSubject::jar_cookie, "ESRNSec", "s3cr3t"},
        {ExtractSource::final_query, CheckSubject::final_query, "code", "c0de"},
        {ExtractSource::location_query, CheckSubject::location_query, "x", "1"},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(subject_of(c.source), c.subject);
        const auto check = testing::check(c.subject, c.path, CheckOp::equals);
        const Subject seen = find_subject(lookup_of(check, nullptr), view);
        ASSERT_TRUE(seen.present()) << c.path;
        EXPECT_EQ(seen.text(), c.value);
        const auto taken = extract(extract_of(c.source, c.path), view);
        EXPECT_TRUE(taken.ok()) << taken.error;
        EXPECT_EQ(taken.value, c.value) << c.path;
    }
}

TEST(Subject, XPathExtractAndCheckShareTheHtmlParse) {
    const auto fetch = fetch_of({exchange(login_url, 200, {}, page)});
    const http::CookieJar jar;
    const StepView view{fetch, jar, 1};
    const auto check = testing::check(CheckSubject::xpath, "//p[@id='n']", CheckOp::equals, "42");
    EXPECT_EQ(evaluate(check, "42", view).verdict, Verdict::pass);
    const auto* document = &view.parses.html(fetch.final_response().body, TextSource::body);
    EXPECT_EQ(extract(extract_of(ExtractSource::xpath, "//p[@id='n']"), view).value, "42");
    EXPECT_EQ(extract(extract_of(ExtractSource::form, "//form[@id='f']"), view).fields.at(0),
              (std::pair<std::string, std::string>{"csrf", "a1b2"}));
    EXPECT_EQ(&view.parses.html(fetch.final_response().body, TextSource::body), document);
}

TEST(Subject, MissingValuesAreWordedForChecksAndForExtracts) {
    const auto fetch = two_hops();
    const http::CookieJar jar;
    const StepView view{fetch, jar, 1};
    const auto check = testing::check(CheckSubject::json, "/nope", CheckOp::exists);
    EXPECT_EQ(find_subject(lookup_of(check, nullptr), view).missing, "no value at /nope");
    EXPECT_EQ(extract(extract_of(ExtractSource::json, "/nope"), view).error,
              "no JSON value at /nope");
}

TEST(StepParses, TheBodyIsParsedOncePerStep) {
    const auto fetch = json_answer(200, R"({"at":"4012341777721575425550192","n":1})");
    const http::CookieJar jar;
    const StepView view{fetch, jar, 1};
    const auto at = testing::check(CheckSubject::json, "/at", CheckOp::matches, "^[0-9]{25}$");
    const auto n = testing::check(CheckSubject::json, "/n", CheckOp::equals, "1");
    EXPECT_EQ(verdict_of(at, at.expected.text, view), Verdict::pass);
    const boost::json::value* parsed =
        view.parses.json(fetch.final_response().body, TextSource::body);
    ASSERT_NE(parsed, nullptr);
    EXPECT_EQ(verdict_of(n, n.expected.text, view), Verdict::pass);
    EXPECT_EQ(view.parses.json(fetch.final_response().body, TextSource::body), parsed);
    // the subject views the step's parse instead of copying the value
    const Subject seen = find_subject(lookup_of(n, nullptr), view);
    EXPECT_EQ(seen.json, parsed->as_object().if_contains("n"));
}

TEST(StepParses, TheLastOfTextIsKeptAndAnotherIsParsedAfresh) {
    StepParses parses;
    const std::string a = R"({"sub":"1"})";
    const std::string b = R"({"sub":"2"})";
    const auto* first = parses.json(a, TextSource::of);
    ASSERT_NE(first, nullptr);
    EXPECT_EQ(parses.json(std::string(a), TextSource::of), first);
    const auto* second = parses.json(b, TextSource::of);
    ASSERT_NE(second, nullptr);
    EXPECT_EQ(second->at("sub").as_string(), "2");
    EXPECT_EQ(parses.json("not json", TextSource::of), nullptr);
}

TEST(Subject, CookieAttributesComeFromTheParsedCookie) {
    const auto fetch = two_hops();
    const http::CookieJar jar;
    const StepView view{fetch, jar, 1};
    auto attribute = [&](CookieAttribute a) {
        auto c = testing::check(CheckSubject::cookie_set, "NSSESSIONID", CheckOp::equals);
        c.cookie_attribute = a;
        return find_subject(lookup_of(c, nullptr), view);
    };
    // the last valid Max-Age wins (RFC 6265 §5.2.2), as the jar reads it
    const Subject max_age = attribute(CookieAttribute::max_age);
    EXPECT_EQ(max_age.text(), "3600");
    EXPECT_EQ(max_age.number, 3600.0);
    EXPECT_EQ(attribute(CookieAttribute::http_only).text(), "true");
    EXPECT_EQ(attribute(CookieAttribute::secure).text(), "false");
    EXPECT_EQ(attribute(CookieAttribute::path).text(), "/");
    EXPECT_EQ(attribute(CookieAttribute::domain).text(), "");
    EXPECT_EQ(attribute(CookieAttribute::none).text(), "0123456789abcdef");
}

TEST(Subject, ACompiledPatternFromTheLoaderIsUsedAsIs) {
    const auto fetch = json_answer(200, R"({"salt":"123456"})");
    const http::CookieJar jar;
    const StepView view{fetch, jar, 1};
    auto c = testing::check(CheckSubject::json, "/salt", CheckOp::matches, "^[1-9][0-9]*$");
    std::string error;
    c.pattern = scenario::Pattern::compile_shared("^x", error); // differs from the text
    EXPECT_EQ(verdict_of(c, c.expected.text, view), Verdict::fail);
    EXPECT_EQ(evaluate(c, c.expected.text, view).message,
              "json /salt was \"123456\", which does not match ^[1-9][0-9]*$");
    c.pattern.reset(); // a templated regex: compiled from the expanded text
    EXPECT_EQ(verdict_of(c, c.expected.text, view), Verdict::pass);

    model::Extract ex = extract_of(ExtractSource::regex, "salt\":\"([0-9]+)");
    EXPECT_EQ(extract(ex, view).value, "123456");
    ex.pattern = scenario::Pattern::compile_shared("(1)", error);
    EXPECT_EQ(extract(ex, view).value, "1");
}

} // namespace
} // namespace logintest::harness::checks
