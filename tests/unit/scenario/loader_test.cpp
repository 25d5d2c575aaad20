// The scenario loader: a valid file becomes the expected model; a broken file reports every
// problem with its line; each kind of problem is named in words a scenario author can act on.
#include "harness/scenario/loader.hpp"
#include "loader_test_support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace logintest::harness::scenario {
namespace {

using namespace testing;
using model::CheckOp;
using model::CheckSubject;
using model::ExtractSource;
using ::testing::HasSubstr;

const std::string data_dir = std::string(LOGINTEST_TEST_DATA) + "/scenarios/";

// A journey around one step body, so each test writes only what it is about.
std::string with_step(std::string_view step_body, std::string_view step_attrs = "") {
    return "<journey name=\"j\">\n"
           "<account as=\"pupil\" login=\"ИвановИ\"/>\n"
           "<step name=\"s\" url=\"${asurso}/x\"" +
           std::string(step_attrs) + ">\n" + std::string(step_body) + "\n</step>\n</journey>\n";
}

TEST(Loader, LoadsEveryElementIntoTheModel) {
    const LoadResult r =
        load_journey_file(data_dir + "valid_journey.xml", SpecIds::builtin(), standard_variables());
    ASSERT_TRUE(r.ok()) << all_errors(r);
    const model::Journey& j = *r.journey;
    EXPECT_EQ(j.name, "valid_journey");
    EXPECT_EQ(j.spec, "J1");
    EXPECT_EQ(j.description, "Every element once");
    EXPECT_EQ(j.file, data_dir + "valid_journey.xml");
    EXPECT_EQ(j.where.line, 4);

    ASSERT_EQ(j.accounts.size(), 1u);
    EXPECT_EQ(j.accounts[0].as, "pupil");
    EXPECT_EQ(j.accounts[0].login, "ИвановИ");
    EXPECT_EQ(j.accounts[0].scid, 2436);
    EXPECT_EQ(j.accounts[0].where.line, 5);

    EXPECT_EQ(j.variables.at("greeting").text, "hello");
    EXPECT_EQ(j.variables.at("loud").text, "${upper(greeting)}");
    EXPECT_EQ(j.variable_order, (std::vector<std::string>{"greeting", "loud"}));

    ASSERT_EQ(j.steps.size(), 3u);
    const model::Step& getdata = j.steps[0];
    EXPECT_EQ(getdata.name, "getdata");
    EXPECT_EQ(getdata.method, "POST");
    EXPECT_EQ(getdata.url.text, "${asurso}/webapi/auth/getdata");
    EXPECT_EQ(getdata.follow, model::Follow::none);
    EXPECT_EQ(getdata.where.line, 8);
    ASSERT_EQ(getdata.extracts.size(), 2u);
    EXPECT_EQ(getdata.extracts[0].var, "salt");
    EXPECT_EQ(getdata.extracts[0].source, ExtractSource::json);
    EXPECT_EQ(getdata.extracts[0].expr, "/salt");
    EXPECT_FALSE(getdata.extracts[0].secret);
    EXPECT_EQ(getdata.extracts[1].source, ExtractSource::header);
    EXPECT_TRUE(getdata.extracts[1].secret) << "`at` is a secret name";
    ASSERT_EQ(getdata.checks.size(), 3u);
    const model::Check& status = getdata.checks[0];
    EXPECT_EQ(status.subject, CheckSubject::status);
    EXPECT_EQ(status.op, CheckOp::equals);
    EXPECT_EQ(status.expected.text, "200");
    EXPECT_EQ(status.clauses, (std::vector<std::string>{"NS-LOGIN-12"}));
    EXPECT_EQ(status.check_id, "J1-07");
    EXPECT_EQ(status.severity, model::Severity::failure);
    EXPECT_EQ(status.description, "status equals 200");
    EXPECT_EQ(status.where.line, 11);
    EXPECT_EQ(getdata.checks[1].subject, CheckSubject::json);
    EXPECT_EQ(getdata.checks[1].path, "/salt");
    EXPECT_EQ(getdata.checks[1].op, CheckOp::matches);
    EXPECT_EQ(getdata.checks[1].expected.text, "^[0-9]+$");
    EXPECT_EQ(getdata.checks[2].severity, model::Severity::warning);
    EXPECT_EQ(getdata.checks[2].description, "header X-Salt equals ${salt}");

    const model::Step& login = j.steps[1];
    EXPECT_EQ(login.follow, model::Follow::all);
    ASSERT_EQ(login.headers.size(), 1u);
    EXPECT_EQ(login.headers[0].name, "Accept");
    ASSERT_EQ(login.query.size(), 1u);
    EXPECT_EQ(login.query[0].value.text, "${loud}");
    ASSERT_EQ(login.form.size(), 2u);
    EXPECT_EQ(login.form[1].name, "pw2");
    EXPECT_EQ(login.form[1].value.text, "${pw2(pupil.password, salt)}");
    EXPECT_FALSE(login.body.has_value());
    // status + redirect.host + redirect.path, two cookie attributes, no-cookie, json, body,
    // elapsed-ms.
    ASSERT_EQ(login.checks.size(), 9u);
    EXPECT_EQ(login.checks[0].subject, CheckSubject::status);
    EXPECT_EQ(login.checks[0].expected.text, "302");
    EXPECT_EQ(login.checks[1].subject, CheckSubject::redirect_host);
    EXPECT_EQ(login.checks[1].expected.text, "${esia.host}");
    EXPECT_EQ(login.checks[2].subject, CheckSubject::redirect_path);
    EXPECT_EQ(login.checks[2].clauses, (std::vector<std::string>{"NS-ESIA-1"}));
    EXPECT_EQ(login.checks[3].subject, CheckSubject::cookie_set);
    EXPECT_EQ(login.checks[3].path, "NSSESSIONID");
    EXPECT_EQ(login.checks[3].cookie_attribute, model::CookieAttribute::http_only);
    EXPECT_EQ(login.checks[3].expected.text, "true");
    EXPECT_EQ(login.checks[3].clauses, (std::vector<std::string>{"NS-LOGIN-5", "MOCK-HOST-6"}));
    EXPECT_EQ(login.checks[4].cookie_attribute, model::CookieAttribute::path);
    EXPECT_EQ(login.checks[4].expected.text, "/");
    EXPECT_EQ(login.checks[5].subject, CheckSubject::cookie_absent);
    EXPECT_EQ(login.checks[5].path, "ESRNSec");
    EXPECT_EQ(login.checks[5].description, "no-cookie ESRNSec");
    EXPECT_EQ(login.checks[6].subject, CheckSubject::json);
    EXPECT_EQ(login.checks[6].op, CheckOp::absent) << "exists=\"false\" means absent";
    EXPECT_EQ(login.checks[6].description, "no token leaks");
    EXPECT_EQ(login.checks[7].subject, CheckSubject::body);
    EXPECT_EQ(login.checks[7].op, CheckOp::contains);
    EXPECT_EQ(login.checks[7].expected.text, "ok");
    EXPECT_EQ(login.checks[8].subject, CheckSubject::elapsed_ms);
    EXPECT_EQ(login.checks[8].op, CheckOp::less_than);
    EXPECT_EQ(login.checks[8].severity, model::Severity::warning);
    EXPECT_EQ(login.checks[8].where.line, 26);

    const model::Step& raw = j.steps[2];
    EXPECT_EQ(raw.method, "PUT");
    EXPECT_EQ(raw.follow, model::Follow::none) << "hop is written for none";
    ASSERT_TRUE(raw.body.has_value());
    EXPECT_EQ(raw.body->text, R"({"name": "${pupil.login}"})");
    ASSERT_EQ(raw.headers.size(), 1u);
    EXPECT_EQ(raw.headers[0].name, "Content-Type");
    EXPECT_EQ(raw.headers[0].value.text, "application/json");
    ASSERT_EQ(raw.extracts.size(), 1u);
    EXPECT_EQ(raw.extracts[0].source, ExtractSource::location_query);
    EXPECT_EQ(raw.extracts[0].expr, "state");
    ASSERT_EQ(raw.checks.size(), 3u);
    EXPECT_EQ(raw.checks[0].subject, CheckSubject::jar_cookie);
    EXPECT_EQ(raw.checks[1].subject, CheckSubject::final_path);
    EXPECT_EQ(raw.checks[2].subject, CheckSubject::xpath);
    EXPECT_EQ(raw.checks[2].path, "//p[@id='bind-msg-1']");
}

TEST(Loader, ReportsEveryProblemWithItsLine) {
    const LoadResult r = load_journey_file(data_dir + "broken_journey.xml", SpecIds::builtin(),
                                           standard_variables());
    EXPECT_FALSE(r.ok());
    EXPECT_FALSE(r.journey.has_value());
    const std::vector<std::pair<int, std::string>> expected = {
        {3, "unknown attribute 'colour' on <journey> (allowed: name, spec, description)"},
        {4, "scid '24x6' is not an integer"},
        {5, "variable 'nowhere' is not defined"},
        {6, "unknown follow 'sometimes' (allowed: none, hop, all)"},
        {7, "JSON pointer 'salt' must be empty or start with '/'"},
        {8, "<expect> needs the attribute 'clause'"},
        {9, "bad regex '^([0-9]{25}$'"},
        {10, "unknown clause id 'NS-LOGIN-99'"},
        {11, "two operators on one <expect>, equals and matches"},
        {12, "unknown check id 'J99-01'"},
        {13, "unknown function 'md6'"},
        {14, "unknown element <frobnicate> in <step>"},
        {16, "duplicate step name 'one' (first at line 6)"},
        {17, "variable 'lt' is used before it is defined (extracted at line 21)"},
        {19, "<step> needs the attribute 'name'"},
        {20, "unknown method 'FETCH'"},
        {22, "unknown JSON type 'text'"},
    };
    ASSERT_EQ(r.errors.size(), expected.size()) << all_errors(r);
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(r.errors[i].where.line, expected[i].first) << all_errors(r);
        EXPECT_THAT(r.errors[i].message, HasSubstr(expected[i].second));
        EXPECT_EQ(r.errors[i].where.file, data_dir + "broken_journey.xml");
    }
}

TEST(Loader, XmlSyntaxErrorNamesItsLine) {
    const LoadResult r = load_text("<journey name=\"j\">\n<step name=\"a\" url=\"x\">\n"
                                   "<expect status=\"200\" clause=\"GEN-1\">\n</step>\n"
                                   "</journey>\n");
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0].where.line, 4);
    EXPECT_THAT(r.errors[0].message, HasSubstr("XML syntax error"));
    EXPECT_EQ(format_error(r.errors[0]).substr(0, 11), "test.xml:4:");
}

TEST(Loader, UnknownFunctionIsReported) {
    const LoadResult r = load_text(with_step("<field name=\"h\" value=\"${sha1(pupil.login)}\"/>"));
    ASSERT_EQ(r.errors.size(), 1u) << all_errors(r);
    EXPECT_EQ(r.errors[0].where.line, 4);
    EXPECT_THAT(r.errors[0].message, HasSubstr("unknown function 'sha1' (known: pw2, pw, md5"));
}

TEST(Loader, WrongArgumentCountIsReported) {
    const LoadResult r =
        load_text(with_step("<field name=\"pw2\" value=\"${pw2(pupil.password)}\"/>"));
    ASSERT_EQ(r.errors.size(), 1u) << all_errors(r);
    EXPECT_THAT(r.errors[0].message, HasSubstr("pw2() takes 2 arguments, got 1"));
}

TEST(Loader, UnknownClauseAndCheckIdsAreReported) {
    const LoadResult r = load_text(
        with_step("<expect status=\"200\" clause=\"NS-LOGIN-4 NS-LOGIN-400\" check=\"J1-99\"/>"));
    ASSERT_EQ(r.errors.size(), 2u) << all_errors(r);
    EXPECT_THAT(r.errors[0].message, HasSubstr("unknown clause id 'NS-LOGIN-400'"));
    EXPECT_THAT(r.errors[1].message, HasSubstr("unknown check id 'J1-99'"));
}

TEST(Loader, BadRegexIsReportedAtLoad) {
    const LoadResult r =
        load_text(with_step("<extract var=\"v\" regex=\"a[b\"/>\n"
                            "<expect body=\"\" matches=\"(x\" clause=\"GEN-1\"/>"));
    ASSERT_EQ(r.errors.size(), 2u) << all_errors(r);
    EXPECT_EQ(r.errors[0].where.line, 4);
    EXPECT_THAT(r.errors[0].message, HasSubstr("bad regex 'a[b'"));
    EXPECT_EQ(r.errors[1].where.line, 5);
    EXPECT_THAT(r.errors[1].message, HasSubstr("bad regex '(x'"));
}

TEST(Loader, UndefinedVariableIsReported) {
    const LoadResult r = load_text(with_step("<header name=\"at\" value=\"${at}\"/>"));
    ASSERT_EQ(r.errors.size(), 1u) << all_errors(r);
    EXPECT_EQ(r.errors[0].where.line, 4);
    EXPECT_THAT(r.errors[0].message, HasSubstr("variable 'at' is not defined"));
}

TEST(Loader, StepChecksMayUseTheStepsOwnExtractsButItsRequestMayNot) {
    const LoadResult ok =
        load_text(with_step("<expect header=\"X\" equals=\"${salt}\" clause=\"GEN-1\"/>\n"
                            "<extract var=\"salt\" json=\"/salt\"/>"));
    EXPECT_TRUE(ok.ok()) << all_errors(ok);
    const LoadResult bad = load_text(
        with_step("<field name=\"s\" value=\"${salt}\"/>\n<extract var=\"salt\" json=\"/salt\"/>"));
    ASSERT_EQ(bad.errors.size(), 1u) << all_errors(bad);
    EXPECT_THAT(bad.errors[0].message, HasSubstr("'salt' is used before it is defined"));
}

TEST(Loader, AccountsAndPredefinedVariablesAreDefined) {
    const LoadResult r =
        load_text(with_step("<field name=\"a\" value=\"${pupil.login}${pupil.password}${pupil.scid}"
                            "${pupil.user_id}${esia.host}${asurso.host}${esia}\"/>"));
    EXPECT_TRUE(r.ok()) << all_errors(r);
    const LoadResult other = load_text(with_step("<field name=\"a\" value=\"${pupil.age}\"/>"));
    EXPECT_FALSE(other.ok());
}

TEST(Loader, VarMayUseEarlierVarsOnly) {
    const LoadResult r = load_text("<journey name=\"j\">\n<var name=\"b\" value=\"${a}\"/>\n"
                                   "<var name=\"a\" value=\"1\"/>\n"
                                   "<step name=\"s\" url=\"${asurso}\"/>\n</journey>");
    ASSERT_EQ(r.errors.size(), 1u) << all_errors(r);
    EXPECT_EQ(r.errors[0].where.line, 2);
    EXPECT_THAT(r.errors[0].message,
                HasSubstr("used before it is defined (set by <var> at line 3)"));
}

TEST(Loader, WrongRootIsReported) {
    const LoadResult r = load_text("<scenario name=\"x\"/>");
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_THAT(r.errors[0].message, HasSubstr("root element must be <journey>, not <scenario>"));
}

TEST(Loader, MissingFileIsReported) {
    const LoadResult r =
        load_journey_file(data_dir + "no_such_file.xml", SpecIds::builtin(), standard_variables());
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(format_error(r.errors[0]), data_dir + "no_such_file.xml: cannot read the file");
}

TEST(Loader, AttributeOnALaterLineIsReportedOnThatLine) {
    const LoadResult r = load_text("<journey name=\"j\">\n<step name=\"s\"\n"
                                   "  url=\"${asurso}\"\n  follow=\"x\"/>\n</journey>");
    ASSERT_EQ(r.errors.size(), 1u) << all_errors(r);
    EXPECT_EQ(r.errors[0].where.line, 4);
}

TEST(Loader, OperatorNeedsExactlyOneOpenSubject) {
    const LoadResult none =
        load_text(with_step("<expect status=\"200\" matches=\"2\" clause=\"GEN-1\"/>"));
    ASSERT_EQ(none.errors.size(), 1u) << all_errors(none);
    EXPECT_THAT(none.errors[0].message, HasSubstr("matches has no subject"));
    const LoadResult two =
        load_text(with_step("<expect json=\"/a\" header=\"X\" equals=\"2\" clause=\"GEN-1\"/>"));
    ASSERT_EQ(two.errors.size(), 1u) << all_errors(two);
    EXPECT_THAT(two.errors[0].message, HasSubstr("applies to one subject"));
    const LoadResult no_cookie =
        load_text(with_step("<expect no-cookie=\"ESRNSec\" equals=\"\" clause=\"GEN-1\"/>"));
    ASSERT_EQ(no_cookie.errors.size(), 1u) << all_errors(no_cookie);
    EXPECT_THAT(no_cookie.errors[0].message, HasSubstr("no-cookie takes no operator"));
}

TEST(Loader, OperatorMustSuitItsSubject) {
    const LoadResult r =
        load_text(with_step("<expect header=\"X\" type=\"string\" clause=\"GEN-1\"/>\n"
                            "<expect status=\"\" exists=\"true\" clause=\"GEN-1\"/>\n"
                            "<expect json=\"/a\" exists=\"yes\" clause=\"GEN-1\"/>\n"
                            "<expect body=\"\" less-than=\"3\" clause=\"GEN-1\"/>\n"
                            "<expect elapsed-ms=\"\" less-than=\"fast\" clause=\"GEN-1\"/>\n"
                            "<expect status=\"20\" clause=\"GEN-1\"/>\n"
                            "<expect http-only=\"true\" status=\"200\" clause=\"GEN-1\"/>\n"
                            "<expect cookie=\"A\" secure=\"maybe\" clause=\"GEN-1\"/>\n"
                            "<expect clause=\"GEN-1\"/>\n"
                            "<expect json=\"/a~2\" clause=\"GEN-1\"/>"));
    ASSERT_EQ(r.errors.size(), 10u) << all_errors(r);
    EXPECT_THAT(r.errors[0].message, HasSubstr("type applies to json only"));
    EXPECT_THAT(r.errors[1].message, HasSubstr("status is always there"));
    EXPECT_THAT(r.errors[2].message, HasSubstr("exists must be true or false"));
    EXPECT_THAT(r.errors[3].message, HasSubstr("less-than compares numbers"));
    EXPECT_THAT(r.errors[4].message, HasSubstr("less-than 'fast' is not a number"));
    EXPECT_THAT(r.errors[5].message, HasSubstr("not a three-digit status code"));
    EXPECT_THAT(r.errors[6].message, HasSubstr("needs cookie=\"NAME\""));
    EXPECT_THAT(r.errors[7].message, HasSubstr("secure must be true or false"));
    EXPECT_THAT(r.errors[8].message, HasSubstr("<expect> needs a subject"));
    EXPECT_THAT(r.errors[9].message, HasSubstr("'~' must be followed by 0 or 1"));
}

TEST(Loader, FieldsAndBodyTogetherAreRefused) {
    const LoadResult r = load_text(with_step(
        "<field name=\"a\" value=\"1\"/>\n<body>x</body>\n<body>y</body>", " method=\"POST\""));
    ASSERT_EQ(r.errors.size(), 2u) << all_errors(r);
    EXPECT_THAT(r.errors[0].message, HasSubstr("both <field>s and a <body>"));
    EXPECT_THAT(r.errors[1].message, HasSubstr("at most one <body>"));
}

TEST(Loader, ExtractNeedsExactlyOneSource) {
    const LoadResult r = load_text(with_step("<extract var=\"a\"/>\n"
                                             "<extract var=\"b\" json=\"/b\" header=\"B\"/>\n"
                                             "<extract json=\"/c\"/>"));
    ASSERT_EQ(r.errors.size(), 3u) << all_errors(r);
    EXPECT_THAT(r.errors[0].message, HasSubstr("<extract> needs a source: one of json, header"));
    EXPECT_THAT(r.errors[1].message, HasSubstr("two sources, json and header"));
    EXPECT_THAT(r.errors[2].message, HasSubstr("<extract> needs the attribute 'var'"));
}

TEST(Loader, StrayTextAndBadXPathAreReported) {
    const LoadResult r =
        load_text(with_step("hello\n<expect xpath=\"//p[\" clause=\"NS-BIND-2\"/>"));
    ASSERT_EQ(r.errors.size(), 2u) << all_errors(r);
    EXPECT_THAT(r.errors[0].message, HasSubstr("unexpected text 'hello' in <step>"));
    EXPECT_THAT(r.errors[1].message, HasSubstr("bad XPath '//p['"));
}

TEST(Loader, JourneyWithoutStepsIsRefused) {
    const LoadResult r = load_text("<journey name=\"j\"/>");
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_THAT(r.errors[0].message, HasSubstr("no <step>"));
}

// Every problem the loader finds in <account>, <step> (its attributes, request parts and
// extracts) and <include> (attributes, <with>s, the lib file, its <param>s), in the order and
// with the words `logintest validate` prints them (duplicates of a lib file included twice
// dropped, as the CLI does). Pins the messages across the loader's split into small functions.
TEST(Loader, ReportsEveryAccountStepExtractAndIncludeProblemInOrder) {
    namespace fs = std::filesystem;
    const fs::path dir =
        fs::temp_directory_path() / ("logintest-loader-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "lib");
    std::ofstream(dir / "journey.xml") << R"XML(<journey name="j">
<account as="pupil" login="ИвановИ" scid="x1"/>
<account as="pupil" login=" "/>
<account as="p2" kind="no-such-kind" login="a"/>
<account as="p3" pool="deep" scid="1"/>
<account as="4p" pool="load"/>
<step name="bad name!" url="${asurso}/x" method="FETCH" follow="sometimes" session="a b" cookies="some" repeat="0" mock-only="maybe">
  <extract var="v1"/>
  <extract var="v2" json="/a" header="X"/>
  <extract var="v3" json="nope" of="${asurso}"/>
  <extract var="v4" header="" of="x" secret="perhaps"/>
  <extract var="v5" regex="(" />
  <extract as="f" form="//form[" />
  <extract json="/x"/>
  <body>a</body>
  <body content-type="text/plain">b</body>
  <field name="" value="${nowhere}"/>
  <frobnicate/>
</step>
<step name="bad name!" url="${asurso}/y" repeat="1001"/>
<step name="r" url="${asurso}/z" repeat="two"/>
<include journey="inc" prefix="p q"/>
<include journey="../x"/>
<include journey="inc" colour="red"><with name="who" value="${nowhere}"/><with name="who" value="b"/><with name="extra" value="c"/><other/></include>
<include journey="missing"/>
<include journey="inc" prefix="i_" mock-only="sure"><with name="who" value="x"/></include>
</journey>
)XML";
    std::ofstream(dir / "lib" / "inc.xml") << R"XML(<journey name="other" colour="1">
text
<param name="who"/>
<param name="who"/>
<param name="1bad"/>
<param name="pw"/>
<step name="s" url="${asurso}/${who}"/>
</journey>
)XML";
    const LoadResult r =
        load_journey_file((dir / "journey.xml").string(), SpecIds::builtin(), standard_variables());
    std::vector<std::string> seen;
    for (const auto& e : r.errors) {
        std::string text = format_error(e);
        for (auto at = text.find(dir.string() + "/"); at != std::string::npos;
             at = text.find(dir.string() + "/")) {
            text.erase(at, dir.string().size() + 1);
        }
        if (std::find(seen.begin(), seen.end(), text) == seen.end()) {
            seen.push_back(text);
        }
    }
    fs::remove_all(dir);
    const std::vector<std::string> expected = {
        "journey.xml:2: scid 'x1' is not an integer",
        "journey.xml:3: account 'pupil' is already defined at line 2",
        "journey.xml:3: <account> login is empty",
        "journey.xml:4: <account> takes one of kind, pool or login (and scid), not several",
        "journey.xml:4: unknown account kind 'no-such-kind' (known: school-cyrillic-password, "
        "school-first-login, school-locked, school-multi-role, school-parent-bound, school-pupil, "
        "school-pupil-under-14, school-teacher-unbound; scenarios/data/account-kinds.json)",
        "journey.xml:5: <account> takes either pool or login (and scid), not both",
        "journey.xml:5: unknown account pool 'deep' (known: load, bind)",
        "journey.xml:6: account name '4p' must be letters, digits and '_'",
        "journey.xml:7: step name 'bad name!' may hold only letters, digits, '_', '-', '.'",
        "journey.xml:7: unknown method 'FETCH' (allowed: GET, POST, PUT, PATCH, DELETE, HEAD, "
        "OPTIONS)",
        "journey.xml:7: unknown follow 'sometimes' (allowed: none, hop, all)",
        "journey.xml:7: session name 'a b' may hold only letters, digits, '_', '-', '.'",
        "journey.xml:7: unknown cookies 'some' (allowed: none, jar)",
        "journey.xml:7: repeat '0' must be a whole number from 1 to 1000",
        "journey.xml:7: mock-only must be true or false, not 'maybe'",
        "journey.xml:7: step 'bad name!' has both <field>s and a <body>: a form body is built from "
        "the fields, so use one or the other",
        "journey.xml:8: <extract> needs a source: one of json, header, cookie, regex, final.query, "
        "location.query, xpath, form",
        "journey.xml:9: <extract> has two sources, json and header: keep one",
        "journey.xml:10: JSON pointer 'nope' must be empty or start with '/'",
        "journey.xml:11: <extract> header names nothing",
        "journey.xml:11: of replaces the body: it applies to json, xpath and regex, not to header",
        "journey.xml:11: secret must be true or false, not 'perhaps'",
        "journey.xml:12: bad regex '(': Unmatched marking parenthesis ( or \\(.  The error "
        "occurred while parsing the regular expression: '(>>>HERE>>>'.",
        "journey.xml:13: bad XPath '//form[': Unrecognized node test",
        "journey.xml:14: <extract> needs the attribute 'var'",
        "journey.xml:16: a step has at most one <body>",
        "journey.xml:17: <field> name is empty",
        "journey.xml:17: <field> '': variable 'nowhere' is not defined",
        "journey.xml:18: unknown element <frobnicate> in <step> (allowed: header, query, field, "
        "body, extract, expect)",
        "journey.xml:20: step name 'bad name!' may hold only letters, digits, '_', '-', '.'",
        "journey.xml:20: duplicate step name 'bad name!' (first at line 7)",
        "journey.xml:20: repeat '1001' must be a whole number from 1 to 1000",
        "journey.xml:21: repeat 'two' must be a whole number from 1 to 1000",
        "journey.xml:22: prefix 'p q' may hold only letters, digits, '_', '-', '.'",
        "journey.xml:23: include journey '../x' must be a file name in lib/ without .xml: letters, "
        "digits, '_', '-', '.'",
        "journey.xml:24: unknown attribute 'colour' on <include> (allowed: journey, prefix, "
        "mock-only)",
        "journey.xml:24: <with> 'who': variable 'nowhere' is not defined",
        "journey.xml:24: parameter 'who' is given twice",
        "journey.xml:24: unknown element <other> in <include> (allowed: with)",
        "journey.xml:24: include 'inc': parameter 'pw' has no <with name=\"pw\" value=\"...\"/>",
        "journey.xml:24: include 'inc' has no parameter 'extra' (parameters: who, pw)",
        "journey.xml:25: include 'missing': no such file lib/missing.xml",
        "journey.xml:26: mock-only must be true or false, not 'sure'",
        "journey.xml:26: include 'inc': parameter 'pw' has no <with name=\"pw\" value=\"...\"/>",
        "lib/inc.xml:1: unknown attribute 'colour' on <journey> (allowed: name, description, spec)",
        "lib/inc.xml:1: the included journey is named 'other', but its file is inc.xml",
        "lib/inc.xml:1: unexpected text 'text' in <journey>",
        "lib/inc.xml:4: parameter 'who' is declared twice",
        "lib/inc.xml:5: variable name '1bad' must start with a letter or '_' and hold letters, "
        "digits, '_', '.', '-'",
    };
    EXPECT_EQ(seen, expected) << all_errors(r);
}

} // namespace
} // namespace logintest::harness::scenario
