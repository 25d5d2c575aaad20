// JourneyState: what one journey run carries from step to step (variables, the secrets to
// scrub, why a variable is unavailable, the extra virtual browsers, the <choose> picks), and
// the operations on it that come before a request: binding the journey's accounts, feeder
// row and <var>s, expanding templates, evaluating <if>/<option> guards, running <set>s.
// Used by the step runner (step_run.hpp); one per journey run, on one coroutine.
#pragma once

#include "harness/engine/journey_runner.hpp"
#include "harness/engine/secret_scrubber.hpp"
#include "harness/scenario/variables.hpp"

#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace logintest::harness::engine {

inline constexpr const char* needs_the_mock = "needs the mock";

struct JourneyState {
    scenario::Variables vars;
    SecretScrubber scrubber;
    // Variables a failed extract or a skipped step left undefined, with why, as the end of
    // "needs ${x}, which ...": "step 'login' could not extract".
    std::map<std::string, std::string> unavailable;
    // The extra virtual browsers of `session="name"` steps, created on first use.
    std::map<std::string, std::unique_ptr<http::Session>> sessions;
    // The option picked for each <choose> of the journey, for this run.
    std::vector<std::size_t> picks;
};

// A step that cannot be built: names the first template problem.
struct BuildError {
    std::string message;
    bool skipped = false; // it needs a value an earlier failure left undefined
};

// Expands `tpl` into `out`; the expansion error, if any.
std::optional<std::string> expand_into(const model::Template& tpl, const JourneyState& state,
                                       std::string& out);

// An expansion error explained: "needs ${x}, which <why>" when it names an unavailable variable.
BuildError explain(const std::string& error, const JourneyState& state);

// Whether every <if>/<option> guard holds now.
bool guards_hold(const std::vector<model::Guard>& guards, const JourneyState& state);

// The option picked for each <choose>, by weight, from a PRNG seeded per run.
std::vector<std::size_t> pick_options(const model::Journey& journey,
                                      std::optional<std::uint64_t> seed);

// "option2/name" for a step inside the <option>s picked, so the result shows the pick.
std::string recorded_name(const model::Step& step, const model::Journey& journey);

// Runs the <set>s written before a step, in order (see journey_state.cpp).
std::optional<BuildError> apply_sets(const model::Step& step, bool mock, JourneyState& state);

// Binds the journey's predefined variables, accounts (leased ones when given), feeder row and
// <var>s; an error text when one cannot be bound.
std::string bind_journey(const model::Journey& journey, const RunContext& context,
                         std::span<const Account* const> leased,
                         const std::vector<std::string>* row, JourneyState& state);

} // namespace logintest::harness::engine
