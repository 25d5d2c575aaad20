// Names of verdicts and outcomes as they appear in every report.
#include "harness/model/result.hpp"

namespace logintest::harness::model {

const char* to_string(Verdict v) {
    switch (v) {
    case Verdict::pass:
        return "PASS";
    case Verdict::skip:
        return "SKIP";
    case Verdict::warn:
        return "WARN";
    case Verdict::fail:
        return "FAIL";
    }
    return "?";
}

const char* to_string(Outcome o) {
    switch (o) {
    case Outcome::ok:
        return "ok";
    case Outcome::refused:
        return "refused";
    case Outcome::timeout:
        return "timeout";
    case Outcome::reset:
        return "reset";
    case Outcome::tls_error:
        return "tls_error";
    case Outcome::resolve_error:
        return "resolve_error";
    case Outcome::protocol_error:
        return "protocol_error";
    case Outcome::too_many_redirects:
        return "too_many_redirects";
    case Outcome::request_error:
        return "request_error";
    case Outcome::not_run:
        return "not_run";
    }
    return "?";
}

Verdict worst(Verdict a, Verdict b) {
    return static_cast<int>(a) > static_cast<int>(b) ? a : b;
}

} // namespace logintest::harness::model
