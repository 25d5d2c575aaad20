// Micro-benchmarks of the per-request hot paths of a virtual user: the NetSchool password
// proof, template expansion, the cookie jar, JSON and HTML extraction, and a check's verdict
// with and without its texts (the load engine's path against `check`'s). The histogram's
// record is in latency_histogram_bench.cpp. Run `make bench`; compare figures within one run
// only (the machines are shared and noisy).
#include "crypto/netschool_hash.hpp"
#include "harness/checks/evaluate.hpp"
#include "harness/http/cookie_jar.hpp"
#include "harness/scenario/template.hpp"

#include <benchmark/benchmark.h>

namespace {

using namespace logintest;

void BM_NetschoolProof(benchmark::State& state) {
    for (auto _ : state) {
        benchmark::DoNotOptimize(crypto::netschool_proof("Пароль1", "1458933352"));
    }
}
BENCHMARK(BM_NetschoolProof);

void BM_TemplateExpandWithFunction(benchmark::State& state) {
    harness::scenario::Variables vars{{"pupil.password", "Qwe123!z"},
                                      {"salt", "1458933352"},
                                      {"asurso", "http://asurso.ru:8080"}};
    const harness::model::Template tpl{"${asurso}/webapi/login?pw2=${pw2(pupil.password, salt)}"};
    for (auto _ : state) {
        benchmark::DoNotOptimize(harness::scenario::expand(tpl, vars));
    }
}
BENCHMARK(BM_TemplateExpandWithFunction);

void BM_CookieJarStoreAndHeader(benchmark::State& state) {
    const std::string url = "http://asurso.ru:8080/webapi/login";
    for (auto _ : state) {
        harness::http::CookieJar jar;
        jar.store(url, "NSSESSIONID=0123456789abcdef0123456789abcdef; Path=/; HttpOnly");
        jar.store(url, "ESRNSec=; Path=/; HttpOnly");
        jar.store(url, "ESRNSec=ESRNSECR592640=0123456789abcdef0123456789abcdef; Path=/; HttpOnly");
        benchmark::DoNotOptimize(jar.header_for("http://asurso.ru:8080/webapi/context"));
    }
}
BENCHMARK(BM_CookieJarStoreAndHeader);

void BM_JsonPointerExtract(benchmark::State& state) {
    harness::http::FetchResult fetch;
    fetch.exchanges.push_back({});
    fetch.exchanges.back().response.status = 200;
    fetch.exchanges.back().response.headers = {{"Content-Type", "application/json; charset=utf-8"}};
    fetch.exchanges.back().response.body =
        R"({"at":"4012341777721575425550192","code":null,"timeOut":3600000,)"
        R"("accountInfo":{"user":{"id":592640,"name":"Иванов И."}},"entryPoint":"/app/school/main/"})";
    harness::http::CookieJar jar;
    const harness::checks::StepView view{fetch, jar, 1.0};
    harness::model::Extract extract;
    extract.var = "user_id";
    extract.expr = "/accountInfo/user/id";
    for (auto _ : state) {
        benchmark::DoNotOptimize(harness::checks::extract(extract, view));
    }
}
BENCHMARK(BM_JsonPointerExtract);

void BM_XPathExtractFromHtml(benchmark::State& state) {
    harness::http::FetchResult fetch;
    fetch.exchanges.push_back({});
    fetch.exchanges.back().response.status = 200;
    fetch.exchanges.back().response.headers = {{"Content-Type", "text/html; charset=utf-8"}};
    std::string page = "<!DOCTYPE html><html><head><title>Вход</title></head><body>"
                       "<form id=\"loginForm\" action=\"/login\" method=\"post\">";
    for (int i = 0; i < 20; ++i) {
        page += "<div class=\"row\"><label>Поле " + std::to_string(i) + "</label><input name=\"f" +
                std::to_string(i) + "\" value=\"v\"></div>";
    }
    page += "<input type=\"hidden\" name=\"csrf\" value=\"a1b2c3d4e5\"></form></body></html>";
    fetch.exchanges.back().response.body = page;
    harness::http::CookieJar jar;
    const harness::checks::StepView view{fetch, jar, 1.0};
    harness::model::Extract extract;
    extract.var = "csrf";
    extract.source = harness::model::ExtractSource::xpath;
    extract.expr = "//input[@name='csrf']/@value";
    bool flip = false;
    for (auto _ : state) {
        // The HTML parse is cached per body, so alternate two bodies to measure the parse.
        flip = !flip;
        fetch.exchanges.back().response.body.back() = flip ? '>' : ' ';
        benchmark::DoNotOptimize(harness::checks::extract(extract, view));
    }
    state.SetBytesProcessed(state.iterations() *
                            static_cast<std::int64_t>(fetch.exchanges.back().response.body.size()));
}
BENCHMARK(BM_XPathExtractFromHtml);

harness::http::FetchResult json_answer() {
    harness::http::FetchResult fetch;
    fetch.exchanges.push_back({});
    fetch.exchanges.back().response.status = 200;
    fetch.exchanges.back().response.headers = {{"Content-Type", "application/json; charset=utf-8"}};
    fetch.exchanges.back().response.body = R"({"at":"4012341777721575425550192","code":null,)"
                                           R"("accountInfo":{"user":{"id":592640}}})";
    return fetch;
}

harness::model::Check user_id_check() {
    harness::model::Check check;
    check.subject = harness::model::CheckSubject::json;
    check.path = "/accountInfo/user/id";
    check.op = harness::model::CheckOp::equals;
    check.expected.text = "592640";
    check.clauses = {"NS-LOGIN-22"};
    return check;
}

void BM_CheckEvaluateWithTexts(benchmark::State& state) {
    const auto fetch = json_answer();
    harness::http::CookieJar jar;
    const harness::checks::StepView view{fetch, jar, 1.0};
    const auto check = user_id_check();
    const std::string expected = "592640";
    for (auto _ : state) {
        benchmark::DoNotOptimize(harness::checks::evaluate(check, expected, view));
    }
}
BENCHMARK(BM_CheckEvaluateWithTexts);

void BM_CheckVerdictOnly(benchmark::State& state) {
    const auto fetch = json_answer();
    harness::http::CookieJar jar;
    const harness::checks::StepView view{fetch, jar, 1.0};
    const auto check = user_id_check();
    const std::string expected = "592640";
    for (auto _ : state) {
        benchmark::DoNotOptimize(harness::checks::verdict_of(check, expected, view));
    }
}
BENCHMARK(BM_CheckVerdictOnly);

} // namespace
