// Template expansion: variables with dots and dashes, nested function calls, literals, `$$`,
// a lone `$` kept as is, and the errors for undefined variables and bad syntax.
#include "harness/scenario/template.hpp"

#include <gtest/gtest.h>

namespace logintest::harness::scenario {
namespace {

ExpandResult run(const std::string& text, const Variables& vars) {
    return expand(model::Template{text}, vars);
}

const Variables vars = {{"asurso", "http://asurso.ru:8080"},
                        {"pupil.login", "ИвановИ"},
                        {"pupil.password", "Qwe123!z"},
                        {"salt", "1458933352"},
                        {"my-var_2", "x"}};

TEST(Template, ExpandsVariablesWithDotsAndDashes) {
    const ExpandResult r = run("${asurso}/webapi/login?un=${pupil.login}&v=${my-var_2}", vars);
    ASSERT_TRUE(r.ok()) << r.error;
    EXPECT_EQ(r.text, "http://asurso.ru:8080/webapi/login?un=ИвановИ&v=x");
}

TEST(Template, Pw2OfTheSpecExampleGivesTheSpecHash) {
    const ExpandResult r = run("${pw2(pupil.password, salt)}", vars);
    ASSERT_TRUE(r.ok()) << r.error;
    EXPECT_EQ(r.text, "72816138fe31caa6227d78739bff73d9");
    EXPECT_EQ(run("${pw2('Qwe123!z','1458933352')}", {}).text, "72816138fe31caa6227d78739bff73d9");
}

TEST(Template, NestsFunctionCallsAndLiterals) {
    const ExpandResult r = run("${upper(md5( lower('ABC') ))}", vars);
    ASSERT_TRUE(r.ok()) << r.error;
    EXPECT_EQ(r.text, "900150983CD24FB0D6963F7D28E17F72");
    EXPECT_EQ(run(R"(${upper('it\'s')})", {}).text, "IT'S");
}

TEST(Template, DoubleDollarIsALiteralDollarAndALoneDollarStays) {
    EXPECT_EQ(run("cost $$5, ${salt}$$", vars).text, "cost $5, 1458933352$");
    EXPECT_EQ(run("^[0-9]{25}$", vars).text, "^[0-9]{25}$");
    EXPECT_EQ(run("$${salt}", vars).text, "${salt}");
    EXPECT_EQ(run("a$b", vars).text, "a$b");
}

TEST(Template, UndefinedVariableIsAnError) {
    const ExpandResult r = run("${asurso}/x?lt=${lt}", vars);
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(r.error, "undefined variable 'lt'");
    EXPECT_EQ(r.text, "");
}

TEST(Template, UnknownFunctionAndBadArgumentCountAreErrors) {
    EXPECT_EQ(run("${md6(salt)}", vars).error, "unknown function 'md6'");
    EXPECT_EQ(run("${pw2(salt)}", vars).error, "pw2() takes 2 arguments, got 1");
}

TEST(Template, SyntaxErrorsAreReported) {
    EXPECT_NE(run("${salt", vars).error.find("missing '}'"), std::string::npos);
    EXPECT_NE(run("${}", vars).error.find("empty"), std::string::npos);
    EXPECT_NE(run("${md5(salt}", vars).error.find("expected ',' or ')'"), std::string::npos);
    EXPECT_NE(run("${md5('x)}", vars).error.find("unterminated 'literal'"), std::string::npos);
    EXPECT_NE(run("${a b}", vars).error.find("expected '}'"), std::string::npos);
}

TEST(Template, ParseTemplateListsVariablesAndCalls) {
    const TemplateRefs refs = parse_template({"${asurso}/${pw2(pupil.password, md5(salt))}"});
    EXPECT_EQ(refs.syntax_error, "");
    EXPECT_TRUE(refs.has_placeholders);
    EXPECT_EQ(refs.variables, (std::vector<std::string>{"asurso", "pupil.password", "salt"}));
    EXPECT_EQ(refs.functions, (std::vector<std::string>{"pw2", "md5"}));
    ASSERT_EQ(refs.calls.size(), 2u);
    EXPECT_EQ(refs.calls[0].arg_count, 2u);
    EXPECT_EQ(refs.calls[1].arg_count, 1u);
    EXPECT_FALSE(parse_template({"plain $ text $$"}).has_placeholders);
}

} // namespace
} // namespace logintest::harness::scenario
