// The exit codes of docs/exit-codes.md as a user sees them, where a cmake test cannot reach:
// a target answering garbage, Ctrl-C before and after journeys completed, Ctrl-C during the
// set-up, a port already taken. Each runs the real `logintest` executable.
#include "tests/cli/process/cli_process.hpp"

#include <gtest/gtest.h>

namespace logintest::cli_process {
namespace {

using Args = std::vector<std::string>;

// Finding 5: every journey failed with a protocol error; `load` said 0, `check` 4.
TEST(ExitCodeProcess, LoadAgainstATargetAnsweringGarbageIs4) {
    GarbageServer garbage;
    const std::string json = temp_path("garbage.json");
    Process load({"load", "scenarios/load/logindata_only.xml", "--vus", "2", "--iterations", "6",
                  "--think", "0s", "--threads", "1", "--progress", "none", "--asurso-url",
                  garbage.url(), "--esia-url", garbage.url(), "--json", json});
    EXPECT_EQ(load.wait(), 4) << load.output();
    EXPECT_NE(load.output().find("every journey ended by an error"), std::string::npos);
    const auto result = read_json(json);
    EXPECT_EQ(count_at(result, "/totals/errors/protocol_error"), 6u);
    Process check({"check", "scenarios/school_login.xml", "--asurso-url", garbage.url(),
                   "--esia-url", garbage.url()});
    EXPECT_EQ(check.wait(), 4) << check.output();
}

// An answer announcing a 1 GiB body (beyond the client's limit) is a protocol error too.
TEST(ExitCodeProcess, LoadAgainstATargetAnsweringOversizedBodiesIs4) {
    GarbageServer oversized("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                            "Content-Length: 1073741824\r\n\r\n" +
                            std::string(65536, 'x'));
    const std::string json = temp_path("oversized.json");
    Process load({"load", "scenarios/load/logindata_only.xml", "--vus", "2", "--iterations", "6",
                  "--think", "0s", "--threads", "1", "--progress", "none", "--asurso-url",
                  oversized.url(), "--esia-url", oversized.url(), "--json", json});
    EXPECT_EQ(load.wait(), 4) << load.output();
    EXPECT_EQ(count_at(read_json(json), "/totals/errors/protocol_error"), 6u);
}

// The mock holds every request for 20 s (longer than the request timeout): no journey can
// complete before Ctrl-C, and --grace 0s abandons the ones in flight at once.
const char* const holding_mock = R"({"faults":{"seed":1,"rules":[
    {"method":"*","path":"*","kind":"latency","latency_ms":20000}]}})";

TEST(ExitCodeProcess, LoadInterruptedBeforeAnyJourneyCompletedIs4) {
    const std::string config = temp_path("holding-mock.json");
    write_text(config, holding_mock);
    const std::string json = temp_path("interrupted-early.json");
    Process load({"load", "scenarios/load/logindata_only.xml", "--vus", "2", "--duration", "60s",
                  "--grace", "0s", "--threads", "1", "--progress", "plain", "--mock-config", config,
                  "--json", json});
    ASSERT_TRUE(load.wait_for_output("Ctrl-C stops")) << load.output();
    load.signal(SIGINT);
    EXPECT_EQ(load.wait(), 4) << load.output();
    EXPECT_NE(load.output().find("interrupted before any journey completed"), std::string::npos)
        << load.output();
    const auto result = read_json(json);
    EXPECT_TRUE(result.at("interrupted").as_bool());
    EXPECT_EQ(count_at(result, "/totals/completed"), 0u);
}

TEST(ExitCodeProcess, LoadTerminatedBeforeAnyJourneyCompletedIs4) {
    const std::string config = temp_path("holding-mock-term.json");
    write_text(config, holding_mock);
    Process load({"load", "scenarios/load/logindata_only.xml", "--vus", "2", "--duration", "60s",
                  "--grace", "0s", "--threads", "1", "--progress", "none", "--mock-config",
                  config});
    ASSERT_TRUE(load.wait_for_output("Ctrl-C stops")) << load.output();
    load.signal(SIGTERM);
    EXPECT_EQ(load.wait(), 4) << load.output();
    EXPECT_NE(load.output().find("interrupted before any journey completed"), std::string::npos)
        << load.output();
}

// Journeys complete, each failing its status check (an injected 503), then Ctrl-C: the run is
// judged on the completed journeys (a check failed: 1) and marked interrupted.
TEST(ExitCodeProcess, LoadInterruptedAfterJourneysCompletedIsJudgedOnThem) {
    const std::string config = temp_path("status-mock.json");
    write_text(config, R"({"faults":{"seed":1,"rules":[
        {"method":"GET","path":"/webapi/logindata","kind":"status","status":503}]}})");
    const std::string json = temp_path("interrupted-late.json");
    Process load({"load", "scenarios/load/logindata_only.xml", "--vus", "1", "--think", "0.1s",
                  "--duration", "60s", "--threads", "1", "--progress", "plain",
                  "--progress-interval", "1", "--mock-config", config, "--json", json});
    ASSERT_TRUE(load.wait_for_output(" done ")) << load.output();
    load.signal(SIGINT);
    EXPECT_EQ(load.wait(), 1) << load.output();
    EXPECT_NE(load.output().find("interrupted: judged on them"), std::string::npos)
        << load.output();
    const auto result = read_json(json);
    EXPECT_TRUE(result.at("interrupted").as_bool());
    EXPECT_GT(count_at(result, "/totals/completed"), 0u);
    EXPECT_EQ(count_at(result, "/totals/failed"), count_at(result, "/totals/completed"));
}

TEST(ExitCodeProcess, LoadInterruptedDuringTheSetUpIs4) {
    Process load({"load", "scenarios/load/logindata_only.xml", "--vus", "1", "--iterations", "3",
                  "--threads", "1", "--progress", "none"},
                 /*pending_sigint=*/true);
    EXPECT_EQ(load.wait(), 4) << load.output();
    EXPECT_NE(load.output().find("interrupted (SIGINT) during the set-up"), std::string::npos)
        << load.output();
}

TEST(ExitCodeProcess, CheckInterruptedDuringTheSetUpIs4) {
    Process check({"check", "scenarios/school_login.xml"}, /*pending_sigint=*/true);
    EXPECT_EQ(check.wait(), 4) << check.output();
    EXPECT_NE(check.output().find("interrupted (SIGINT) during the set-up"), std::string::npos)
        << check.output();
}

// Ctrl-C while `check` runs: the journey in flight ends, the rest are not run, and the
// completed ones are judged (the catalog passes: 0), marked interrupted.
TEST(ExitCodeProcess, CheckInterruptedAfterAJourneyIsJudgedOnTheCompletedOnes) {
    const std::string config = temp_path("slow-check-mock.json");
    write_text(config, R"({"faults":{"seed":1,"rules":[
        {"method":"*","path":"*","kind":"latency","latency_ms":300}]}})");
    const std::string json = temp_path("interrupted-check.json");
    Process check(
        {"check", "scenarios", "--mock-config", config, "--color", "never", "--json", json});
    ASSERT_TRUE(check.wait_for_output("PASS ")) << check.output();
    check.signal(SIGINT);
    EXPECT_EQ(check.wait(), 0) << check.output();
    EXPECT_NE(check.output().find("interrupted (SIGINT): "), std::string::npos) << check.output();
    EXPECT_NE(check.output().find("the result is partial"), std::string::npos) << check.output();
    EXPECT_TRUE(read_json(json).at("interrupted").as_bool());
}

// A port the embedded mock (check, load) or `logintest mock` is told to use is taken: the
// tool could not measure (4), not a usage error.
TEST(ExitCodeProcess, APortTakenIs4ForEveryCommand) {
    const ListeningSocket taken;
    const std::string config = temp_path("taken-port.json");
    write_text(config, R"({"hosts":{"asurso":{"listen":"127.0.0.1:)" +
                           std::to_string(taken.port()) + R"("}}})");
    Process check({"check", "scenarios/school_login.xml", "--mock-config", config});
    EXPECT_EQ(check.wait(), 4) << check.output();
    Process load({"load", "scenarios/load/logindata_only.xml", "--vus", "1", "--iterations", "1",
                  "--threads", "1", "--progress", "none", "--mock-config", config});
    EXPECT_EQ(load.wait(), 4) << load.output();
    Process mock({"mock", "--asurso-address", "127.0.0.1", "--asurso-port",
                  std::to_string(taken.port()), "--esia-port", "0"});
    EXPECT_EQ(mock.wait(), 4) << mock.output();
}

} // namespace
} // namespace logintest::cli_process
