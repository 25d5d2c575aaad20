// The loader on the journey-language features for spec §24: <set> between steps, step
// attributes (session, cookies, repeat, mock-only), the var / location.query / final.query
// subjects, `of` on json, xpath, body and extracts, mock-only checks, and the errors of each.
#include "harness/scenario/loader.hpp"
#include "loader_test_support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace logintest::harness::scenario {
namespace {

using namespace testing;
using model::CheckOp;
using model::CheckSubject;
using ::testing::HasSubstr;

std::string journey(std::string_view body) {
    return "<journey name=\"j\">\n" + std::string(body) + "\n</journey>\n";
}

TEST(LoaderLanguage, SetsBelongToTheNextStepInDocumentOrder) {
    const auto r = load_text(journey(R"(<set var="a" value="1"/>
<set var="b" value="${a}2" mock-only="true"/>
<step name="s1" url="${asurso}/${b}"><extract var="x" json="/x"/>
  <expect status="200" clause="GEN-1"/></step>
<set var="a" value="${x}"/>
<step name="s2" url="${asurso}/${a}"/>
<set var="tail" value="${a}"/>)"));
    ASSERT_TRUE(r.ok()) << all_errors(r);
    const auto& steps = r.journey->steps;
    ASSERT_EQ(steps.size(), 2u);
    ASSERT_EQ(steps[0].sets.size(), 2u);
    EXPECT_EQ(steps[0].sets[0].var, "a");
    EXPECT_EQ(steps[0].sets[1].value.text, "${a}2");
    EXPECT_TRUE(steps[0].sets[1].mock_only);
    EXPECT_FALSE(steps[0].sets[0].mock_only);
    EXPECT_EQ(steps[0].sets[1].where.line, 3);
    ASSERT_EQ(steps[1].sets.size(), 1u);
    EXPECT_EQ(steps[1].sets[0].value.text, "${x}");
    ASSERT_EQ(r.journey->final_sets.size(), 1u);
}

TEST(LoaderLanguage, SetErrorsAreReportedWithTheirLines) {
    const auto r = load_text(journey(R"(<step name="s1" url="${asurso}/"/>
<set var="asurso" value="x"/>
<set var="1bad" value="x"/>
<set var="c" value="${later}"/>
<set value="x"/>
<set var="d" value="x" mock-only="maybe"/>
<step name="s2" url="${asurso}/"><extract var="later" json="/x"/></step>)"));
    const std::string errors = all_errors(r);
    expect_contains_all(errors, {"test.xml:3: variable 'asurso' is predefined",
                                 "test.xml:4: variable name '1bad'",
                                 "test.xml:5: <set> value: variable 'later' is used before it is "
                                 "defined (extracted by step 's2' at line 8)",
                                 "test.xml:6: <set> needs the attribute 'var'",
                                 "test.xml:7: mock-only must be true or false, not 'maybe'"});
}

TEST(LoaderLanguage, AVarMayNotUseWhatOnlyAStepDefines) {
    const auto r =
        load_text(journey(R"(<step name="s1" url="${asurso}/"><extract var="x" json="/x"/></step>
<var name="v" value="${x}"/>)"));
    EXPECT_THAT(all_errors(r), HasSubstr("test.xml:3: <var> value: variable 'x' is not defined"));
}

TEST(LoaderLanguage, StepAttributesSessionCookiesMockOnly) {
    const auto r = load_text(journey(
        R"(<step name="a" url="${asurso}/" session="other" cookies="none" mock-only="true"/>
<step name="b" url="${asurso}/"/>)"));
    ASSERT_TRUE(r.ok()) << all_errors(r);
    const auto& a = r.journey->steps[0];
    EXPECT_EQ(a.session, "other");
    EXPECT_FALSE(a.send_cookies);
    EXPECT_TRUE(a.mock_only);
    const auto& b = r.journey->steps[1];
    EXPECT_EQ(b.session, "main");
    EXPECT_TRUE(b.send_cookies);
    EXPECT_FALSE(b.mock_only);
}

TEST(LoaderLanguage, RepeatUnrollsTheStepAndItsSetsRunOnce) {
    const auto r = load_text(journey(R"(<set var="n" value="1"/>
<step name="wrong" url="${asurso}/" repeat="3"><expect status="409" clause="GEN-1"/></step>
<step name="after" url="${asurso}/"/>)"));
    ASSERT_TRUE(r.ok()) << all_errors(r);
    const auto& steps = r.journey->steps;
    ASSERT_EQ(steps.size(), 4u);
    EXPECT_EQ(step_names(steps), (Names{"wrong#1", "wrong#2", "wrong#3", "after"}));
    EXPECT_EQ(steps[0].sets.size(), 1u);
    EXPECT_TRUE(steps[1].sets.empty());
    EXPECT_EQ(steps[2].checks.size(), 1u);
}

TEST(LoaderLanguage, BadStepAttributesAreErrors) {
    const auto r = load_text(journey(R"(<step name="a" url="${asurso}/" repeat="0"/>
<step name="b" url="${asurso}/" repeat="1001"/>
<step name="c" url="${asurso}/" repeat="two"/>
<step name="d" url="${asurso}/" cookies="some"/>
<step name="e" url="${asurso}/" session="a b"/>)"));
    const std::string errors = all_errors(r);
    expect_contains_all(errors, {"test.xml:2: repeat '0' must be a whole number from 1 to 1000",
                                 "test.xml:3: repeat '1001'", "test.xml:4: repeat 'two'",
                                 "test.xml:5: unknown cookies 'some' (allowed: none, jar)",
                                 "test.xml:6: session name 'a b'"});
}

TEST(LoaderLanguage, NewSubjectsVarLocationQueryFinalQuery) {
    const auto r = load_text(journey(R"(<set var="expected_state" value="s"/>
<step name="a" url="${asurso}/"><extract var="code" location.query="code"/>
  <expect var="code" matches="^[0-9a-f]+$" clause="GEN-1"/>
  <expect var="expected_state" clause="GEN-1"/>
  <expect location.query="state" equals="${expected_state}" clause="GEN-1"/>
  <expect final.query="loginState" absent="true" clause="GEN-1" mock-only="true"/>
</step>)"));
    ASSERT_TRUE(r.ok()) << all_errors(r);
    const auto& checks = r.journey->steps[0].checks;
    ASSERT_EQ(checks.size(), 4u);
    EXPECT_EQ(checks[0].subject, CheckSubject::variable);
    EXPECT_EQ(checks[0].path, "code");
    EXPECT_EQ(checks[0].op, CheckOp::matches);
    EXPECT_EQ(checks[1].op, CheckOp::exists);
    EXPECT_EQ(checks[2].subject, CheckSubject::location_query);
    EXPECT_EQ(checks[2].description, "location.query state equals ${expected_state}");
    EXPECT_EQ(checks[3].subject, CheckSubject::final_query);
    EXPECT_EQ(checks[3].op, CheckOp::absent);
    EXPECT_TRUE(checks[3].mock_only);
    EXPECT_FALSE(checks[2].mock_only);
}

TEST(LoaderLanguage, VarSubjectNeedsADefinedVariable) {
    const auto r = load_text(journey(R"(<step name="a" url="${asurso}/">
  <expect var="nothing" equals="1" clause="GEN-1"/>
  <expect var="a b" equals="1" clause="GEN-1"/>
</step>)"));
    const std::string errors = all_errors(r);
    EXPECT_THAT(errors, HasSubstr("test.xml:3: var: variable 'nothing' is not defined"));
    EXPECT_THAT(errors, HasSubstr("test.xml:4: var 'a b' is not a variable name"));
}

TEST(LoaderLanguage, OfReplacesTheBodyForJsonXpathBodyAndExtracts) {
    const auto r = load_text(journey(R"(<step name="a" url="${esia}/token">
  <extract var="id_token" json="/id_token"/>
  <extract var="sub" json="/sub" of="${jwt_payload(id_token)}"/>
  <expect json="/alg" of="${jwt_header(id_token)}" equals="RS256" clause="ESIA-JWT-2"/>
  <expect body="" of="${jwt_verify(id_token, sub)}" equals="true" clause="ESIA-JWT-2"/>
</step>)"));
    ASSERT_TRUE(r.ok()) << all_errors(r);
    const auto& step = r.journey->steps[0];
    ASSERT_TRUE(step.extracts[1].of);
    EXPECT_EQ(step.extracts[1].of->text, "${jwt_payload(id_token)}");
    ASSERT_TRUE(step.checks[0].of);
    EXPECT_EQ(step.checks[0].description, "json /alg of ${jwt_header(id_token)} equals RS256");
    EXPECT_EQ(step.checks[1].subject, CheckSubject::body);
}

TEST(LoaderLanguage, OfErrors) {
    const auto r = load_text(journey(R"(<step name="a" url="${esia}/token">
  <expect status="200" of="x" clause="GEN-1"/>
  <expect json="/a" of="${undefined_one}" clause="GEN-1"/>
  <extract var="h" header="X" of="x"/>
  <expect xpath="/html/@xmlns" equals="x" clause="GEN-1"/>
</step>)"));
    const std::string errors = all_errors(r);
    expect_contains_all(errors, {"test.xml:3: of replaces the body: it applies to json, xpath "
                                 "and body, not to status",
                                 "test.xml:4: of: variable 'undefined_one' is not defined",
                                 "test.xml:5: of replaces the body: it applies to json, xpath "
                                 "and regex, not to header",
                                 "test.xml:6: XPath '/html/@xmlns': xmlns is a namespace"});
}

TEST(LoaderLanguage, FunctionArityIsCheckedAtLoad) {
    const auto r = load_text(journey(R"(<set var="a" value="${concat()}"/>
<set var="b" value="${esia_timestamp('1', '2')}"/>
<set var="c" value="${layout_ru('Qwe')}${snils('112233445')}${random_password()}"/>
<set var="d" value="${jwt_verify(c)}"/>
<step name="s" url="${asurso}/"/>)"));
    const std::string errors = all_errors(r);
    EXPECT_THAT(errors,
                HasSubstr("test.xml:2: <set> value: concat() takes at least 1 argument, got 0"));
    EXPECT_THAT(
        errors,
        HasSubstr("test.xml:3: <set> value: esia_timestamp() takes 0 or 1 argument, got 2"));
    EXPECT_THAT(errors,
                HasSubstr("test.xml:5: <set> value: jwt_verify() takes 2 arguments, got 1"));
    EXPECT_THAT(errors, ::testing::Not(HasSubstr("test.xml:4")));
}

} // namespace
} // namespace logintest::harness::scenario
