// ScenarioUser (see scenario_user.hpp).
#include "harness/load/scenario_user.hpp"

#include "harness/load/worker_stats.hpp"

namespace logintest::harness::load {

namespace {

class ScenarioUser final : public VirtualUser {
public:
    ScenarioUser(const std::vector<const model::Journey*>& journeys,
                 const engine::RunContext& context, engine::WorkerLeases& leases,
                 bool new_connections, const boost::asio::any_io_executor& executor)
        : journeys_(journeys), context_(context), leases_(leases),
          new_connections_(new_connections), session_(executor, context.client) {}

    bool prepare(std::size_t journey, std::string& missing) override {
        return leases_.lease(journey, lease_, missing);
    }

    boost::asio::awaitable<engine::JourneySummary> play(std::size_t journey,
                                                        WorkerStats& stats) override {
        session_.cookies().clear(); // every journey is a new visitor
        StatsObserver observer(stats, journey);
        engine::PlayOptions options;
        options.session = &session_;
        options.accounts = lease_.accounts;
        options.observer = &observer;
        const engine::JourneySummary summary =
            co_await engine::play_journey(*journeys_[journey], context_, options);
        const http::TlsCounts tls = session_.tls_counts();
        stats.tls(tls.handshakes - tls_seen_.handshakes, tls.resumed - tls_seen_.resumed);
        tls_seen_ = tls;
        co_return summary;
    }

    void finish(bool going_idle) override {
        leases_.release(lease_);
        // An idle user keeps nothing of the last visit but its connections.
        session_.cookies() = http::CookieJar();
        if (new_connections_) {
            session_.close_connections();
        } else if (going_idle) {
            session_.release_idle_buffers();
        }
    }

private:
    const std::vector<const model::Journey*>& journeys_;
    const engine::RunContext& context_;
    engine::WorkerLeases& leases_;
    bool new_connections_;
    http::Session session_;
    engine::Lease lease_;
    http::TlsCounts tls_seen_; // counts already reported
};

} // namespace

ScenarioUsers::ScenarioUsers(const std::vector<const model::Journey*>& journeys,
                             const engine::RunContext& context, engine::AccountLeases& leases,
                             bool new_connections)
    : journeys_(journeys), context_(context), leases_(leases), new_connections_(new_connections) {}

std::unique_ptr<VirtualUser>
ScenarioUsers::make_user(int worker, const boost::asio::any_io_executor& executor) {
    return std::make_unique<ScenarioUser>(journeys_, context_, leases_.worker(worker),
                                          new_connections_, executor);
}

} // namespace logintest::harness::load
