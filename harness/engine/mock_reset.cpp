// Resets both hosts of a mock target (see mock_reset.hpp).
#include "harness/engine/mock_reset.hpp"

#include "harness/engine/step_results.hpp"
#include "harness/engine/step_run.hpp"

#include <boost/asio/this_coro.hpp>

#include <fmt/format.h>

namespace logintest::harness::engine {

namespace {

http::Request reset_request(const std::string& base) {
    http::Request request;
    request.method = "POST";
    request.url = base + "/mock/reset";
    request.headers.push_back({"Content-Type", "application/json"});
    request.body = "{}";
    return request;
}

// Why a reset answered by `fetch` failed, into `step`; false when it did not fail.
bool reset_failed(const std::string& base, const http::FetchResult& fetch,
                  model::StepResult& step) {
    if (!fetch.ok()) {
        step.outcome = fetch.outcome;
        step.error =
            fmt::format("POST {}/mock/reset: {}", base,
                        fetch.error.empty() ? model::to_string(fetch.outcome) : fetch.error);
    } else if (fetch.final_response().status != 200) {
        step.outcome = model::Outcome::protocol_error;
        step.status = fetch.final_response().status;
        step.error = fmt::format("POST {}/mock/reset answered {}, expected 200 (MOCK-CP-3): "
                                 "is the target a mock with its control plane on?",
                                 base, step.status);
    } else {
        step.status = 200;
        return false;
    }
    step.verdict = model::Verdict::fail;
    return true;
}

} // namespace

boost::asio::awaitable<bool> reset_mock(const RunContext& context, model::StepResult& step) {
    http::Session session(co_await boost::asio::this_coro::executor, context.client);
    step.name = "mock-reset";
    for (const std::string* base : {&context.asurso_base, &context.esia_base}) {
        const auto start = Clock::now();
        const http::FetchResult fetch = co_await session.fetch(reset_request(*base), false);
        step.elapsed_ms += ms_since(start);
        auto hops = record_hops(fetch);
        step.hops.insert(step.hops.end(), hops.begin(), hops.end());
        if (reset_failed(*base, fetch, step)) {
            co_return false;
        }
    }
    co_return true;
}

} // namespace logintest::harness::engine
