// Injected faults (mocks/common/faults, MOCK-FAULT-1..4): rule parsing and the short form,
// matching and the seeded draw, and each kind over real sockets through the host front door
// (host_dispatch) on an HttpServer: latency without blocking the loop, status, reset,
// truncate, stall, max_count, /mock/ exempt, and the /mock/faults control routes.
#include "mocks/common/control_plane.hpp"
#include "mocks/common/faults.hpp"
#include "mocks/common/host_dispatch.hpp"
#include "mocks/common/responses.hpp"
#include "mocks/common/server.hpp"
#include "tests/unit/mocks/common/raw_http_client.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <future>

namespace logintest::mocks::common {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::RawHttpClient;
using testing::RawResult;
namespace http = testing::http;
namespace net = testing::net;

FaultConfig config_of(const std::string& json) {
    auto parsed = parse_fault_config_text(json);
    EXPECT_TRUE(parsed.errors.empty()) << parsed.errors.front();
    return parsed.config.value_or(FaultConfig{});
}

// --- parsing -------------------------------------------------------------------------------

TEST(FaultConfigParse, ReadsTheSpecExampleWithDefaults) {
    const auto c = config_of(R"({"seed":7,"rules":[{"id":"slow-te","method":"POST",
        "path":"/aas/oauth2/v3/te","kind":"latency","latency_ms":800,"probability":1.0,
        "max_count":null}]})");
    EXPECT_EQ(c.seed, 7u);
    ASSERT_EQ(c.rules.size(), 1u);
    const auto& r = c.rules[0];
    EXPECT_EQ(r.id, "slow-te");
    EXPECT_EQ(r.method, "POST");
    EXPECT_EQ(r.kind, FaultKind::latency);
    EXPECT_EQ(r.latency_ms, 800);
    EXPECT_FALSE(r.max_count);
    EXPECT_EQ(r.status, 503);
    EXPECT_FALSE(r.after_handler);
}

TEST(FaultConfigParse, ReportsEveryProblemWithItsPath) {
    auto parsed = parse_fault_config_text(R"({"seed":"x","rules":[
        {"kind":"explode","path":"/a"},
        {"kind":"status","status":200,"probability":2},
        {"kind":"stall","path":"/b"},
        {"kind":"latency","colour":"red","method":"G T","path":"nope"}],"extra":1})",
                                          "faults");
    EXPECT_FALSE(parsed.config);
    EXPECT_THAT(
        parsed.errors,
        ElementsAre(HasSubstr("faults.seed: expected an integer >= 0, got a string"),
                    HasSubstr("faults.rules[0].kind: expected one of \"latency\""),
                    HasSubstr("faults.rules[1].status: expected an integer from 400 to 599"),
                    HasSubstr("faults.rules[1].probability: expected a number from 0 to 1"),
                    HasSubstr("faults.rules[2].duration_s: a stall needs a duration"),
                    HasSubstr("faults.rules[3].colour: unknown key"),
                    HasSubstr("faults.extra: unknown key")));
}

TEST(FaultConfigParse, MethodAndPathAreChecked) {
    auto parsed = parse_fault_config_text(R"({"rules":[{"kind":"reset","method":"G T",
        "path":"nope"}]})");
    EXPECT_THAT(parsed.errors, ElementsAre(HasSubstr("rules[0].method: expected an HTTP method"),
                                           HasSubstr("rules[0].path: expected a path")));
    EXPECT_THAT(parse_fault_config_text("{").errors, ElementsAre(HasSubstr("not valid JSON")));
}

TEST(FaultConfigParse, ShortFormBuildsOneRule) {
    auto parsed = parse_fault_short_form(
        "status:*:/webapi/*:status=502,probability=0.5,max_count=3,id=flaky");
    ASSERT_TRUE(parsed.config) << parsed.errors.front();
    const auto& r = parsed.config->rules.at(0);
    EXPECT_EQ(r.kind, FaultKind::status);
    EXPECT_EQ(r.method, "*");
    EXPECT_EQ(r.path, "/webapi/*");
    EXPECT_EQ(r.status, 502);
    EXPECT_DOUBLE_EQ(r.probability, 0.5);
    EXPECT_EQ(r.max_count, 3);
    EXPECT_EQ(r.id, "flaky");

    auto plain = parse_fault_short_form("reset:post:/webapi/login");
    ASSERT_TRUE(plain.config);
    EXPECT_EQ(plain.config->rules.at(0).method, "POST");

    EXPECT_THAT(parse_fault_short_form("latency:GET").errors,
                ElementsAre(HasSubstr("expected kind:method:path")));
    EXPECT_THAT(parse_fault_short_form("latency:GET:/x:latency_ms").errors,
                ElementsAre(HasSubstr("expected param=value")));
    EXPECT_THAT(parse_fault_short_form("latency:GET:/x:latency_ms=soon").errors,
                ElementsAre(HasSubstr("--fault latency:GET:/x:latency_ms=soon: latency_ms: "
                                      "expected an integer")));
}

// --- matching and the draw -----------------------------------------------------------------

TEST(FaultRule, MatchesExactPathsAndPrefixesAndMethods) {
    FaultRule r;
    r.method = "POST";
    r.path = "/webapi/login";
    EXPECT_TRUE(r.matches("POST", "/webapi/login"));
    EXPECT_FALSE(r.matches("GET", "/webapi/login"));
    EXPECT_FALSE(r.matches("POST", "/webapi/login/x"));
    r.method = "*";
    r.path = "/webapi/*";
    EXPECT_TRUE(r.matches("GET", "/webapi/"));
    EXPECT_TRUE(r.matches("DELETE", "/webapi/auth/logout"));
    EXPECT_FALSE(r.matches("GET", "/app/login"));
    r.path = "*";
    EXPECT_TRUE(r.matches("GET", "/anything"));
}

TEST(FaultSet, TheFirstMatchingRuleApplies) {
    FaultSet faults;
    faults.set(config_of(R"({"rules":[{"id":"a","kind":"status","status":502,"path":"/x"},
        {"id":"b","kind":"status","status":503,"path":"*"}]})"));
    EXPECT_EQ(faults.decide("GET", "/x")->rule_id, "a");
    EXPECT_EQ(faults.decide("GET", "/y")->rule_id, "b");
}

std::vector<bool> draws(FaultSet& faults, int n) {
    std::vector<bool> out;
    for (int i = 0; i < n; ++i) {
        out.push_back(faults.decide("GET", "/x").has_value());
    }
    return out;
}

TEST(FaultSet, ProbabilityIsRepeatableForASeed) {
    const std::string rules = R"(,"rules":[{"kind":"status","path":"/x","probability":0.5}]})";
    FaultSet faults;
    faults.set(config_of(R"({"seed":7)" + rules));
    const auto first = draws(faults, 200);
    faults.set(config_of(R"({"seed":7)" + rules));
    EXPECT_EQ(draws(faults, 200), first); // MOCK-FAULT-3: same seed, same order, same faults
    faults.set(config_of(R"({"seed":8)" + rules));
    EXPECT_NE(draws(faults, 200), first);
    const auto fired = std::count(first.begin(), first.end(), true);
    EXPECT_GT(fired, 60);
    EXPECT_LT(fired, 140);
    // Requests that match no rule draw nothing, so they do not shift the sequence.
    faults.set(config_of(R"({"seed":7)" + rules));
    std::vector<bool> interleaved;
    for (int i = 0; i < 200; ++i) {
        EXPECT_FALSE(faults.decide("GET", "/other"));
        interleaved.push_back(faults.decide("GET", "/x").has_value());
    }
    EXPECT_EQ(interleaved, first);
}

TEST(FaultSet, MaxCountLimitsFiringsAndResetRestoresTheStartRules) {
    FaultSet faults;
    faults.set_start(config_of(R"({"rules":[{"kind":"status","path":"/x","max_count":2}]})"));
    EXPECT_TRUE(faults.decide("GET", "/x"));
    EXPECT_TRUE(faults.decide("GET", "/x"));
    EXPECT_FALSE(faults.decide("GET", "/x"));
    faults.set(config_of(R"({"rules":[]})"));
    EXPECT_TRUE(faults.empty());
    faults.reset(); // MOCK-CP-3: the start rules, counts zeroed
    EXPECT_TRUE(faults.decide("GET", "/x"));
}

TEST(FaultSet, RulesApplyOnlyInsideTheirWindow) {
    FaultSet faults;
    faults.set(config_of(R"({"rules":[{"kind":"status","path":"/x","start_s":10,
        "duration_s":5}]})"));
    const auto now = FaultSet::Clock::now();
    EXPECT_FALSE(faults.decide("GET", "/x", now));
    EXPECT_TRUE(faults.decide("GET", "/x", now + std::chrono::seconds(11)));
    EXPECT_FALSE(faults.decide("GET", "/x", now + std::chrono::seconds(16)));
}

TEST(FaultSet, AStallHoldsUntilItsWindowEnds) {
    FaultSet faults;
    faults.set(config_of(R"({"rules":[{"kind":"stall","path":"*","start_s":1,
        "duration_s":3}]})"));
    const auto now = FaultSet::Clock::now();
    const auto d = faults.decide("GET", "/x", now + std::chrono::milliseconds(1500));
    ASSERT_TRUE(d);
    EXPECT_EQ(d->kind, FaultKind::stall);
    EXPECT_NEAR(static_cast<double>(d->delay.count()), 2500.0, 20.0);
}

TEST(FaultSet, GetShowsRulesWithDefaultsAndFirings) {
    FaultSet faults;
    faults.set(config_of(R"({"seed":3,"rules":[{"kind":"reset","path":"/x"}]})"));
    faults.decide("GET", "/x");
    const auto json = boost::json::parse(faults.to_json());
    EXPECT_EQ(json.at("seed").to_number<std::uint64_t>(), 3u);
    const auto& rule = json.at("rules").at(0);
    EXPECT_EQ(rule.at("id").as_string(), "rule-1");
    EXPECT_EQ(rule.at("method").as_string(), "*");
    EXPECT_EQ(rule.at("kind").as_string(), "reset");
    EXPECT_TRUE(rule.at("max_count").is_null());
    EXPECT_EQ(rule.at("fired").as_int64(), 1);
    // What GET returns, PUT takes back.
    EXPECT_TRUE(parse_fault_config_text(faults.to_json()).config);
}

// --- over real sockets ---------------------------------------------------------------------

class FaultHost : public ::testing::Test {
protected:
    void SetUp() override {
        router_.add("GET", "/ok", sync([](const Request&) { return json_text(200, "\"ok\""); }));
        router_.add("GET", "/fast",
                    sync([](const Request&) { return json_text(200, "\"fast\""); }));
        router_.add("GET", "/big", sync([](const Request&) {
                        return json_text(200, "\"" + std::string(998, 'a') + "\"");
                    }));
        router_.add("POST", "/count", sync([this](const Request&) {
                        ++handled_;
                        return json_text(200, "{}");
                    }));
        add_control_routes(router_, {"asurso", &clock_, &counters_, [this] { faults_.reset(); },
                                     nullptr, &faults_});
        server_ = std::make_unique<HttpServer>();
        ASSERT_EQ(server_->listen("127.0.0.1", 0), "");
        faults_.set_scheduler([this](std::chrono::milliseconds d, std::function<void()> fn) {
            server_->run_after(d, std::move(fn));
        });
        server_->start([this](Request& req, Responder respond) {
            dispatch_host_request(router_, counters_, {true, &faults_}, req, std::move(respond));
        });
    }

    void install(const std::string& json) { faults_.set(config_of(json)); }
    RawResult get(const std::string& target) {
        RawHttpClient c("127.0.0.1", server_->port());
        return c.request("GET", target);
    }
    RawResult post(const std::string& target) {
        RawHttpClient c("127.0.0.1", server_->port());
        return c.request("POST", target);
    }

    Router router_;
    HostClock clock_;
    Counters counters_{{}};
    FaultSet faults_;
    std::atomic<int> handled_{0};
    std::unique_ptr<HttpServer> server_; // last: stopped and destroyed first
};

TEST_F(FaultHost, LatencyDelaysTheAnswerWithoutBlockingOtherRequests) {
    install(R"({"rules":[{"kind":"latency","method":"GET","path":"/ok","latency_ms":600}]})");
    // One server thread: a blocking wait would hold /fast behind /ok.
    auto slow = std::async(std::launch::async, [this] { return get("/ok"); });
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    const auto fast = get("/fast");
    EXPECT_EQ(fast.response.result_int(), 200u);
    EXPECT_LT(fast.elapsed_ms, 300.0);
    const auto delayed = slow.get();
    EXPECT_EQ(delayed.response.result_int(), 200u);
    EXPECT_EQ(delayed.response.body(), "\"ok\"");
    EXPECT_GE(delayed.elapsed_ms, 590.0);
}

TEST_F(FaultHost, StatusAnswersWithoutRunningTheHandler) {
    install(R"({"rules":[{"kind":"status","path":"/count","status":503}]})");
    const auto r = post("/count");
    EXPECT_EQ(r.response.result_int(), 503u);
    EXPECT_EQ(r.response.body(), R"({"error":"injected_fault"})");
    EXPECT_EQ(r.response[http::field::content_type], "application/json; charset=utf-8");
    EXPECT_EQ(handled_, 0);
    EXPECT_EQ(counters_.status(503), 1); // counted like any answer
}

TEST_F(FaultHost, ResetClosesWithoutAnAnswer) {
    install(R"({"rules":[{"kind":"reset","path":"/count"}]})");
    RawHttpClient c("127.0.0.1", server_->port());
    const auto r = c.request("POST", "/count");
    EXPECT_EQ(r.response.result_int(), 0u);
    EXPECT_EQ(r.error, net::error::connection_reset) << r.error.message(); // abortive
    EXPECT_EQ(handled_, 0);
}

TEST_F(FaultHost, ResetAfterTheHandlerKeepsItsEffects) {
    install(R"({"rules":[{"kind":"reset","path":"/count","after_handler":true}]})");
    const auto r = post("/count");
    EXPECT_EQ(r.response.result_int(), 0u);
    EXPECT_EQ(handled_, 1); // e.g. a code consumed although the client got nothing
}

TEST_F(FaultHost, TruncateSendsTheFullLengthButAShortBody) {
    install(R"({"rules":[{"kind":"truncate","path":"/big","bytes":100,"after_handler":true}]})");
    RawHttpClient c("127.0.0.1", server_->port());
    c.send("GET /big HTTP/1.1\r\nHost: asurso.ru\r\n\r\n");
    boost::system::error_code ec;
    const std::string wire = c.read_to_close(ec);
    const auto end = wire.find("\r\n\r\n");
    ASSERT_NE(end, std::string::npos);
    EXPECT_THAT(wire.substr(0, end), HasSubstr("Content-Length: 1000"));
    EXPECT_EQ(wire.size() - end - 4, 100u);
    EXPECT_EQ(wire.substr(end + 4, 5), "\"aaaa");
}

TEST_F(FaultHost, TruncateWithoutTheHandlerCutsAStandInBody) {
    install(R"({"rules":[{"kind":"truncate","path":"/count","bytes":10}]})");
    RawHttpClient c("127.0.0.1", server_->port());
    c.send("POST /count HTTP/1.1\r\nHost: asurso.ru\r\nContent-Length: 0\r\n\r\n");
    boost::system::error_code ec;
    const std::string wire = c.read_to_close(ec);
    const auto end = wire.find("\r\n\r\n");
    ASSERT_NE(end, std::string::npos);
    EXPECT_EQ(wire.size() - end - 4, 10u);
    EXPECT_THAT(wire.substr(0, end), HasSubstr("Content-Length: 100"));
    EXPECT_EQ(handled_, 0);
    // A Beast client sees a short body.
    install(R"({"rules":[{"kind":"truncate","path":"/big","bytes":10,"after_handler":true}]})");
    const auto r = get("/big");
    EXPECT_TRUE(r.error);
}

TEST_F(FaultHost, StallHoldsRequestsUntilItEndsThenAnswersNormally) {
    install(R"({"rules":[{"kind":"stall","path":"/ok","duration_s":0.7}]})");
    auto held = std::async(std::launch::async, [this] { return get("/ok"); });
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    const auto during = get("/ok"); // arrives later, released at the same moment
    const auto first = held.get();
    EXPECT_EQ(first.response.result_int(), 200u);
    EXPECT_GE(first.elapsed_ms, 650.0);
    EXPECT_EQ(during.response.result_int(), 200u);
    EXPECT_GE(during.elapsed_ms, 300.0);
    EXPECT_LT(during.elapsed_ms, 650.0);
    const auto after = get("/ok"); // the stall is over
    EXPECT_LT(after.elapsed_ms, 200.0);
}

TEST_F(FaultHost, MaxCountAndTheControlPlaneIsExempt) {
    install(R"({"rules":[{"kind":"status","path":"*","status":502,"max_count":2}]})");
    EXPECT_EQ(get("/mock/faults").response.result_int(), 200u); // MOCK-CP-1: never faulted
    EXPECT_EQ(get("/ok").response.result_int(), 502u);
    EXPECT_EQ(get("/ok").response.result_int(), 502u);
    EXPECT_EQ(get("/ok").response.result_int(), 200u);
}

TEST_F(FaultHost, PutAndGetFaultsOverTheControlPlane) {
    RawHttpClient c("127.0.0.1", server_->port());
    const auto bad = c.request("PUT", "/mock/faults", R"({"rules":[{"kind":"boom"}]})");
    EXPECT_EQ(bad.response.result_int(), 400u);
    EXPECT_THAT(bad.response.body(), HasSubstr("rules[0].kind: expected one of"));
    const auto put =
        c.request("PUT", "/mock/faults",
                  R"({"seed":5,"rules":[{"id":"down","kind":"status","path":"/ok"}]})");
    EXPECT_EQ(put.response.result_int(), 200u);
    EXPECT_EQ(get("/ok").response.result_int(), 503u);
    const auto got = boost::json::parse(c.request("GET", "/mock/faults").response.body());
    EXPECT_EQ(got.at("seed").to_number<std::uint64_t>(), 5u);
    EXPECT_EQ(got.at("rules").at(0).at("id").as_string(), "down");
    EXPECT_EQ(got.at("rules").at(0).at("fired").as_int64(), 1);
    EXPECT_EQ(c.request("PUT", "/mock/faults", R"({"rules":[]})").response.result_int(), 200u);
    EXPECT_EQ(get("/ok").response.result_int(), 200u);
}

TEST_F(FaultHost, StoppingWithAHeldRequestDoesNotHang) {
    install(R"({"rules":[{"kind":"stall","path":"/ok","duration_s":30}]})");
    auto held = std::async(std::launch::async, [this] { return get("/ok"); });
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    const auto start = std::chrono::steady_clock::now();
    server_->stop();
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
    EXPECT_NE(held.get().response.result_int(), 200u);
}

} // namespace
} // namespace logintest::mocks::common
