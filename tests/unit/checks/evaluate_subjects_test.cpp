// The subjects added for spec §24 journeys: `var` (a variable after the step's extracts),
// `location.query` and `final.query` (decoded query parameters), and `of` replacing the body
// for json, xpath, body and for extracts.
#include "harness/checks/evaluate.hpp"

#include "step_fixture.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace logintest::harness::checks {
namespace {

using namespace testing;

const http::FetchResult redirect =
    fetch_of({exchange("http://esia.gosuslugi.ru/aas/oauth2/v2/ac?x=1", 302,
                       {{"Location",
                         "http://asurso.ru:8080/webapi/sso/esia/callback?code=abc&state=a%20b+c"}}),
              exchange("http://asurso.ru:8080/webapi/sso/esia/callback?code=abc&state=s", 302,
                       {{"Location", "/app/login?loginState=42"}}),
              exchange("http://asurso.ru:8080/app/login?loginState=42&esiaError=%D0%AF", 200, {},
                       "<html><body><p id='m'>Привет</p></body></html>")});

model::CheckResult run(const model::Check& c, const http::FetchResult& fetch,
                       const scenario::Variables* vars = nullptr, const std::string* of = nullptr) {
    const http::CookieJar jar;
    return evaluate(c, c.expected.text, StepView{fetch, jar, 1, vars}, of);
}

// The verdict of a check on `redirect`.
Verdict on_redirect(CheckSubject subject, const std::string& path, CheckOp op,
                    const std::string& expected = "") {
    return run(check(subject, path, op, expected), redirect).verdict;
}

TEST(EvaluateSubjects, VarReadsTheVariable) {
    const scenario::Variables vars{{"login_state", "abc"}, {"code", "123"}};
    EXPECT_EQ(
        run(check(CheckSubject::variable, "login_state", CheckOp::equals, "abc"), redirect, &vars)
            .verdict,
        Verdict::pass);
    const auto wrong =
        run(check(CheckSubject::variable, "login_state", CheckOp::equals, "abd"), redirect, &vars);
    EXPECT_EQ(wrong.verdict, Verdict::fail);
    EXPECT_EQ(wrong.message, "var login_state was abc, expected abd");
    // A secret name is masked.
    const auto secret =
        run(check(CheckSubject::variable, "code", CheckOp::equals, "124"), redirect, &vars);
    EXPECT_THAT(secret.message, ::testing::Not(HasSubstr("123")));
    const auto missing =
        run(check(CheckSubject::variable, "state", CheckOp::exists), redirect, &vars);
    EXPECT_EQ(missing.verdict, Verdict::fail);
    EXPECT_THAT(missing.message, HasSubstr("var state is missing"));
    EXPECT_EQ(run(check(CheckSubject::variable, "state", CheckOp::absent), redirect, &vars).verdict,
              Verdict::pass);
}

TEST(EvaluateSubjects, LocationQueryIsOfTheFirstLocationDecoded) {
    EXPECT_EQ(on_redirect(CheckSubject::location_query, "state", CheckOp::equals, "a b c"),
              Verdict::pass);
    EXPECT_EQ(on_redirect(CheckSubject::location_query, "code", CheckOp::equals, "abc"),
              Verdict::pass);
    const auto none =
        run(check(CheckSubject::location_query, "loginState", CheckOp::exists), redirect);
    EXPECT_EQ(none.verdict, Verdict::fail);
    EXPECT_THAT(none.message, HasSubstr("has no query parameter loginState"));
    const auto no_location =
        run(check(CheckSubject::location_query, "x", CheckOp::absent), json_answer(200, "{}"));
    EXPECT_EQ(no_location.verdict, Verdict::pass);
}

TEST(EvaluateSubjects, FinalQueryIsOfTheFinalUrlDecoded) {
    EXPECT_EQ(on_redirect(CheckSubject::final_query, "loginState", CheckOp::equals, "42"),
              Verdict::pass);
    EXPECT_EQ(on_redirect(CheckSubject::final_query, "esiaError", CheckOp::equals, "Я"),
              Verdict::pass);
    EXPECT_EQ(on_redirect(CheckSubject::final_query, "code", CheckOp::absent), Verdict::pass);
}

TEST(EvaluateSubjects, OfReplacesTheBodyForJsonXpathAndBody) {
    const std::string payload = R"({"sub":1000299654,"iss":"http://esia.gosuslugi.ru/"})";
    auto json = check(CheckSubject::json, "/sub", CheckOp::equals, "1000299654");
    json.of = model::Template{"${jwt_payload(id_token)}"};
    EXPECT_EQ(run(json, redirect, nullptr, &payload).verdict, Verdict::pass);
    const std::string not_json = "nope";
    const auto bad = run(json, redirect, nullptr, &not_json);
    EXPECT_EQ(bad.verdict, Verdict::fail);
    EXPECT_THAT(bad.message, HasSubstr("the text of ${jwt_payload(id_token)} is not JSON"));

    auto body = check(CheckSubject::body, "", CheckOp::equals, "true");
    body.of = model::Template{"${jwt_verify(t, c)}"};
    const std::string yes = "true";
    EXPECT_EQ(run(body, redirect, nullptr, &yes).verdict, Verdict::pass);

    auto xpath = check(CheckSubject::xpath, "//b", CheckOp::equals, "x");
    xpath.of = model::Template{"${page}"};
    const std::string page = "<p><b>x</b></p>";
    EXPECT_EQ(run(xpath, redirect, nullptr, &page).verdict, Verdict::pass);
    // Without `of` the same check reads the final body.
    auto plain = check(CheckSubject::xpath, "//p[@id='m']", CheckOp::equals, "Привет");
    EXPECT_EQ(run(plain, redirect).verdict, Verdict::pass);
}

TEST(EvaluateSubjects, ExtractsReadOfInsteadOfTheBody) {
    const http::CookieJar jar;
    model::Extract ex;
    ex.var = "sub";
    ex.source = model::ExtractSource::json;
    ex.expr = "/sub";
    ex.of = model::Template{"${jwt_payload(id_token)}"};
    const std::string payload = R"({"sub":1000299654})";
    const auto r = extract(ex, StepView{redirect, jar, 1}, &payload);
    EXPECT_EQ(r.error, "");
    EXPECT_EQ(r.value, "1000299654");
    ex.source = model::ExtractSource::regex;
    ex.expr = "\"sub\":([0-9]+)";
    EXPECT_EQ(extract(ex, StepView{redirect, jar, 1}, &payload).value, "1000299654");
    const std::string other = "{}";
    ex.source = model::ExtractSource::json;
    ex.expr = "/sub";
    EXPECT_THAT(extract(ex, StepView{redirect, jar, 1}, &other).error, HasSubstr("no JSON value"));
}

} // namespace
} // namespace logintest::harness::checks
