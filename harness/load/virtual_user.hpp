// VirtualUser: one simulated person as a worker drives it: it takes what a journey needs
// (accounts), plays it, and tidies up before idling. The production user (ScenarioUser)
// plays scenarios over HTTP with its own Session (cookie jar, keep-alive connections); the
// tests use fakes that only wait on a virtual clock. A UserFactory makes users for a worker.
// Each user lives on one worker's thread; a user plays one journey at a time.
#pragma once

#include "harness/engine/journey_runner.hpp"

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include <memory>
#include <string>

namespace logintest::harness::load {

class WorkerStats;

class VirtualUser {
public:
    virtual ~VirtualUser() = default;
    // Takes what journey `journey` needs; false (with `missing` naming what) when it cannot
    // start now, e.g. no free account of its pool.
    virtual bool prepare(std::size_t journey, std::string& missing) = 0;
    // Plays the prepared journey, reporting its steps to `stats`.
    virtual boost::asio::awaitable<engine::JourneySummary> play(std::size_t journey,
                                                                WorkerStats& stats) = 0;
    // After the journey: gives accounts back; `going_idle` (think time or waiting for an
    // arrival follows) also drops what an idle user need not hold.
    virtual void finish(bool going_idle) = 0;
};

class UserFactory {
public:
    virtual ~UserFactory() = default;
    // A user for worker `worker`, running on `executor`.
    virtual std::unique_ptr<VirtualUser>
    make_user(int worker, const boost::asio::any_io_executor& executor) = 0;
};

} // namespace logintest::harness::load
