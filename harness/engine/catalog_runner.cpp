// Runs the journeys of a catalog one after another on a private io_context.
#include "harness/engine/catalog_runner.hpp"

#include "harness/engine/feeder_rows.hpp"
#include "harness/engine/utc_time.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <exception>
#include <utility>

namespace logintest::harness::engine {
namespace {

boost::asio::awaitable<void> run_all(const std::vector<model::Journey>& journeys,
                                     const RunContext& context, const JourneyDone& on_journey_done,
                                     AccountLeaser* leaser, model::RunResult& result) {
    std::vector<const Account*> leased;
    std::vector<const model::Journey*> pointers;
    pointers.reserve(journeys.size());
    for (const auto& journey : journeys) {
        pointers.push_back(&journey);
    }
    FeederRows rows(pointers);
    for (std::size_t index = 0; index < journeys.size(); ++index) {
        const auto& journey = journeys[index];
        leased.clear();
        std::string missing;
        const std::optional<std::size_t> row = rows.lease(journey);
        const bool no_row = journey.feeder && !row;
        if (no_row || (leaser != nullptr && !leaser->acquire(index, leased, missing))) {
            model::JourneyResult failed;
            failed.name = journey.name;
            failed.spec = journey.spec;
            failed.file = journey.file;
            failed.verdict = model::Verdict::fail;
            model::StepResult step;
            step.name = no_row ? "feeder-lease" : "account-lease";
            step.outcome = model::Outcome::not_run;
            step.verdict = model::Verdict::fail;
            step.error =
                no_row ? "no free row of " + journey.feeder->file : "no free account: " + missing;
            failed.steps.push_back(std::move(step));
            result.journeys.push_back(std::move(failed));
        } else {
            result.journeys.push_back(co_await run_journey(
                journey, context, leased, row ? &journey.feeder->rows[*row] : nullptr));
            if (leaser != nullptr) {
                leaser->release(index);
            }
        }
        if (row) {
            rows.release(journey, *row);
        }
        if (on_journey_done) {
            on_journey_done(result.journeys.back());
        }
    }
}

} // namespace

model::RunResult run_catalog(const std::vector<model::Journey>& journeys, const RunContext& context,
                             const JourneyDone& on_journey_done, AccountLeaser* leaser) {
    model::RunResult result;
    result.asurso_base = context.asurso_base;
    result.esia_base = context.esia_base;
    result.started_at = rfc3339_utc(std::chrono::system_clock::now());
    const auto start = std::chrono::steady_clock::now();

    boost::asio::io_context io;
    std::exception_ptr failure;
    boost::asio::co_spawn(io, run_all(journeys, context, on_journey_done, leaser, result),
                          [&failure](std::exception_ptr e) { failure = std::move(e); });
    io.run();
    if (failure) {
        std::rethrow_exception(failure); // a bug of ours: main reports it as exit 4
    }

    result.finished_at = rfc3339_utc(std::chrono::system_clock::now());
    result.elapsed_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return result;
}

} // namespace logintest::harness::engine
