// The redirect-chain subjects: chain.status, chain.hosts, chain.paths (one word per hop) and
// `hop="N"` on redirect.host, redirect.path, location.query and header.
#include "harness/checks/evaluate.hpp"

#include "step_fixture.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace logintest::harness::checks {
namespace {

using namespace testing;

const http::FetchResult chain =
    fetch_of({exchange("http://esia.gosuslugi.ru/aas/oauth2/v2/ac?x=1", 302,
                       {{"Location", "http://asurso.ru:8080/webapi/sso/esia/callback?code=abc"},
                        {"X-Hop", "zero"}}),
              exchange("http://asurso.ru:8080/webapi/sso/esia/callback?code=abc", 302,
                       {{"Location", "/app/login?loginState=42"}}),
              exchange("http://asurso.ru:8080/app/login?loginState=42", 200, {}, "<html/>")});

model::CheckResult run(const model::Check& c) {
    const http::CookieJar jar;
    return evaluate(c, c.expected.text, StepView{chain, jar, 1});
}

model::Check at_hop(model::Check c, int hop) {
    c.hop = hop;
    return c;
}

TEST(EvaluateChain, ChainSubjectsListEveryHop) {
    EXPECT_EQ(run(check(CheckSubject::chain_status, "", CheckOp::equals, "302 302 200")).verdict,
              Verdict::pass);
    EXPECT_EQ(run(check(CheckSubject::chain_hosts, "", CheckOp::equals,
                        "esia.gosuslugi.ru asurso.ru asurso.ru"))
                  .verdict,
              Verdict::pass);
    EXPECT_EQ(run(check(CheckSubject::chain_paths, "", CheckOp::equals,
                        "/aas/oauth2/v2/ac /webapi/sso/esia/callback /app/login"))
                  .verdict,
              Verdict::pass);
    const auto wrong = run(check(CheckSubject::chain_status, "", CheckOp::equals, "302 200"));
    EXPECT_EQ(wrong.verdict, Verdict::fail);
    EXPECT_THAT(wrong.message, HasSubstr("302 302 200"));
}

TEST(EvaluateChain, HopSelectsOneAnswer) {
    EXPECT_EQ(run(check(CheckSubject::redirect_host, "", CheckOp::equals, "asurso.ru")).verdict,
              Verdict::pass);
    EXPECT_EQ(run(at_hop(check(CheckSubject::redirect_path, "", CheckOp::equals, "/app/login"), 1))
                  .verdict,
              Verdict::pass);
    EXPECT_EQ(
        run(at_hop(check(CheckSubject::location_query, "loginState", CheckOp::equals, "42"), 1))
            .verdict,
        Verdict::pass);
    EXPECT_EQ(run(at_hop(check(CheckSubject::header, "X-Hop", CheckOp::equals, "zero"), 0)).verdict,
              Verdict::pass);
    // Without hop, header is of the final answer.
    EXPECT_EQ(run(check(CheckSubject::header, "X-Hop", CheckOp::exists)).verdict, Verdict::fail);
    const auto no_location =
        run(at_hop(check(CheckSubject::redirect_path, "", CheckOp::equals, "/"), 2));
    EXPECT_EQ(no_location.verdict, Verdict::fail);
    EXPECT_THAT(no_location.message, HasSubstr("hop 2 (status 200) has no Location header"));
    const auto beyond = run(at_hop(check(CheckSubject::header, "X", CheckOp::exists), 7));
    EXPECT_THAT(beyond.message, HasSubstr("no hop 7 (it made 3)"));
}

} // namespace
} // namespace logintest::harness::checks
