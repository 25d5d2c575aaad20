// The fault matrix under load (issue 10): every fault kind of the mock (MOCK-FAULT-2: latency,
// status, reset, truncate, stall; reset and truncate also after the handler) at rates 0.1,
// 0.5 and 1.0, each a short `logintest load` run of 40 school logins (4 users, one thread)
// against the embedded mock with the fault on GET /webapi/logindata, the first request of
// every journey, each journey on new connections (--new-connections): the rate is the share
// of journeys hit. For each run, from the JSON result:
//   - the run completes: 40 journeys ended, none unfinished;
//   - nothing is lost: started (+ no_account) = completed + unfinished, and completed =
//     passed + failed + errored; every logindata request has a status or an error kind;
//   - every fault is classified: the error kinds are the fault's own (reset -> reset,
//     truncate -> protocol_error, a stall or latency past the request timeout -> timeout;
//     an injected status is an answer: a failed check, no error), each a known kind;
//   - the exit code follows docs/exit-codes.md: every journey errored -> 4, some -> 1, a
//     failed check -> 1, a latency below the timeout -> 0.
// Prints the matrix (fault x rate -> outcome counts, exit code); `ctest -V` shows it. A
// second table shows resets on POST /webapi/login, sent on the journey's kept-alive
// connection: a POST is never sent again after a lost connection (RFC 9110 §9.2.2), so every
// injected reset reaches the result there too (classified like the first table).
#include "tests/cli/process/cli_process.hpp"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <set>

namespace logintest::cli_process {
namespace {

constexpr int journeys = 40;

struct Fault {
    const char* name;
    const char* rule;            // the rule's JSON members but method, path and probability
    const char* error_kind;      // the kind every hit journey must end with; null: none
    const char* status;          // the status every hit request must get; null: none
    double min_ms = 0;           // at rate 1.0, every faulted request at least this slow
    bool other_failures = false; // after the handler: side effects may fail other checks
};

const Fault faults[] = {
    {"latency 50ms", R"("kind":"latency","latency_ms":50)", nullptr, nullptr, 50},
    {"latency 2s > timeout", R"("kind":"latency","latency_ms":2000)", "timeout", nullptr},
    {"status 503", R"("kind":"status","status":503)", nullptr, "503"},
    {"status 500", R"("kind":"status","status":500)", nullptr, "500"},
    {"reset", R"("kind":"reset")", "reset", nullptr},
    {"reset after handler", R"("kind":"reset","after_handler":true)", "reset", nullptr, 0, true},
    {"truncate", R"("kind":"truncate","bytes":10)", "protocol_error", nullptr},
    {"truncate after handler", R"("kind":"truncate","bytes":0,"after_handler":true)",
     "protocol_error", nullptr, 0, true},
    {"stall 30s", R"("kind":"stall","duration_s":30)", "timeout", nullptr},
};

const std::set<std::string> known_kinds = {
    "account_error",  "fd_limit",  "no_account",        "not_run", "ports_exhausted",
    "protocol_error", "refused",   "request_error",     "reset",   "resolve_error",
    "timeout",        "tls_error", "too_many_redirects"};

struct Row {
    std::string fault;
    double rate = 0;
    std::uint64_t passed = 0, failed = 0, errored = 0, unfinished = 0;
    std::string errors;
    int exit = -1;
};

const boost::json::object& step_named(const boost::json::value& result, std::string_view name) {
    for (const auto& step : result.at("journeys").at(0).at("steps").as_array()) {
        if (step.at("name").as_string() == name) {
            return step.as_object();
        }
    }
    throw std::runtime_error("no such step in the result");
}

std::uint64_t sum(const boost::json::value& counts) {
    std::uint64_t n = 0;
    for (const auto& [key, value] : counts.as_object()) {
        n += value.to_number<std::uint64_t>();
    }
    return n;
}

// The run's counts into the row, and the run complete with nothing lost.
void check_accounting(const boost::json::value& result, std::string_view faulted, Row& row) {
    row.passed = count_at(result, "/totals/passed");
    row.failed = count_at(result, "/totals/failed");
    row.errored = count_at(result, "/totals/errored");
    row.unfinished = count_at(result, "/totals/unfinished");
    const std::uint64_t started = count_at(result, "/totals/started");
    const std::uint64_t completed = count_at(result, "/totals/completed");
    // The run completes, and nothing is lost.
    EXPECT_EQ(completed, std::uint64_t{journeys});
    EXPECT_EQ(row.unfinished, 0u);
    EXPECT_EQ(started + count_at(result, "/totals/errors/no_account"), completed + row.unfinished);
    EXPECT_EQ(completed, row.passed + row.failed + row.errored);
    const auto& step = step_named(result, faulted);
    EXPECT_EQ(sum(step.at("statuses")) + sum(step.at("errors")),
              step.at("runs").to_number<std::uint64_t>());
    for (const auto& [kind, count] : result.at("totals").at("errors").as_object()) {
        row.errors += fmt::format("{}{} {}", row.errors.empty() ? "" : ", ", std::string_view(kind),
                                  count.to_number<std::uint64_t>());
        EXPECT_TRUE(known_kinds.count(std::string(kind))) << "unknown error kind " << kind;
    }
}

// Every fault is classified, as its own kind.
void check_classification(const Fault& f, double rate, const boost::json::value& result,
                          const Row& row) {
    for (const auto& [kind, count] : result.at("totals").at("errors").as_object()) {
        EXPECT_TRUE(f.error_kind != nullptr && kind == f.error_kind)
            << kind << " is not what " << f.name << " gives";
    }
    if (f.error_kind != nullptr) {
        const std::uint64_t hit = count_at(result, fmt::format("/totals/errors/{}", f.error_kind));
        EXPECT_GT(hit, 0u) << "no " << f.error_kind << " classified";
        EXPECT_EQ(hit, row.errored);
        if (rate == 1.0) {
            EXPECT_EQ(hit, std::uint64_t{journeys});
        }
    }
    if (f.status != nullptr) {
        const std::uint64_t hit =
            count_at(result, fmt::format("/journeys/0/steps/0/statuses/{}", f.status));
        EXPECT_GT(hit, 0u) << "no status " << f.status << " counted";
        EXPECT_EQ(hit, row.failed) << "each injected status fails its journey's checks";
        EXPECT_EQ(row.errored, 0u);
    } else if (!f.other_failures) {
        EXPECT_EQ(row.failed, 0u);
    }
    if (f.min_ms > 0 && rate == 1.0) {
        EXPECT_GE(step_named(result, "logindata").at("latency").at("min_us").to_number<double>(),
                  f.min_ms * 1000);
    }
}

// docs/exit-codes.md for a load run without thresholds, from its counts.
int expected_exit(const Row& row) {
    if (row.errored == std::uint64_t{journeys}) {
        return 4;
    }
    return row.errored > 0 || row.failed > 0 ? 1 : 0;
}

// One load run with `f` on `method path` at `rate`: its row (exit code, counts), the JSON
// result checked for completeness; `reuse`: the journey keeps its connections.
Row run(const Fault& f, double rate, const char* method, const char* path, bool reuse,
        boost::json::value& result) {
    Row row;
    row.fault = f.name;
    row.rate = rate;
    const std::string tag = fmt::format("{}-{}-{}", static_cast<const void*>(&f), rate, reuse);
    const std::string config = temp_path("fault-" + tag + ".json");
    const std::string json = temp_path("fault-" + tag + "-result.json");
    write_text(config, fmt::format(R"({{"faults":{{"seed":7,"rules":[{{"method":"{}",)"
                                   R"("path":"{}",{},"probability":{}}}]}}}})",
                                   method, path, f.rule, rate));
    std::vector<std::string> args = {"load",
                                     "scenarios/load/school_login_pool.xml",
                                     "--vus",
                                     "4",
                                     "--iterations",
                                     std::to_string(journeys),
                                     "--think",
                                     "0s",
                                     "--threads",
                                     "1",
                                     "--progress",
                                     "none",
                                     "--request-timeout-ms",
                                     "500",
                                     "--mock-config",
                                     config,
                                     "--json",
                                     json};
    if (!reuse) {
        args.emplace_back("--new-connections");
    }
    Process load(args);
    row.exit = load.wait();
    const std::string output = load.output();
    SCOPED_TRACE(fmt::format("{} at {}: ...{}", f.name, rate,
                             output.substr(output.size() > 400 ? output.size() - 400 : 0)));
    result = read_json(json);
    check_accounting(result, reuse ? "login" : "logindata", row);
    EXPECT_EQ(row.exit, expected_exit(row));
    return row;
}

std::string table_of(const std::vector<Row>& rows, const char* where) {
    std::string table = fmt::format("| fault on {} | rate | passed | failed a check | errored | "
                                    "errors by kind | unfinished | exit |\n"
                                    "| --- | --- | --- | --- | --- | --- | --- | --- |\n",
                                    where);
    for (const Row& r : rows) {
        table += fmt::format("| {} | {:g} | {} | {} | {} | {} | {} | {} |\n", r.fault, r.rate,
                             r.passed, r.failed, r.errored, r.errors.empty() ? "-" : r.errors,
                             r.unfinished, r.exit);
    }
    return table;
}

TEST(FaultMatrix, EveryFaultKindAtEveryRateIsClassifiedAndJudged) {
    std::vector<Row> rows;
    for (const Fault& f : faults) {
        for (const double rate : {0.1, 0.5, 1.0}) {
            boost::json::value result;
            rows.push_back(run(f, rate, "GET", "/webapi/logindata", false, result));
            SCOPED_TRACE(fmt::format("{} at {}", f.name, rate));
            check_classification(f, rate, result, rows.back());
            if (rate == 1.0 && f.error_kind != nullptr) {
                EXPECT_EQ(rows.back().exit, 4) << "every journey hit by a fatal fault";
            }
        }
    }
    std::vector<Row> reused;
    for (const double rate : {0.1, 0.5, 1.0}) {
        boost::json::value result;
        reused.push_back(run(faults[4], rate, "POST", "/webapi/login", true, result));
        SCOPED_TRACE(fmt::format("{} on a kept-alive POST at {}", faults[4].name, rate));
        check_classification(faults[4], rate, result, reused.back());
    }
    std::printf("fault matrix: %d journeys of school_login_pool a run, 4 users, 1 thread, "
                "request timeout 500 ms, fault seed 7\n%s\n%s",
                journeys, table_of(rows, "GET /webapi/logindata, new connections").c_str(),
                table_of(reused, "POST /webapi/login, kept-alive connection").c_str());
}

} // namespace
} // namespace logintest::cli_process
