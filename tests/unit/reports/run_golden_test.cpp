// Golden files of the `check` reports: one fixed RunResult (every verdict, an outcome other
// than ok, redirect hops, a long URL, masked secrets, characters XML and JSON must escape,
// UTF-8 text, fixed times) rendered by the console trace (plain, and verbose with colour),
// the JSON report and the JUnit report, each compared byte for byte with
// tests/data/golden/reports/run.*. Regenerate with LOGINTEST_UPDATE_GOLDEN=1 (golden.hpp).
#include "reports/console_report.hpp"
#include "reports/json_report.hpp"
#include "reports/junit_report.hpp"
#include "tests/unit/reports/golden.hpp"

#include <gtest/gtest.h>

namespace logintest::reports {
namespace {

using namespace harness::model;
using testing::capture;
using testing::expect_golden;
using testing::fill_golden_header;

CheckResult check(Verdict verdict, std::string description, std::vector<std::string> clauses,
                  int line) {
    CheckResult c;
    c.verdict = verdict;
    c.description = std::move(description);
    c.clauses = std::move(clauses);
    c.where = {"scenarios/school_login.xml", line};
    return c;
}

Hop hop(std::string method, std::string url, int status, std::string location,
        std::vector<std::string> cookies, double ms) {
    return {std::move(method), std::move(url), status, std::move(location), std::move(cookies), ms};
}

JourneyResult school_login() {
    JourneyResult j;
    j.name = "school_login";
    j.spec = "J1";
    j.file = "scenarios/school_login.xml";
    j.verdict = Verdict::fail;
    j.elapsed_ms = 48.25;

    StepResult logindata;
    logindata.name = "logindata";
    logindata.status = 200;
    logindata.elapsed_ms = 3.5;
    logindata.where = {"scenarios/school_login.xml", 8};
    logindata.hops.push_back(
        hop("POST", "https://asurso.ru/webapi/auth/getdata", 200, "", {"NSSESSIONID"}, 3.5));
    CheckResult salt = check(Verdict::pass, "json /salt matches ^[0-9]+$", {"NS-LOGIN-4"}, 11);
    salt.actual = "\"1234567890\"";
    logindata.checks = {salt};
    j.steps.push_back(logindata);

    StepResult login;
    login.name = "login";
    login.verdict = Verdict::fail;
    login.status = 200;
    login.elapsed_ms = 21.125;
    login.where = {"scenarios/school_login.xml", 14};
    login.hops.push_back(hop("POST", "https://asurso.ru/webapi/login", 302,
                             "https://asurso.ru/app/school?at=***#1a2b", {"ESRNSec", "NSSESSIONID"},
                             12.5));
    login.hops.push_back(
        hop("GET", "https://asurso.ru/app/school?at=***#1a2b", 200, "", {}, 8.625));
    CheckResult status = check(Verdict::fail, "status equals 200", {"NS-LOGIN-22"}, 17);
    status.actual = "302";
    status.message = "status was 302, expected 200 (\"a & b\" <c>)";
    status.check_id = "login-status";
    CheckResult at = check(Verdict::pass, "json /at matches ^[0-9]{25}$", {"NS-LOGIN-14"}, 18);
    at.actual = "***#1a2b";
    CheckResult text = check(Verdict::fail, "body contains Пароль неверный", {"NS-LOGIN-9"}, 19);
    text.message = "the body does not contain «Пароль неверный»";
    login.checks = {status, at, text};
    j.steps.push_back(login);

    StepResult slow;
    slow.name = "app_page";
    slow.verdict = Verdict::warn;
    slow.status = 200;
    slow.elapsed_ms = 1234.5;
    slow.where = {"scenarios/school_login.xml", 22};
    slow.hops.push_back(hop("GET",
                            "https://asurso.ru/angular/school/main/?year=2026&very_long_parameter="
                            "abcdefghijklmnopqrstuvwxyz0123456789&another=1",
                            200, "", {}, 1234.5));
    CheckResult elapsed = check(Verdict::warn, "elapsed-ms less-than 1000", {"GEN-1"}, 24);
    elapsed.actual = "1234.5";
    elapsed.message = "took 1234.5 ms, expected less than 1000";
    slow.checks = {elapsed, check(Verdict::pass, "status equals 200", {"GEN-1", "NS-APP-1"}, 25)};
    j.steps.push_back(slow);

    StepResult logout;
    logout.name = "logout";
    logout.verdict = Verdict::skip;
    logout.outcome = Outcome::not_run;
    logout.error = "step 'login' got no answer";
    logout.where = {"scenarios/school_login.xml", 28};
    logout.checks = {check(Verdict::skip, "status equals 200", {"NS-SESSION-9"}, 30)};
    j.steps.push_back(logout);
    return j;
}

JourneyResult esia_down() {
    JourneyResult j;
    j.name = "esia_login";
    j.file = "scenarios/esia_login.xml";
    j.verdict = Verdict::fail;
    j.elapsed_ms = 2001;

    StepResult authorize;
    authorize.name = "authorize";
    authorize.verdict = Verdict::fail;
    authorize.outcome = Outcome::refused;
    authorize.error = "connection refused (esia-portal1.test.gosuslugi.ru:443)";
    authorize.elapsed_ms = 2001;
    authorize.where = {"scenarios/esia_login.xml", 6};
    j.steps.push_back(authorize);

    StepResult mfa;
    mfa.name = "mfa";
    mfa.verdict = Verdict::skip;
    mfa.outcome = Outcome::not_run;
    mfa.error = "step 'authorize' got no answer";
    mfa.where = {"scenarios/esia_login.xml", 12};
    j.steps.push_back(mfa);
    return j;
}

JourneyResult portal() {
    JourneyResult j;
    j.name = "portal";
    j.spec = "J0";
    j.file = "scenarios/portal.xml";
    j.elapsed_ms = 4;
    StepResult page;
    page.name = "portal_page";
    page.status = 200;
    page.elapsed_ms = 4;
    page.where = {"scenarios/portal.xml", 5};
    page.hops.push_back(hop("GET", "https://asurso.ru/", 200, "", {}, 4));
    CheckResult title =
        check(Verdict::pass, "xpath //title equals Сетевой Город", {"NS-PORTAL-1"}, 7);
    title.where.file = "scenarios/portal.xml";
    page.checks = {title};
    j.steps.push_back(page);
    return j;
}

RunResult sample_run() {
    RunResult run;
    fill_golden_header(run);
    run.elapsed_ms = 3287.75;
    run.journeys = {portal(), school_login(), esia_down()};
    return run;
}

std::string console(const RunResult& run, const ConsoleOptions& options) {
    return capture([&](std::FILE* out) {
        for (const auto& journey : run.journeys) {
            print_journey(out, journey, options);
        }
        print_summary(out, run, options);
    });
}

TEST(ReportGolden, ConsoleTrace) {
    expect_golden("run.console.txt", console(sample_run(), ConsoleOptions{}));
}

TEST(ReportGolden, ConsoleTraceVerboseInColour) {
    expect_golden("run.console-verbose-color.txt",
                  console(sample_run(), ConsoleOptions{.color = true, .verbose = true}));
}

TEST(ReportGolden, Json) {
    expect_golden("run.json", to_json(sample_run()));
}

TEST(ReportGolden, Junit) {
    expect_golden("run.junit.xml", to_junit(sample_run()));
}

} // namespace
} // namespace logintest::reports
