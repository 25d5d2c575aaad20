// The result model: what a run found, step by step. Written by harness/engine, read by
// reports/ (console, JSON, JUnit), which never see anything else. Plain data; every string
// in it is already redacted (no password, token, `at` or cookie value appears in clear).
#pragma once

#include "harness/model/source_location.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace logintest::harness::model {

// PASS, FAIL (a MUST clause broken), WARN (a SHOULD clause broken), SKIP (cannot apply here,
// or an earlier step it depends on failed). Ordered by how bad they are for aggregation.
enum class Verdict { pass, skip, warn, fail };

// What happened on the wire, before any check ran. Anything but `ok` means the step got no
// usable answer; it is data (counted, reported), never an exception.
enum class Outcome {
    ok,
    refused,            // connection refused
    timeout,            // connect or request timeout
    reset,              // connection reset or closed without an answer
    tls_error,          // handshake or certificate verification failed
    resolve_error,      // host name could not be resolved
    protocol_error,     // malformed or truncated HTTP answer
    too_many_redirects, // redirect limit reached
    request_error,      // the step could not be built (template or URL error)
    not_run             // an earlier step ended the journey
};

struct CheckResult {
    Verdict verdict = Verdict::pass;
    std::string description; // what was checked, e.g. `status equals 200`
    std::string actual;      // what was seen (redacted)
    std::string message;     // why it failed, or empty
    std::vector<std::string> clauses;
    std::string check_id;
    SourceLocation where;
};

// One request/answer pair of a step; a step that follows redirects has several.
struct Hop {
    std::string method;
    std::string url; // redacted: secret query values are `***`
    int status = 0;
    std::string location;                 // redacted like url
    std::vector<std::string> cookies_set; // cookie names only
    double elapsed_ms = 0;
};

struct StepResult {
    std::string name;
    Verdict verdict = Verdict::pass;
    Outcome outcome = Outcome::ok;
    std::string error; // transport or request error text, empty when ok
    int status = 0;    // status of the last answer, 0 without one
    double elapsed_ms = 0;
    std::vector<Hop> hops;
    std::vector<CheckResult> checks;
    SourceLocation where;
};

struct JourneyResult {
    std::string name;
    std::string spec;
    std::string file;
    Verdict verdict = Verdict::pass;
    double elapsed_ms = 0;
    std::vector<StepResult> steps;
};

struct RunResult {
    static constexpr int schema = 1;
    std::string tool_version;
    std::string target;      // "embedded mock" or the target file
    std::string asurso_base; // public base URLs the run used
    std::string esia_base;
    std::string started_at; // RFC 3339, UTC
    std::string finished_at;
    double elapsed_ms = 0;
    // Ctrl-C or SIGTERM stopped the run: the journeys are those that ran (docs/exit-codes.md).
    bool interrupted = false;
    std::vector<JourneyResult> journeys;
};

const char* to_string(Verdict v);
const char* to_string(Outcome o);
// The worse of two verdicts (fail > warn > skip > pass).
Verdict worst(Verdict a, Verdict b);

} // namespace logintest::harness::model
