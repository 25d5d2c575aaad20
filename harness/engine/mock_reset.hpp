// MOCK-CP-3: `POST /mock/reset` on both hosts before a `check` journey against a mock, so
// that no journey depends on the ones before it. Used by run_journey only.
#pragma once

#include "harness/engine/journey_runner.hpp"

#include <boost/asio/awaitable.hpp>

namespace logintest::harness::engine {

// True when both hosts answered 200. Otherwise `step` is filled as a step `mock-reset`
// without a usable answer (FAIL, with the hops made and why).
boost::asio::awaitable<bool> reset_mock(const RunContext& context, model::StepResult& step);

} // namespace logintest::harness::engine
