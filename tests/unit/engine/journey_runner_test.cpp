// The journey runner on an in-memory transport (tests/support/memory_transport.hpp): what
// `check` records (run_journey) and what `load` sees (play_journey) for the same journeys,
// without sockets, threads or a mock server.
#include "harness/engine/journey_runner.hpp"

#include "harness/engine/accounts.hpp"
#include "harness/scenario/loader.hpp"
#include "harness/scenario/spec_ids.hpp"
#include "tests/support/memory_transport.hpp"
#include "tests/support/run_awaitable.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>

#include <gtest/gtest.h>

#include <exception>
#include <memory>
#include <string>
#include <vector>

namespace logintest::harness::engine {
namespace {

using model::Outcome;
using model::Verdict;

constexpr const char* fixture =
    R"({"users":[{"userId":592640,"login":"ИвановИ","scid":2436,"password":"Qwe123!z"}]})";

model::Journey journey(const std::string& xml) {
    auto loaded = scenario::load_journey_text(xml, "inline.xml", scenario::SpecIds::builtin(),
                                              predefined_variables());
    for (const auto& e : loaded.errors) {
        ADD_FAILURE() << scenario::format_error(e);
    }
    if (!loaded.ok()) {
        throw std::runtime_error("journey did not load");
    }
    return *loaded.journey;
}

// Everything a load observer is told, per step.
class CollectingObserver final : public StepObserver {
public:
    void on_check_failed(std::size_t step, std::size_t index, bool warning,
                         const FailureDetail& detail) override {
        failures.push_back({step, index, warning, detail.describe()});
    }
    void on_step(const StepEvent& event) override { steps.push_back(event); }

    struct Failure {
        std::size_t step = 0;
        std::size_t index = 0;
        bool warning = false;
        model::CheckResult detail;
    };
    std::vector<StepEvent> steps;
    std::vector<Failure> failures;
};

class JourneyRunner : public ::testing::Test {
protected:
    JourneyRunner() {
        http::ClientOptions options;
        options.verify_tls = false; // no system trust store to load: nothing here is TLS
        auto created = http::ClientContext::create(options, &transport);
        EXPECT_TRUE(created.ok()) << created.error;
        client_ = std::move(created.context);
        auto loaded = Accounts::parse(fixture, "fixture.json");
        EXPECT_TRUE(loaded.error.empty()) << loaded.error;
        accounts_ = std::move(loaded.accounts);
    }

    RunContext context(bool mock = false) const {
        RunContext c{"http://asurso.test", "http://esia.test", accounts_, *client_};
        c.mock = mock;
        return c;
    }

    template <class T> T run(boost::asio::awaitable<T> work) {
        return logintest::testing::run_awaitable(std::move(work));
    }

    model::JourneyResult check(const model::Journey& j, bool mock = false) {
        return run(run_journey(j, context(mock)));
    }

    JourneySummary load(const model::Journey& j, CollectingObserver& observer) {
        PlayOptions options;
        options.observer = &observer;
        return run(play_journey(j, context(), options));
    }

    tests::MemoryTransport transport;

private:
    std::unique_ptr<http::ClientContext> client_;
    Accounts accounts_;
};

const char* const two_steps = R"(<journey name="two">
  <step name="logindata" url="${asurso}/webapi/logindata">
    <extract var="lt" json="/lt"/>
    <expect status="200" clause="NS-LOGIN-4" check="J1-01"/>
    <expect json="/schoolLogin" equals="true" clause="NS-LOGIN-4"/>
  </step>
  <step name="login" method="POST" url="${asurso}/webapi/login?lt=${lt}">
    <expect status="200" clause="NS-LOGIN-22"/>
  </step>
</journey>)";

void answer_two_steps(tests::MemoryTransport& transport, const std::string& school_login) {
    transport.answer("asurso.test", "/webapi/logindata", 200,
                     R"({"lt":"4711","schoolLogin":)" + school_login + "}",
                     {{"Content-Type", "application/json"}});
    transport.answer("asurso.test", "/webapi/login", 200, "{}");
}

TEST_F(JourneyRunner, RecordsEveryStepAndCheckOfAPassingJourneyWithItsClauses) {
    answer_two_steps(transport, "true");
    const auto result = check(journey(two_steps));
    EXPECT_EQ(result.name, "two");
    EXPECT_EQ(result.verdict, Verdict::pass);
    ASSERT_EQ(result.steps.size(), 2u);
    const auto& first = result.steps[0];
    EXPECT_EQ(first.name, "logindata");
    EXPECT_EQ(first.verdict, Verdict::pass);
    EXPECT_EQ(first.outcome, Outcome::ok);
    EXPECT_EQ(first.status, 200);
    ASSERT_EQ(first.hops.size(), 1u);
    EXPECT_EQ(first.hops[0].url, "http://asurso.test/webapi/logindata");
    ASSERT_EQ(first.checks.size(), 2u);
    EXPECT_EQ(first.checks[0].description, "status equals 200");
    EXPECT_EQ(first.checks[0].clauses, std::vector<std::string>{"NS-LOGIN-4"});
    EXPECT_EQ(first.checks[0].check_id, "J1-01");
    EXPECT_EQ(first.checks[1].verdict, Verdict::pass);
    EXPECT_EQ(result.steps[1].checks.at(0).clauses, std::vector<std::string>{"NS-LOGIN-22"});
}

TEST_F(JourneyRunner, AFailedCheckFailsItsStepAndTheJourneyWithTheReason) {
    answer_two_steps(transport, "false");
    const auto result = check(journey(two_steps));
    EXPECT_EQ(result.verdict, Verdict::fail);
    ASSERT_EQ(result.steps.size(), 2u);
    EXPECT_EQ(result.steps[0].verdict, Verdict::fail);
    const auto& failed = result.steps[0].checks.at(1);
    EXPECT_EQ(failed.verdict, Verdict::fail);
    EXPECT_NE(failed.actual.find("false"), std::string::npos) << failed.actual;
    EXPECT_FALSE(failed.message.empty());
    // A failed check does not end the journey: the next step runs.
    EXPECT_EQ(result.steps[1].verdict, Verdict::pass);
}

TEST_F(JourneyRunner, AnExtractFeedsALaterStep) {
    answer_two_steps(transport, "true");
    const auto result = check(journey(two_steps));
    ASSERT_EQ(transport.requests().size(), 2u);
    EXPECT_EQ(transport.requests()[1].url, "http://asurso.test/webapi/login?lt=4711");
    EXPECT_EQ(result.steps.at(1).hops.at(0).url, "http://asurso.test/webapi/login?lt=4711");
}

TEST_F(JourneyRunner, AFailedExtractIsRecordedBeforeTheChecksAndSkipsItsUsers) {
    transport.answer("asurso.test", "/webapi/logindata", 200, "{}");
    const auto result = check(journey(two_steps));
    ASSERT_EQ(result.steps.size(), 2u);
    ASSERT_EQ(result.steps[0].checks.size(), 3u);
    EXPECT_EQ(result.steps[0].checks[0].description, "extract ${lt}");
    EXPECT_EQ(result.steps[0].checks[0].verdict, Verdict::fail);
    EXPECT_EQ(result.steps[1].outcome, Outcome::request_error);
    EXPECT_EQ(result.steps[1].verdict, Verdict::skip);
    EXPECT_NE(result.steps[1].error.find("step 'logindata' could not extract"), std::string::npos)
        << result.steps[1].error;
}

TEST_F(JourneyRunner, ATransportErrorEndsTheJourneyAndTheRestIsNotRun) {
    transport.fail("asurso.test", "/webapi/logindata", Outcome::refused,
                   "connection refused to asurso.test:80");
    const auto result = check(journey(two_steps));
    EXPECT_EQ(result.verdict, Verdict::fail);
    ASSERT_EQ(result.steps.size(), 2u);
    EXPECT_EQ(result.steps[0].outcome, Outcome::refused);
    EXPECT_EQ(result.steps[0].error, "connection refused to asurso.test:80");
    EXPECT_EQ(result.steps[0].checks.at(0).verdict, Verdict::skip);
    EXPECT_EQ(result.steps[0].checks.at(0).message, "no answer (refused)");
    EXPECT_EQ(result.steps[1].outcome, Outcome::not_run);
    EXPECT_EQ(result.steps[1].verdict, Verdict::skip);
    EXPECT_EQ(result.steps[1].error, "step 'logindata' got no answer (refused)");
    EXPECT_EQ(result.steps[1].checks.at(0).message,
              "not run: step 'logindata' got no answer (refused)");
    EXPECT_EQ(transport.requests().size(), 1u);
}

TEST_F(JourneyRunner, MockOnlyPartsSkipAgainstATargetThatIsNotAMock) {
    transport.answer("asurso.test", "/webapi/logindata", 200, R"({"schoolLogin":true})");
    const auto result = check(journey(R"(<journey name="real">
  <step name="counters" url="${asurso}/mock/counters" mock-only="true">
    <extract var="requests" json="/requests"/>
    <expect status="200" clause="MOCK-CP-4"/>
  </step>
  <step name="logindata" url="${asurso}/webapi/logindata">
    <expect status="200" clause="NS-LOGIN-4"/>
    <expect json="/schoolLogin" equals="false" clause="NS-LOGIN-4" mock-only="true"/>
  </step>
</journey>)"));
    ASSERT_EQ(result.steps.size(), 2u);
    EXPECT_EQ(result.steps[0].verdict, Verdict::skip);
    EXPECT_EQ(result.steps[0].error, "needs the mock");
    EXPECT_EQ(result.steps[0].checks.at(0).message, "needs the mock");
    EXPECT_EQ(result.steps[1].verdict, Verdict::pass);
    EXPECT_EQ(result.steps[1].checks.at(1).verdict, Verdict::skip);
    EXPECT_EQ(result.steps[1].checks.at(1).message, "needs the mock");
    EXPECT_EQ(result.verdict, Verdict::skip);
    ASSERT_EQ(transport.requests().size(), 1u); // no reset, no mock-only request
}

TEST_F(JourneyRunner, ResetsBothHostsOfAMockFirst) {
    transport.answer("asurso.test", "/mock/reset", 200, "{}");
    transport.answer("esia.test", "/mock/reset", 200, "{}");
    answer_two_steps(transport, "true");
    const auto result = check(journey(two_steps), /*mock=*/true);
    EXPECT_EQ(result.verdict, Verdict::pass);
    ASSERT_EQ(transport.requests().size(), 4u);
    EXPECT_EQ(transport.requests()[0].url, "http://asurso.test/mock/reset");
    EXPECT_EQ(transport.requests()[1].url, "http://esia.test/mock/reset");
}

TEST_F(JourneyRunner, ScrubsSecretsFromEveryRecordedText) {
    transport.answer("asurso.test", "/webapi/auth", 200,
                     R"({"token":"t0ken-s3cret-value","echo":"Qwe123!z"})");
    transport.answer("asurso.test", "/webapi/next", 200, "{}");
    const auto result = check(journey(R"(<journey name="secrets">
  <account as="pupil" login="ИвановИ" scid="2436"/>
  <step name="auth" method="POST" url="${asurso}/webapi/auth?p=${pupil.password}">
    <extract var="token" json="/token" secret="true"/>
    <expect json="/echo" equals="nothing" clause="NS-LOGIN-22"/>
  </step>
  <step name="next" url="${asurso}/webapi/next?t=${token}">
    <expect status="201" clause="NS-LOGIN-22"/>
  </step>
</journey>)"));
    ASSERT_EQ(result.steps.size(), 2u);
    const std::vector<std::string> secrets = {"Qwe123!z", "t0ken-s3cret-value"};
    for (const auto& step : result.steps) {
        std::string texts = step.error;
        for (const auto& hop : step.hops) {
            texts += hop.url + hop.location;
        }
        for (const auto& c : step.checks) {
            texts += c.description + c.actual + c.message;
        }
        for (const auto& secret : secrets) {
            EXPECT_EQ(texts.find(secret), std::string::npos) << step.name << ": " << texts;
        }
    }
    EXPECT_NE(result.steps[1].hops.at(0).url.find("***"), std::string::npos);
    // The requests themselves carry the values.
    EXPECT_EQ(transport.requests().at(1).url,
              "http://asurso.test/webapi/next?t=t0ken-s3cret-value");
}

TEST_F(JourneyRunner, CheckAndLoadReportTheSameVerdictsForTheSameJourney) {
    const auto j = journey(R"(<journey name="mixed">
  <step name="logindata" url="${asurso}/webapi/logindata">
    <extract var="lt" json="/lt"/>
    <extract var="missing" json="/missing"/>
    <expect status="200" clause="NS-LOGIN-4"/>
    <expect json="/schoolLogin" equals="false" clause="NS-LOGIN-4"/>
    <expect header="Cache-Control" contains="no-store" severity="warning" clause="NS-LOGIN-22"/>
  </step>
  <step name="uses_missing" url="${asurso}/x/${missing}"/>
  <step name="after" url="${asurso}/webapi/login"/>
</journey>)");
    answer_two_steps(transport, "true");
    const auto recorded = check(j);
    CollectingObserver observer;
    const JourneySummary summary = load(j, observer);

    EXPECT_EQ(summary.verdict, recorded.verdict);
    EXPECT_EQ(recorded.verdict, Verdict::fail);
    ASSERT_EQ(observer.steps.size(), recorded.steps.size());
    for (std::size_t i = 0; i < recorded.steps.size(); ++i) {
        EXPECT_EQ(observer.steps[i].verdict, recorded.steps[i].verdict) << i;
        EXPECT_EQ(observer.steps[i].outcome, recorded.steps[i].outcome) << i;
        EXPECT_EQ(observer.steps[i].status, recorded.steps[i].status) << i;
    }
    // The failures load is told of are the recorded ones, with the same texts.
    ASSERT_EQ(observer.failures.size(), 3u);
    EXPECT_EQ(observer.failures[0].index, 4u); // extract 1 of the step: after its 3 checks
    EXPECT_EQ(observer.failures[0].detail.description, recorded.steps[0].checks[0].description);
    EXPECT_EQ(observer.failures[1].index, 1u);
    EXPECT_EQ(observer.failures[1].detail.message, recorded.steps[0].checks[2].message);
    EXPECT_TRUE(observer.failures[2].warning);
    EXPECT_EQ(summary.checks, 5u);
    EXPECT_EQ(summary.checks_failed, 3u);
    EXPECT_EQ(summary.error, Outcome::request_error);
}

TEST_F(JourneyRunner, PlaysWithoutAnObserver) {
    answer_two_steps(transport, "true");
    const JourneySummary summary = run(play_journey(journey(two_steps), context(), {}));
    EXPECT_EQ(summary.verdict, Verdict::pass);
    EXPECT_EQ(summary.requests, 2u);
    EXPECT_EQ(summary.checks, 4u);
}

TEST_F(JourneyRunner, AStepOfABranchNotTakenIsNeitherSentNorRecorded) {
    transport.answer("asurso.test", "/webapi/logindata", 200, R"({"lt":"1"})");
    const auto result = check(journey(R"(<journey name="branches">
  <var name="kind" value="pupil"/>
  <if var="kind" equals="teacher">
    <step name="teacher_only" url="${asurso}/teacher"/>
  </if>
  <choose>
    <option weight="1" name="only"><step name="logindata" url="${asurso}/webapi/logindata"/></option>
  </choose>
</journey>)"));
    ASSERT_EQ(result.steps.size(), 1u);
    EXPECT_EQ(result.steps[0].name, "only/logindata"); // the pick shows in the name
    ASSERT_EQ(transport.requests().size(), 1u);
    EXPECT_EQ(transport.requests()[0].url, "http://asurso.test/webapi/logindata");
}

TEST_F(JourneyRunner, ACookielessStepSendsNoCookieAndKeepsTheJarForTheNext) {
    transport.answer("asurso.test", "/set", 200, "", {{"Set-Cookie", "sid=1; Path=/"}});
    transport.answer("asurso.test", "/bare", 200, "", {{"Set-Cookie", "other=2; Path=/"}});
    transport.answer("asurso.test", "/after", 200);
    transport.answer("asurso.test", "/elsewhere", 200);
    const auto result = check(journey(R"(<journey name="cookies">
  <step name="set" url="${asurso}/set"/>
  <step name="bare" url="${asurso}/bare" cookies="none"/>
  <step name="after" url="${asurso}/after"/>
  <step name="elsewhere" url="${asurso}/elsewhere" session="second"/>
</journey>)"));
    EXPECT_EQ(result.verdict, Verdict::pass);
    ASSERT_EQ(transport.requests().size(), 4u);
    auto cookie = [&](std::size_t i) {
        for (const auto& h : transport.requests()[i].headers) {
            if (h.name == "Cookie") {
                return h.value;
            }
        }
        return std::string("<none>");
    };
    EXPECT_EQ(cookie(1), "<none>");
    EXPECT_EQ(cookie(2), "sid=1");  // the cookie-less step's cookie was thrown away
    EXPECT_EQ(cookie(3), "<none>"); // another virtual browser, another jar
}

TEST_F(JourneyRunner, AFailedResetRunsNoStepAndFailsTheJourney) {
    transport.answer("asurso.test", "/mock/reset", 404);
    const auto result = check(journey(two_steps), /*mock=*/true);
    EXPECT_EQ(result.verdict, Verdict::fail);
    ASSERT_EQ(result.steps.size(), 3u);
    EXPECT_EQ(result.steps[0].name, "mock-reset");
    EXPECT_EQ(result.steps[0].outcome, Outcome::protocol_error);
    EXPECT_EQ(result.steps[1].outcome, Outcome::not_run);
    EXPECT_EQ(result.steps[1].error.rfind("the mock could not be reset: POST "
                                          "http://asurso.test/mock/reset answered 404",
                                          0),
              0u)
        << result.steps[1].error;
    EXPECT_EQ(transport.requests().size(), 1u);
}

TEST_F(JourneyRunner, AnAccountThatCannotBeBoundIsASetupErrorForBothCommands) {
    const auto j = journey(R"(<journey name="nobody">
  <account as="pupil" login="nobody" scid="1"/>
  <step name="logindata" url="${asurso}/webapi/logindata"/>
</journey>)");
    const auto result = check(j);
    EXPECT_EQ(result.verdict, Verdict::fail);
    ASSERT_EQ(result.steps.size(), 1u);
    EXPECT_EQ(result.steps[0].outcome, Outcome::not_run);
    CollectingObserver observer;
    const JourneySummary summary = load(j, observer);
    EXPECT_TRUE(summary.setup_error);
    EXPECT_EQ(summary.verdict, Verdict::fail);
    EXPECT_TRUE(transport.requests().empty());
}

TEST(RunContext, ParsesTheHostsOfItsBasesWhenMade) {
    const BaseHost host("https://esia.example:8443/base");
    EXPECT_EQ(host.host_of("https://esia.example:8443/base"), "esia.example");
    EXPECT_EQ(host.host_of("http://127.0.0.2:1"), "127.0.0.2");
    EXPECT_FALSE(host.host_of("not a url"));
}

} // namespace
} // namespace logintest::harness::engine
