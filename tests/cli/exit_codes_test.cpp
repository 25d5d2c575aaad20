// The exit-code table of docs/exit-codes.md as data: each row a RunOutcome and the code it
// must give (decide_exit), then the adapters from the check and load results (outcome_of).
#include "cli/exit_codes.hpp"
#include "cli/run_outcome.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace logintest::cli {
namespace {

struct Row {
    const char* name;
    RunOutcome outcome;
    ExitCode code;
};

RunOutcome judged(std::uint64_t journeys, std::uint64_t errored = 0, std::uint64_t failed = 0,
                  std::uint64_t breached = 0) {
    RunOutcome o;
    o.journeys = journeys;
    o.errored = errored;
    o.failed = failed;
    o.breached = breached;
    return o;
}

template <typename F> RunOutcome with(RunOutcome o, F change) {
    change(o);
    return o;
}

const std::vector<Row>& table() {
    static const std::vector<Row> rows = {
        {"all passed", judged(10), exit_pass},
        {"one journey, passed", judged(1), exit_pass},
        {"a check failed", judged(10, 0, 1), exit_check_failed},
        {"every journey failed a check", judged(10, 0, 10), exit_check_failed},
        {"some journeys errored", judged(10, 3), exit_check_failed},
        {"every journey errored", judged(10, 10), exit_infrastructure},
        {"every journey errored, some checks too", judged(10, 10, 0, 1), exit_infrastructure},
        {"nothing completed", judged(0), exit_infrastructure},
        {"a threshold breached", judged(10, 0, 0, 1), exit_threshold},
        {"check failure and a threshold", judged(10, 0, 2, 1), exit_check_failed},
        {"errors and a threshold", judged(10, 2, 0, 1), exit_check_failed},
        {"interrupted before any completed", with(judged(0), [](auto& o) { o.interrupted = true; }),
         exit_infrastructure},
        {"interrupted, the completed passed",
         with(judged(4), [](auto& o) { o.interrupted = true; }), exit_pass},
        {"interrupted, a completed one failed",
         with(judged(4, 0, 1), [](auto& o) { o.interrupted = true; }), exit_check_failed},
        {"interrupted, a threshold breached",
         with(judged(4, 0, 0, 1), [](auto& o) { o.interrupted = true; }), exit_threshold},
        {"interrupted, every completed errored",
         with(judged(4, 4), [](auto& o) { o.interrupted = true; }), exit_infrastructure},
        {"unreachable", with(judged(5, 5), [](auto& o) { o.unreachable = true; }),
         exit_infrastructure},
        {"tool failed, all passed", with(judged(5), [](auto& o) { o.tool_failed = true; }),
         exit_infrastructure},
        {"tool failed beats usage",
         with(judged(5), [](auto& o) { o.tool_failed = o.usage_error = true; }),
         exit_infrastructure},
        {"usage beats a failed check", with(judged(5, 0, 1), [](auto& o) { o.usage_error = true; }),
         exit_usage},
        {"usage beats a threshold", with(judged(5, 0, 0, 1), [](auto& o) { o.usage_error = true; }),
         exit_usage},
        {"failed checks tolerated by a passing checks threshold",
         with(judged(10, 0, 2), [](auto& o) { o.failures_tolerated = true; }), exit_pass},
        {"errors tolerated by a passing errors threshold",
         with(judged(10, 2), [](auto& o) { o.errors_tolerated = true; }), exit_pass},
        {"errors tolerated, a check failure is not",
         with(judged(10, 2, 1), [](auto& o) { o.errors_tolerated = true; }), exit_check_failed},
        {"tolerated errors, every journey errored",
         with(judged(10, 10), [](auto& o) { o.errors_tolerated = true; }), exit_infrastructure},
        {"tolerated failures, another threshold breached",
         with(judged(10, 0, 2, 1), [](auto& o) { o.failures_tolerated = true; }), exit_threshold},
    };
    return rows;
}

TEST(ExitCodes, EveryRowOfTheTable) {
    for (const Row& row : table()) {
        const ExitDecision d = decide_exit(row.outcome);
        EXPECT_EQ(d.code, row.code) << row.name << ": " << d.reason;
        EXPECT_EQ(d.reason.empty(), d.code == exit_pass) << row.name;
    }
}

TEST(ExitCodes, ReasonsSayWhyAndMarkAnInterruptedRun) {
    EXPECT_EQ(decide_exit(with(judged(0), [](auto& o) { o.interrupted = true; })).reason,
              "interrupted before any journey completed: nothing was measured");
    EXPECT_EQ(decide_exit(judged(7, 7)).reason,
              "every journey ended by an error (7 journeys): nothing was measured");
    EXPECT_EQ(decide_exit(with(judged(4, 1, 2), [](auto& o) { o.interrupted = true; })).reason,
              "2 of 4 journeys failed a check; 1 of 4 journeys ended by an error (interrupted: "
              "judged on them)");
}

harness::model::JourneyResult journey(harness::model::Verdict verdict,
                                      harness::model::Outcome outcome) {
    harness::model::JourneyResult j;
    j.verdict = verdict;
    harness::model::StepResult s;
    s.verdict = verdict;
    s.outcome = outcome;
    j.steps.push_back(s);
    return j;
}

TEST(RunOutcome, OfACheckRunCountsJourneysByHowTheyEnded) {
    using harness::model::Outcome;
    using harness::model::Verdict;
    harness::model::RunResult run;
    run.journeys = {journey(Verdict::pass, Outcome::ok),
                    journey(Verdict::warn, Outcome::ok),
                    journey(Verdict::fail, Outcome::ok),
                    journey(Verdict::fail, Outcome::request_error),
                    journey(Verdict::fail, Outcome::protocol_error),
                    journey(Verdict::fail, Outcome::reset)};
    const RunOutcome o = outcome_of(run);
    EXPECT_EQ(o.journeys, 6u);
    EXPECT_EQ(o.errored, 2u); // no usable answer; a step that could not be built is a FAIL
    EXPECT_EQ(o.failed, 2u);
    EXPECT_EQ(decide_exit(o).code, exit_check_failed);
}

harness::load::Threshold threshold(const char* text) {
    auto parsed = harness::load::parse_threshold(text);
    EXPECT_TRUE(parsed.threshold) << parsed.error;
    return *parsed.threshold;
}

TEST(RunOutcome, OfALoadRunGivesRunWideErrorAndCheckThresholdsTheJudgement) {
    harness::model::LoadRunResult result;
    result.totals.completed = 100;
    result.totals.errored = 3;
    result.totals.failed = 2;
    result.totals.passed = 95;
    result.totals.requests = 500;
    EXPECT_EQ(decide_exit(outcome_of(result, {})).code, exit_check_failed);

    const std::vector<harness::load::Threshold> gates = {threshold("errors<5%"),
                                                         threshold("journey.checks<5%")};
    result.thresholds = {{"errors<5%", true, "", ""}, {"journey.checks<5%", true, "", ""}};
    RunOutcome o = outcome_of(result, gates);
    EXPECT_TRUE(o.errors_tolerated);
    EXPECT_TRUE(o.failures_tolerated);
    EXPECT_EQ(decide_exit(o).code, exit_pass);

    result.thresholds[1].passed = false; // the failures exceed what the gate tolerates
    o = outcome_of(result, gates);
    EXPECT_TRUE(o.errors_tolerated);
    EXPECT_FALSE(o.failures_tolerated);
    EXPECT_EQ(o.breached, 1u);
    EXPECT_EQ(decide_exit(o).code, exit_check_failed);

    // A step's or one journey's gate does not speak for the whole run.
    const std::vector<harness::load::Threshold> narrow = {threshold("step[login].errors<5%")};
    result.thresholds = {{"step[login].errors<5%", true, "", ""}};
    EXPECT_FALSE(outcome_of(result, narrow).errors_tolerated);
}

TEST(RunOutcome, OfALoadRunWhereEveryJourneyErroredOrNoneCompleted) {
    harness::model::LoadRunResult result;
    result.totals.completed = 40;
    result.totals.errored = 40;
    result.totals.requests = 0; // as the engine counts exchanges that got garbage
    result.totals.errors[harness::model::ErrorKind::protocol_error] = 40;
    const RunOutcome garbage = outcome_of(result, {});
    EXPECT_FALSE(garbage.unreachable) << "the target answered, with garbage";
    EXPECT_EQ(decide_exit(garbage).code, exit_infrastructure);

    harness::model::LoadRunResult interrupted;
    interrupted.interrupted = true;
    interrupted.totals.started = 3;
    interrupted.totals.unfinished = 3;
    const ExitDecision d = decide_exit(outcome_of(interrupted, {}));
    EXPECT_EQ(d.code, exit_infrastructure);
    EXPECT_EQ(d.reason, "interrupted before any journey completed: nothing was measured");
}

} // namespace
} // namespace logintest::cli
