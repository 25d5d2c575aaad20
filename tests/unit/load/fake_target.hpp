// A synthetic target for worker tests on a VirtualClock: every journey is one step answered
// `service` after it starts, except that a stall holds every answer due inside
// [stall_from, stall_to) until stall_to (like MOCK-FAULT-2 `stall`). FakeUsers makes virtual
// users that play it and can be told to find no free account.
#pragma once

#include "harness/load/virtual_user.hpp"
#include "harness/load/worker_stats.hpp"
#include "harness/model/scenario.hpp"
#include "virtual_clock.hpp"

#include <memory>
#include <vector>

namespace logintest::harness::load::testing {

struct FakeTarget {
    Clock::time_point origin;
    Clock::duration service = std::chrono::milliseconds(1);
    Clock::duration stall_from = Clock::duration::max();
    Clock::duration stall_to = Clock::duration::max();

    Clock::time_point answer_at(Clock::time_point start) const {
        const auto since = start - origin;
        if (since >= stall_from && since < stall_to) {
            return origin + stall_to;
        }
        return start + service;
    }
};

// One journey of one step, for WorkerStats.
inline model::Journey one_step_journey(const std::string& name = "logindata_only") {
    model::Journey j;
    j.name = name;
    j.file = name + ".xml";
    model::Step s;
    s.name = "logindata";
    j.steps.push_back(s);
    return j;
}

class FakeUser final : public VirtualUser {
public:
    FakeUser(VirtualClock& clock, const FakeTarget& target, int& free_accounts)
        : clock_(clock), target_(target), free_accounts_(free_accounts) {}

    bool prepare(std::size_t, std::string& missing) override {
        if (free_accounts_ == 0) {
            missing = "pool load";
            return false;
        }
        --free_accounts_;
        return true;
    }

    boost::asio::awaitable<engine::JourneySummary> play(std::size_t journey,
                                                        WorkerStats& stats) override {
        const auto start = clock_.now();
        co_await clock_.sleep_until(target_.answer_at(start), nullptr, false);
        engine::StepEvent e;
        e.step = 0;
        e.status = 200;
        e.requests = 1;
        e.elapsed_ms = std::chrono::duration<double, std::milli>(clock_.now() - start).count();
        stats.step(journey, e);
        engine::JourneySummary summary;
        summary.requests = 1;
        summary.elapsed_ms = e.elapsed_ms;
        co_return summary;
    }

    void finish(bool) override { ++free_accounts_; }

private:
    VirtualClock& clock_;
    const FakeTarget& target_;
    int& free_accounts_;
};

class FakeUsers final : public UserFactory {
public:
    FakeUsers(VirtualClock& clock, const FakeTarget& target, int accounts = 1 << 30)
        : clock_(clock), target_(target), free_accounts_(accounts) {}
    std::unique_ptr<VirtualUser> make_user(int, const boost::asio::any_io_executor&) override {
        ++made_;
        return std::make_unique<FakeUser>(clock_, target_, free_accounts_);
    }
    int made() const { return made_; }

private:
    VirtualClock& clock_;
    const FakeTarget& target_;
    int free_accounts_;
    int made_ = 0;
};

} // namespace logintest::harness::load::testing
