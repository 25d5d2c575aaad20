// Micro-benchmarks of the per-request hot paths of a virtual user: the NetSchool password
// proof, template expansion, the cookie jar, and JSON extraction. Run `make bench`; compare
// figures within one run only (the machines are shared and noisy).
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

} // namespace
