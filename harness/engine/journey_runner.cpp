// The entry points of the journey runner (see journey_runner.hpp): one loop plays the steps
// of a journey for both commands; `check` records through a JourneyRecorder, `load` through
// its own observer.
#include "harness/engine/journey_runner.hpp"

#include "harness/engine/journey_recorder.hpp"
#include "harness/engine/mock_reset.hpp"
#include "harness/engine/step_run.hpp"
#include "harness/http/url.hpp"

#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace logintest::harness::engine {
namespace {

// The observer of a caller that wants no events.
class NoObserver final : public StepObserver {
public:
    void on_check_failed(std::size_t, std::size_t, bool, const FailureDetail&) override {}
    void on_step(const StepEvent&) override {}
};

std::optional<std::string> parse_host(const std::string& base) {
    if (auto parts = http::parse_url(base)) {
        return std::move(parts->host);
    }
    return std::nullopt;
}

// Plays the journey on `session`, reporting every step to `observer`. A non-empty `blocked`
// runs no step (each is "not run" with that reason).
boost::asio::awaitable<JourneySummary>
play(const model::Journey& journey, const RunContext& context, http::Session& session,
     std::span<const Account* const> leased, const std::vector<std::string>* row,
     StepObserver& observer, const std::string& blocked = {}) {
    JourneyRun run(journey, context, session, observer, co_await boost::asio::this_coro::executor);
    run.start(leased, row, blocked);
    for (std::size_t index = 0; index < journey.steps.size(); ++index) {
        const model::Step& step = journey.steps[index];
        if (run.passes_over(step)) {
            continue;
        }
        StepRun step_run(run, index);
        if (std::optional<http::Request> request = step_run.prepare()) {
            http::Session& browser = run.session_for(step);
            step_run.begin_fetch(browser);
            step_run.fetch =
                co_await browser.fetch(std::move(*request), step.follow == model::Follow::all);
            step_run.end_fetch(browser);
        }
        run.finish(step_run);
    }
    co_return run.end();
}

} // namespace

BaseHost::BaseHost(const std::string& base) : base_(base), host_(parse_host(base)) {}

std::optional<std::string> BaseHost::host_of(const std::string& base) const {
    return base == base_ ? host_ : parse_host(base);
}

std::vector<std::string> predefined_variables() {
    return {"asurso", "esia", "asurso.host", "esia.host"};
}

boost::asio::awaitable<model::JourneyResult> run_journey(const model::Journey& journey,
                                                         const RunContext& context,
                                                         std::span<const Account* const> leased,
                                                         const std::vector<std::string>* row) {
    model::JourneyResult result;
    result.name = journey.name;
    result.spec = journey.spec;
    result.file = journey.file;
    std::string blocked;
    if (context.mock) {
        model::StepResult reset;
        if (!co_await reset_mock(context, reset)) {
            blocked = "the mock could not be reset: " + reset.error;
            result.steps.push_back(std::move(reset));
        }
    }
    http::Session session(co_await boost::asio::this_coro::executor, context.client);
    // Without a leased row, a single run takes the feeder's first row.
    if (row == nullptr && journey.feeder && !journey.feeder->rows.empty()) {
        row = &journey.feeder->rows.front();
    }
    JourneyRecorder recorder(journey, result);
    const JourneySummary summary =
        co_await play(journey, context, session, leased, row, recorder, blocked);
    // The recorded verdict is the one `load` sees, and a failed reset is a failure.
    result.verdict = blocked.empty() ? summary.verdict : model::Verdict::fail;
    result.elapsed_ms = summary.elapsed_ms;
    co_return result;
}

boost::asio::awaitable<JourneySummary>
play_journey(const model::Journey& journey, const RunContext& context, const PlayOptions& options) {
    static NoObserver no_observer; // stateless
    StepObserver& observer = options.observer != nullptr ? *options.observer : no_observer;
    if (options.session != nullptr) {
        co_return co_await play(journey, context, *options.session, options.accounts, options.row,
                                observer);
    }
    http::Session session(co_await boost::asio::this_coro::executor, context.client);
    co_return co_await play(journey, context, session, options.accounts, options.row, observer);
}

} // namespace logintest::harness::engine
