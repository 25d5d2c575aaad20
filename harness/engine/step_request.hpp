// The request of one step: its method, URL (with <query> parameters), headers and body (a
// <form> or a raw body) expanded against the journey's variables. Used by the step runner.
#pragma once

#include "harness/engine/journey_state.hpp"
#include "harness/http/message.hpp"

#include <variant>

namespace logintest::harness::engine {

// The request, or the first template problem (explained against the unavailable variables).
std::variant<http::Request, BuildError> build_request(const model::Step& step,
                                                      const JourneyState& state);

} // namespace logintest::harness::engine
