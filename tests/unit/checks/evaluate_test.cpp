// evaluate(): every subject and operator passes and fails as documented, a check that cannot
// be evaluated fails with the reason (never passes), warnings WARN, secrets stay masked.
#include "harness/checks/evaluate.hpp"

#include "harness/scenario/cookie_attributes.hpp"
#include "step_fixture.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace logintest::harness::checks {
namespace {

using ::testing::Not;
using namespace testing;

const std::string at_value = "4012341777721575425550192";
const std::string login_body =
    R"({"at":")" + at_value +
    R"(","code":null,"timeOut":3600000,"tokenType":"Bearer","accountInfo":{"user":{"id":592640,)"
    R"("name":"Иванов И."},"userRoles":[{"userId":592640,"role":{"id":1,"name":"Ученик"}}],)"
    R"("secureActiveToken":"c2VjcmV0"},"entryPoint":"/app/school/main/","requestData":{},)"
    R"("errorMessage":null,"ratio":0.5,"schoolLogin":true,"list":[]})";

model::CheckResult run(const model::Check& c, const http::FetchResult& fetch,
                       const std::string& expected, double elapsed_ms = 10) {
    const http::CookieJar jar;
    return evaluate(c, expected, StepView{fetch, jar, elapsed_ms});
}

model::CheckResult run(const model::Check& c, const http::FetchResult& fetch) {
    return run(c, fetch, c.expected.text);
}

// A json check at `path` on `answer`.
model::CheckResult json_check(const http::FetchResult& answer, const std::string& path, CheckOp op,
                              const std::string& expected = "") {
    return run(check(CheckSubject::json, path, op, expected), answer);
}

TEST(Evaluate, StatusEqualsPassesAndFailsWithBothValues) {
    const auto c = check(CheckSubject::status, "", CheckOp::equals, "200");
    const auto pass = run(c, json_answer(200, "{}"));
    EXPECT_EQ(pass.verdict, Verdict::pass);
    EXPECT_EQ(pass.actual, "200");
    EXPECT_EQ(pass.message, "");
    const auto fail = run(c, json_answer(409, "{}"));
    EXPECT_EQ(fail.verdict, Verdict::fail);
    EXPECT_EQ(fail.actual, "409");
    EXPECT_EQ(fail.message, "status was 409, expected 200");
}

TEST(Evaluate, CopiesClausesCheckIdLocationAndDescription) {
    auto c = check(CheckSubject::status, "", CheckOp::equals, "200");
    const auto r = run(c, json_answer(200, "{}"));
    EXPECT_EQ(r.clauses, (std::vector<std::string>{"NS-LOGIN-22"}));
    EXPECT_EQ(r.check_id, "J1-08");
    EXPECT_EQ(r.where.file, "school_login.xml");
    EXPECT_EQ(r.where.line, 42);
    EXPECT_EQ(r.description, "status equals 200");
    c.description = "login succeeds";
    EXPECT_EQ(run(c, json_answer(200, "{}")).description, "login succeeds");
}

TEST(Evaluate, WarningSeverityGivesWarnInsteadOfFail) {
    auto c = check(CheckSubject::header, "Cache-Control", CheckOp::contains, "no-store");
    c.severity = model::Severity::warning;
    const auto r = run(c, json_answer(200, "{}", {{"Cache-Control", "private"}}));
    EXPECT_EQ(r.verdict, Verdict::warn);
    EXPECT_EQ(r.message, "header Cache-Control was private, which does not contain no-store");
    EXPECT_EQ(run(c, json_answer(200, "{}", {{"Cache-Control", "no-store"}})).verdict,
              Verdict::pass);
}

TEST(Evaluate, StatusMatchesNotEqualsAndLessThan) {
    EXPECT_EQ(run(check(CheckSubject::status, "", CheckOp::matches, "^4"), json_answer(409, "{}"))
                  .verdict,
              Verdict::pass);
    EXPECT_EQ(
        run(check(CheckSubject::status, "", CheckOp::not_equals, "500"), json_answer(500, "{}"))
            .message,
        "status was 500, expected anything else");
    EXPECT_EQ(
        run(check(CheckSubject::status, "", CheckOp::less_than, "500"), json_answer(404, "{}"))
            .verdict,
        Verdict::pass);
    EXPECT_EQ(
        run(check(CheckSubject::status, "", CheckOp::less_than, "400"), json_answer(404, "{}"))
            .message,
        "status was 404, expected less than 400");
}

TEST(Evaluate, JsonEqualsComparesTypedWhenTheExpectedValueIsJson) {
    const auto answer = json_answer(200, login_body);
    EXPECT_EQ(json_check(answer, "/schoolLogin", CheckOp::equals, "true").verdict, Verdict::pass);
    EXPECT_EQ(json_check(answer, "/list", CheckOp::equals, "[]").verdict, Verdict::pass);
    EXPECT_EQ(json_check(answer, "/accountInfo/user/id", CheckOp::equals, "592640").verdict,
              Verdict::pass);
    EXPECT_EQ(json_check(answer, "/accountInfo/user/id", CheckOp::equals, "592640.0").verdict,
              Verdict::pass);
    EXPECT_EQ(json_check(answer, "/code", CheckOp::equals, "null").verdict, Verdict::pass);
    EXPECT_EQ(json_check(answer, "/requestData", CheckOp::equals, "{}").verdict, Verdict::pass);
    const auto typed = json_answer(200, R"({"schoolLogin":"true","id":"592640"})");
    const auto as_string =
        run(check(CheckSubject::json, "/schoolLogin", CheckOp::equals, "true"), typed);
    EXPECT_EQ(as_string.verdict, Verdict::fail);
    EXPECT_EQ(as_string.message, R"(json /schoolLogin was "true", expected true)");
    EXPECT_EQ(run(check(CheckSubject::json, "/id", CheckOp::equals, "592640"), typed).verdict,
              Verdict::fail);
}

TEST(Evaluate, JsonEqualsFallsBackToStringComparisonForPlainText) {
    const auto answer = json_answer(200, R"({"login":"ИвановИ","n":5,"entry":"/app/x/"})");
    EXPECT_EQ(json_check(answer, "/login", CheckOp::equals, "ИвановИ").verdict, Verdict::pass);
    const auto fail = json_check(answer, "/entry", CheckOp::equals, "/app/school/main/");
    EXPECT_EQ(fail.verdict, Verdict::fail);
    EXPECT_EQ(fail.message, R"(json /entry was "/app/x/", expected /app/school/main/)");
    EXPECT_EQ(json_check(answer, "/n", CheckOp::equals, "five").message,
              "json /n was 5, expected the string five");
}

TEST(Evaluate, JsonWholeBodyEqualsIgnoresKeyOrderAndEscapes) {
    const auto c = check(CheckSubject::json, "", CheckOp::equals,
                         R"({"message":"Неправильный пароль или имя пользователя"})");
    EXPECT_EQ(
        run(c, json_answer(409, R"( {"message":"\u041d\u0435\u043f\u0440\u0430\u0432\u0438)"
                                R"(\u043b\u044c\u043d\u044b\u0439 пароль или имя пользователя"})"))
            .verdict,
        Verdict::pass);
    const auto fail = run(c, json_answer(409, R"({"message":"Неправильный пароль"})"));
    EXPECT_EQ(fail.verdict, Verdict::fail);
    EXPECT_EQ(run(check(CheckSubject::json, "", CheckOp::equals, R"({"b":1,"a":[1,2]})"),
                  json_answer(200, R"({"a":[1,2],"b":1})"))
                  .verdict,
              Verdict::pass);
    EXPECT_EQ(run(check(CheckSubject::json, "", CheckOp::equals, R"({"a":1})"),
                  json_answer(200, R"({"a":1,"b":2})"))
                  .verdict,
              Verdict::fail);
}

TEST(Evaluate, JsonTypeMatchesExistsAbsent) {
    const auto answer = json_answer(200, login_body);
    EXPECT_EQ(json_check(answer, "/tokenType", CheckOp::type_is, "string").verdict, Verdict::pass);
    EXPECT_EQ(json_check(answer, "/timeOut", CheckOp::type_is, "integer").verdict, Verdict::pass);
    EXPECT_EQ(json_check(answer, "/ratio", CheckOp::type_is, "number").verdict, Verdict::pass);
    EXPECT_EQ(json_check(answer, "/ratio", CheckOp::type_is, "integer").message,
              "json /ratio is a number (0.5), expected integer");
    EXPECT_EQ(json_check(answer, "/timeOut", CheckOp::type_is, "string").message,
              "json /timeOut is an integer (3600000), expected string");
    EXPECT_EQ(json_check(answer, "/list", CheckOp::type_is, "object").message,
              "json /list is an array ([]), expected object");
    EXPECT_EQ(json_check(answer, "/entryPoint", CheckOp::matches, "^/app/").verdict, Verdict::pass);
    EXPECT_EQ(json_check(answer, "/entryPoint", CheckOp::matches, "^/asp/").message,
              R"(json /entryPoint was "/app/school/main/", which does not match ^/asp/)");
    EXPECT_EQ(
        json_check(answer, "/accountInfo/userRoles/0/role/name", CheckOp::contains, "Учен").verdict,
        Verdict::pass);
    EXPECT_EQ(json_check(answer, "/errorMessage", CheckOp::exists).verdict, Verdict::pass);
    EXPECT_EQ(json_check(answer, "/nope", CheckOp::exists).message,
              "json /nope is missing: no value at /nope");
    EXPECT_EQ(json_check(answer, "/nope", CheckOp::absent).verdict, Verdict::pass);
    EXPECT_EQ(json_check(answer, "/code", CheckOp::absent).message, "json /code is present: null");
    EXPECT_EQ(json_check(answer, "/nope", CheckOp::equals, "1").message,
              "json /nope is missing: no value at /nope");
    EXPECT_EQ(json_check(answer, "/timeOut", CheckOp::less_than, "3600001").verdict, Verdict::pass);
    EXPECT_EQ(json_check(answer, "/tokenType", CheckOp::less_than, "5").message,
              R"(json /tokenType was "Bearer", not a number)");
}

TEST(Evaluate, JsonOnABodyThatIsNotJsonFailsWithTheReason) {
    const auto page =
        fetch_of({exchange(login_url, 200, {{"Content-Type", "text/html; charset=utf-8"}},
                           "<html><body>hi</body></html>")});
    const auto r = run(check(CheckSubject::json, "/at", CheckOp::matches, "^[0-9]{25}$"), page);
    EXPECT_EQ(r.verdict, Verdict::fail);
    EXPECT_EQ(r.message, "json /at: the body is not JSON (text/html; charset=utf-8)");
    // absent must not pass just because nothing could be read
    EXPECT_EQ(run(check(CheckSubject::json, "/at", CheckOp::absent), page).verdict, Verdict::fail);
    EXPECT_EQ(run(check(CheckSubject::json, "", CheckOp::exists),
                  fetch_of({exchange(login_url, 200, {}, "")}))
                  .message,
              "json (whole body): the body is empty, not JSON");
}

TEST(Evaluate, NoAnswerNeverPasses) {
    http::FetchResult none;
    none.outcome = model::Outcome::timeout;
    none.error = "request timed out";
    auto c = check(CheckSubject::json, "/x", CheckOp::absent);
    const auto r = run(c, none);
    EXPECT_EQ(r.verdict, Verdict::fail);
    EXPECT_EQ(r.message, "the step got no usable answer (timeout: request timed out)");
    c.severity = model::Severity::warning;
    EXPECT_EQ(run(c, none).verdict, Verdict::warn);
}

TEST(Evaluate, SecretsAreMaskedInActualAndMessage) {
    const auto answer = json_answer(200, login_body, {{"at", at_value}});
    const auto fail = json_check(answer, "/at", CheckOp::matches, "^[0-9]{5}$");
    EXPECT_EQ(fail.verdict, Verdict::fail);
    EXPECT_THAT(fail.actual, HasSubstr("***#"));
    EXPECT_THAT(fail.actual, Not(HasSubstr(at_value)));
    EXPECT_THAT(fail.message, Not(HasSubstr(at_value)));
    const auto eq = json_check(answer, "/at", CheckOp::equals, "123");
    EXPECT_THAT(eq.message, Not(HasSubstr(at_value)));
    EXPECT_THAT(eq.message, Not(HasSubstr("123")));
    EXPECT_THAT(eq.description, Not(HasSubstr("123")));
    const auto header = run(check(CheckSubject::header, "at", CheckOp::equals, "1"), answer);
    EXPECT_THAT(header.actual, Not(HasSubstr(at_value)));
    // a whole-body JSON actual hides secret members but keeps the rest
    const auto whole = json_check(answer, "", CheckOp::equals, "{}");
    EXPECT_THAT(whole.actual, Not(HasSubstr(at_value)));
    EXPECT_THAT(whole.actual, Not(HasSubstr("c2VjcmV0")));
    EXPECT_THAT(whole.actual, HasSubstr("Bearer"));
    const auto body = run(check(CheckSubject::body, "", CheckOp::contains, "nothing"), answer);
    EXPECT_THAT(body.actual, Not(HasSubstr(at_value)));
    EXPECT_THAT(body.message, Not(HasSubstr(at_value)));
}

TEST(Evaluate, HeaderEqualsExistsAbsentIgnoringNameCase) {
    const auto answer = json_answer(200, "{}", {{"X-Count", "12"}});
    EXPECT_EQ(run(check(CheckSubject::header, "content-type", CheckOp::equals,
                        "application/json; charset=utf-8"),
                  answer)
                  .verdict,
              Verdict::pass);
    EXPECT_EQ(run(check(CheckSubject::header, "Content-Type", CheckOp::equals, "text/html"), answer)
                  .message,
              "header Content-Type was application/json; charset=utf-8, expected text/html");
    EXPECT_EQ(run(check(CheckSubject::header, "Location", CheckOp::exists), answer).message,
              "header Location is missing: the answer has no Location header");
    EXPECT_EQ(run(check(CheckSubject::header, "Location", CheckOp::absent), answer).verdict,
              Verdict::pass);
    EXPECT_EQ(run(check(CheckSubject::header, "X-Count", CheckOp::less_than, "13"), answer).verdict,
              Verdict::pass);
}

http::FetchResult login_with_cookies() {
    return json_answer(200, "{}",
                       {{"Set-Cookie", "NSSESSIONID=0123456789abcdef0123456789abcdef; Path=/; "
                                       "HttpOnly"},
                        {"Set-Cookie", "ESRNSec=; Path=/; HttpOnly"},
                        {"Set-Cookie", "ESRNSec=ESRNSECR592640=00112233445566778899aabbccddeeff; "
                                       "Path=/; HttpOnly"},
                        {"Set-Cookie", "TTSLogin=SCID=2436; Domain=asurso.ru; Max-Age=31536000; "
                                       "Secure; SameSite=Lax"}});
}

TEST(Evaluate, CookieSetSeesTheLastSetCookieOfThatName) {
    const auto answer = login_with_cookies();
    const auto r = run(check(CheckSubject::cookie_set, "ESRNSec", CheckOp::matches,
                             "^ESRNSECR592640=[0-9a-f]{32}$"),
                       answer);
    EXPECT_EQ(r.verdict, Verdict::pass);
    EXPECT_THAT(r.actual, HasSubstr("***#"));
    EXPECT_EQ(run(check(CheckSubject::cookie_set, "NSSESSIONID", CheckOp::exists), answer).verdict,
              Verdict::pass);
    const auto missing =
        run(check(CheckSubject::cookie_set, "ESIA_SESSION", CheckOp::exists), answer);
    EXPECT_EQ(missing.verdict, Verdict::fail);
    EXPECT_EQ(missing.message,
              "cookie ESIA_SESSION is missing: this step's answers did not set it");
}

TEST(Evaluate, CookieSetLooksAcrossEveryHop) {
    const auto fetch = fetch_of(
        {exchange("http://esia.gosuslugi.ru:8080/aas/oauth2/v2/ac", 302,
                  {{"Location", "/login/"}, {"Set-Cookie", "ESIA_SESSION=abc; Path=/; HttpOnly"}}),
         exchange("http://esia.gosuslugi.ru:8080/login/", 200, {})});
    EXPECT_EQ(run(check(CheckSubject::cookie_set, "ESIA_SESSION", CheckOp::exists), fetch).verdict,
              Verdict::pass);
}

TEST(Evaluate, CookieAttributesAreChecked) {
    const auto answer = login_with_cookies();
    auto attr = [&](std::string name, std::string attribute, std::string expected) {
        auto c =
            check(CheckSubject::cookie_set, std::move(name), CheckOp::equals, std::move(expected));
        for (const auto& spec : scenario::cookie_attribute_specs) {
            if (spec.xml == attribute) {
                c.cookie_attribute = spec.attribute; // as the loader parses it
            }
        }
        return run(c, answer);
    };
    EXPECT_EQ(attr("NSSESSIONID", "http-only", "true").verdict, Verdict::pass);
    EXPECT_EQ(attr("NSSESSIONID", "host-only", "true").verdict, Verdict::pass);
    EXPECT_EQ(attr("NSSESSIONID", "path", "/").verdict, Verdict::pass);
    EXPECT_EQ(attr("NSSESSIONID", "secure", "false").verdict, Verdict::pass);
    EXPECT_EQ(attr("TTSLogin", "http-only", "true").message,
              "cookie TTSLogin http-only was false, expected true");
    EXPECT_EQ(attr("TTSLogin", "host-only", "true").verdict, Verdict::fail);
    EXPECT_EQ(attr("TTSLogin", "domain", "asurso.ru").verdict, Verdict::pass);
    EXPECT_EQ(attr("TTSLogin", "max-age", "31536000").verdict, Verdict::pass);
    EXPECT_EQ(attr("TTSLogin", "same-site", "Lax").verdict, Verdict::pass);
    EXPECT_EQ(attr("TTSLogin", "path", "/").message, "cookie TTSLogin path was \"\", expected /");
    EXPECT_EQ(attr("NSSESSIONID", "max-age", "0").message,
              "cookie NSSESSIONID max-age is missing: the Set-Cookie has no Max-Age");
    // an attribute value is not secret even when the cookie is
    EXPECT_EQ(attr("ESRNSec", "http-only", "false").actual, "true");
}

TEST(Evaluate, NoCookiePassesWhenNotSetAndFailsOnAnySetCookie) {
    const auto c = check(CheckSubject::cookie_absent, "ESRNSec", CheckOp::absent);
    EXPECT_EQ(run(c, json_answer(409, R"({"message":"x"})")).verdict, Verdict::pass);
    const auto clearing = run(c, json_answer(409, "{}", {{"Set-Cookie", "ESRNSec=; Path=/"}}));
    EXPECT_EQ(clearing.verdict, Verdict::fail);
    EXPECT_EQ(clearing.message, "cookie ESRNSec was set by this step (value \"\")");
    const auto real = run(c, login_with_cookies());
    EXPECT_EQ(real.verdict, Verdict::fail);
    EXPECT_THAT(real.message, Not(HasSubstr("00112233445566778899aabbccddeeff")));
}

TEST(Evaluate, JarCookieReadsTheJarForTheFinalUrl) {
    http::CookieJar jar;
    jar.store(login_url, "NSSESSIONID=0123456789abcdef0123456789abcdef; Path=/; HttpOnly");
    const auto answer = json_answer(200, "{}");
    auto c = check(CheckSubject::jar_cookie, "NSSESSIONID", CheckOp::equals,
                   "0123456789abcdef0123456789abcdef");
    EXPECT_EQ(evaluate(c, c.expected.text, StepView{answer, jar, 1}).verdict, Verdict::pass);
    const auto other = evaluate(c, "ffffffffffffffffffffffffffffffff", StepView{answer, jar, 1});
    EXPECT_EQ(other.verdict, Verdict::fail);
    EXPECT_THAT(other.message, Not(HasSubstr("0123456789abcdef")));
    auto missing = check(CheckSubject::jar_cookie, "ESRNSec", CheckOp::exists);
    EXPECT_EQ(evaluate(missing, "", StepView{answer, jar, 1}).message,
              "jar.cookie ESRNSec is missing: the jar holds no such cookie for " + login_url);
}

TEST(Evaluate, BodyEqualsContainsExistsMatches) {
    const auto empty = fetch_of({exchange(login_url, 200, {}, "")});
    EXPECT_EQ(run(check(CheckSubject::body, "", CheckOp::equals, ""), empty).verdict,
              Verdict::pass);
    EXPECT_EQ(run(check(CheckSubject::body, "", CheckOp::exists), empty).message,
              "body is missing: the body is empty");
    EXPECT_EQ(run(check(CheckSubject::body, "", CheckOp::absent), empty).verdict, Verdict::pass);
    const auto page = fetch_of({exchange(login_url, 200, {}, "<p>Войти</p>")});
    EXPECT_EQ(run(check(CheckSubject::body, "", CheckOp::contains, "Войти"), page).verdict,
              Verdict::pass);
    EXPECT_EQ(run(check(CheckSubject::body, "", CheckOp::equals, ""), page).message,
              "body was <p>Войти</p>, expected \"\"");
    EXPECT_EQ(run(check(CheckSubject::body, "", CheckOp::matches, "<p>[^<]+</p>"), page).verdict,
              Verdict::pass);
}

TEST(Evaluate, RedirectHostAndPathComeFromTheFirstLocation) {
    const auto hop = fetch_of({exchange(
        "http://asurso.ru:8080/webapi/sso/esia/crosslogin", 302,
        {{"Location", "http://esia.gosuslugi.ru:8080/aas/oauth2/v2/ac?client_id=ASURSO"}})});
    EXPECT_EQ(run(check(CheckSubject::redirect_host, "", CheckOp::equals, "esia.gosuslugi.ru"), hop)
                  .verdict,
              Verdict::pass);
    EXPECT_EQ(run(check(CheckSubject::redirect_path, "", CheckOp::equals, "/aas/oauth2/v2/ac"), hop)
                  .verdict,
              Verdict::pass);
    const auto relative = fetch_of(
        {exchange("http://asurso.ru:8080/app/school/main/", 302, {{"Location", "../../login"}})});
    EXPECT_EQ(run(check(CheckSubject::redirect_path, "", CheckOp::equals, "/app/login"), relative)
                  .verdict,
              Verdict::pass);
    const auto r =
        run(check(CheckSubject::redirect_host, "", CheckOp::equals, "x"), json_answer(200, "{}"));
    EXPECT_EQ(r.verdict, Verdict::fail);
    EXPECT_EQ(r.message,
              "redirect.host is missing: the answer (status 200) has no Location header");
}

TEST(Evaluate, FinalUrlAndPathAreTheLastRequest) {
    const auto chain =
        fetch_of({exchange("http://asurso.ru:8080/webapi/sso/esia/callback?code=secret1", 302,
                           {{"Location", "http://asurso.ru:8080/app/login?loginState=abc"}}),
                  exchange("http://asurso.ru:8080/app/login?loginState=abc", 200, {})});
    EXPECT_EQ(
        run(check(CheckSubject::final_path, "", CheckOp::equals, "/app/login"), chain).verdict,
        Verdict::pass);
    EXPECT_EQ(
        run(check(CheckSubject::final_url, "", CheckOp::matches, "loginState=([a-f0-9-]+)"), chain)
            .verdict,
        Verdict::pass);
    const auto fail = run(check(CheckSubject::final_url, "", CheckOp::contains, "esiaError"),
                          fetch_of({exchange("http://asurso.ru:8080/x?code=s3cr3t", 200, {})}));
    EXPECT_EQ(fail.verdict, Verdict::fail);
    EXPECT_THAT(fail.actual, Not(HasSubstr("s3cr3t")));
}

TEST(Evaluate, ElapsedMsLessThan) {
    auto c = check(CheckSubject::elapsed_ms, "", CheckOp::less_than, "2000");
    EXPECT_EQ(run(c, json_answer(200, "{}"), "2000", 150.4).verdict, Verdict::pass);
    const auto slow = run(c, json_answer(200, "{}"), "2000", 2500.2);
    EXPECT_EQ(slow.verdict, Verdict::fail);
    EXPECT_EQ(slow.message, "elapsed-ms was 2500, expected less than 2000");
    c.severity = model::Severity::warning;
    EXPECT_EQ(run(c, json_answer(200, "{}"), "2000", 2500).verdict, Verdict::warn);
}

TEST(Evaluate, XPathReadsTheHtml5ParseOfThePage) {
    const auto page = fetch_of({exchange(
        login_url, 200, {{"Content-Type", "text/html; charset=utf-8"}},
        "<!doctype html><title>АСУ РСО</title><div id=bind-prompt><p id='bind-msg-1'>С выбранной"
        "\n   учётной записью &amp; Госуслуг<br>ok<ul id=roles><li>Учитель<li>Родитель</ul>")});
    EXPECT_EQ(run(check(CheckSubject::xpath, "//p[@id='bind-msg-1']", CheckOp::equals,
                        "С выбранной учётной записью & Госуслугok"),
                  page)
                  .verdict,
              Verdict::pass);
    EXPECT_EQ(
        run(check(CheckSubject::xpath, "count(//ul[@id='roles']/li)", CheckOp::equals, "2"), page)
            .verdict,
        Verdict::pass);
    EXPECT_EQ(run(check(CheckSubject::xpath, "//form[@id='school-login']", CheckOp::absent), page)
                  .verdict,
              Verdict::pass);
    EXPECT_EQ(
        run(check(CheckSubject::xpath, "//a[@id='esia-login']", CheckOp::exists), page).message,
        "xpath //a[@id='esia-login'] is missing: no node matches");
}

TEST(Evaluate, RuntimeBadRegexFailsWithTheReason) {
    const auto r =
        run(check(CheckSubject::status, "", CheckOp::matches, "(2"), json_answer(200, "{}"));
    EXPECT_EQ(r.verdict, Verdict::fail);
    EXPECT_THAT(r.message, HasSubstr("bad regex '(2'"));
}

} // namespace
} // namespace logintest::harness::checks
