// Hand-built step answers for the checks tests: a FetchResult of one or more exchanges, and a
// check and an extract made the way the loader makes them, and the names (CheckOp, CheckSubject,
// Verdict, HasSubstr) every checks test uses. Header-only, no mutable state.
#pragma once

#include "harness/checks/evaluate.hpp"

#include <gmock/gmock.h>

#include <string>
#include <utility>
#include <vector>

namespace logintest::harness::checks::testing {

// The names every checks test uses, brought in with `using namespace testing;`.
using model::CheckOp;
using model::CheckSubject;
using model::Verdict;
using ::testing::HasSubstr;

inline http::Exchange exchange(std::string url, int status, std::vector<http::Header> headers,
                               std::string body = "") {
    http::Exchange e;
    e.request.method = "GET";
    e.request.url = std::move(url);
    e.response.status = status;
    e.response.headers = std::move(headers);
    e.response.body = std::move(body);
    e.elapsed_ms = 5;
    return e;
}

inline http::FetchResult fetch_of(std::vector<http::Exchange> exchanges) {
    http::FetchResult f;
    f.final_url = exchanges.empty() ? std::string() : exchanges.back().request.url;
    f.exchanges = std::move(exchanges);
    return f;
}

inline const std::string login_url = "http://asurso.ru:8080/webapi/login";
inline const http::Header json_type{"Content-Type", "application/json; charset=utf-8"};

// One JSON answer to POST /webapi/login.
inline http::FetchResult json_answer(int status, std::string body,
                                     std::vector<http::Header> extra = {}) {
    std::vector<http::Header> headers{json_type};
    headers.insert(headers.end(), extra.begin(), extra.end());
    return fetch_of({exchange(login_url, status, std::move(headers), std::move(body))});
}

inline model::Check check(model::CheckSubject subject, std::string path, model::CheckOp op,
                          std::string expected = "") {
    model::Check c;
    c.subject = subject;
    c.path = std::move(path);
    c.op = op;
    c.expected.text = std::move(expected);
    c.clauses = {"NS-LOGIN-22"};
    c.check_id = "J1-08";
    c.where = {"school_login.xml", 42};
    return c;
}

// An extract of `source` into the variable `v`, made the way the loader makes one.
inline model::Extract extract_of(model::ExtractSource source, std::string expr) {
    model::Extract ex;
    ex.var = "v";
    ex.source = source;
    ex.expr = std::move(expr);
    return ex;
}

} // namespace logintest::harness::checks::testing
