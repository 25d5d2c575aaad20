// The journey runner: plays one model::Journey for one virtual user, step by step, on the
// calling coroutine's executor, and records a model::JourneyResult. What the target does
// (refused connections, timeouts, failed checks) is recorded as data; the runner never
// throws for it. A transport error or a step that cannot be built ends the journey: the
// remaining steps are recorded as SKIP ("not run"). Secrets (account passwords, values of
// secret variables) are scrubbed from every recorded text.
#pragma once

#include "harness/engine/accounts.hpp"
#include "harness/http/client.hpp"
#include "harness/model/result.hpp"
#include "harness/model/scenario.hpp"

#include <boost/asio/awaitable.hpp>

#include <string>
#include <vector>

namespace logintest::harness::engine {

// What every journey of a run shares: where the target is and whom to log in as.
struct RunContext {
    std::string asurso_base; // public base URLs, no trailing slash
    std::string esia_base;
    const Accounts& accounts;
    const http::ClientContext& client;
};

// Names the engine defines before the first step (for the loader's undefined-variable check).
std::vector<std::string> predefined_variables();

boost::asio::awaitable<model::JourneyResult> run_journey(const model::Journey& journey,
                                                         const RunContext& context);

} // namespace logintest::harness::engine
