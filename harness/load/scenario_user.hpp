// ScenarioUser: the production virtual user. It keeps one http::Session for its whole life
// (keep-alive connections survive from journey to journey unless --new-connections), starts
// every journey with an empty cookie jar and fresh variables, leases the journey's accounts
// from its worker's WorkerLeases, and plays the scenario through engine::play_journey with
// its steps reported to WorkerStats. Between journeys it holds no cookies, no leased
// accounts, and no read buffer (the client releases it after every answer), so an idle user
// costs its coroutine, its Session and its open connection.
//
// ScenarioUsers is the factory the engine gives each worker. Both live on worker threads; the
// RunContext, the journeys and the leases must outlive them.
#pragma once

#include "harness/engine/account_leases.hpp"
#include "harness/engine/journey_runner.hpp"
#include "harness/load/virtual_user.hpp"
#include "harness/model/scenario.hpp"

#include <vector>

namespace logintest::harness::load {

class ScenarioUsers final : public UserFactory {
public:
    ScenarioUsers(const std::vector<const model::Journey*>& journeys,
                  const engine::RunContext& context, engine::AccountLeases& leases,
                  bool new_connections);
    std::unique_ptr<VirtualUser> make_user(int worker,
                                           const boost::asio::any_io_executor& executor) override;

private:
    const std::vector<const model::Journey*>& journeys_;
    const engine::RunContext& context_;
    engine::AccountLeases& leases_;
    bool new_connections_;
};

} // namespace logintest::harness::load
