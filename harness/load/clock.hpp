// Clock: the time seam of the load engine. A worker reads the time and sleeps only through
// its Clock, so the arrival scheduler, think times and latency accounting run unchanged on a
// virtual clock in tests (tests/unit/load/virtual_clock.hpp) and on SteadyClock for real.
//
// A sleep ends at its time, early when its Alarm rings (another coroutine of the same worker
// freed a VU slot, or the worker finished), or at once when the worker stops (wake_all()),
// unless it was started as not stoppable (the once-a-second statistics tick). One Clock per
// worker; every call, and every Alarm, belongs to that worker's thread.
#pragma once

#include <boost/asio/awaitable.hpp>

#include <chrono>

namespace logintest::harness::load {

class Alarm;

enum class Wake {
    time,  // the time came
    alarm, // the alarm rang
    stop   // the worker is stopping
};

class Clock {
public:
    using time_point = std::chrono::steady_clock::time_point;
    using duration = std::chrono::steady_clock::duration;

    virtual ~Clock() = default;
    virtual time_point now() const = 0;
    // Waits on the calling coroutine's executor until `when`.
    virtual boost::asio::awaitable<Wake> sleep_until(time_point when, Alarm* alarm = nullptr,
                                                     bool stoppable = true) = 0;
    // Ends every stoppable sleep in progress, and makes later ones return Wake::stop at once.
    virtual void wake_all() = 0;
    virtual bool stopping() const = 0;

protected:
    friend class Alarm;
    // Ends the sleep registered under `token` with Wake::alarm.
    virtual void ring(void* token) = 0;
};

// Ends one sleep early. A sleeper passes it to sleep_until(); ring() ends that sleep (if one is
// in progress) or makes the next one with it return at once.
class Alarm {
public:
    void ring() {
        if (clock_ != nullptr && token_ != nullptr) {
            clock_->ring(token_);
        } else {
            pending_ = true;
        }
    }

    // Used by Clock implementations.
    void arm(Clock* clock, void* token) {
        clock_ = clock;
        token_ = token;
    }
    void disarm() {
        clock_ = nullptr;
        token_ = nullptr;
    }
    bool take_pending() {
        const bool was = pending_;
        pending_ = false;
        return was;
    }

private:
    Clock* clock_ = nullptr;
    void* token_ = nullptr;
    bool pending_ = false;
};

// The real clock: std::chrono::steady_clock and Asio steady timers.
class SteadyClock final : public Clock {
public:
    SteadyClock() = default;
    SteadyClock(const SteadyClock&) = delete;
    SteadyClock& operator=(const SteadyClock&) = delete;

    time_point now() const override { return std::chrono::steady_clock::now(); }
    boost::asio::awaitable<Wake> sleep_until(time_point when, Alarm* alarm,
                                             bool stoppable) override;
    void wake_all() override;
    bool stopping() const override { return stopping_; }

    struct Sleeper; // one sleep in progress, on its coroutine frame

protected:
    void ring(void* token) override;

private:
    Sleeper* first_ = nullptr; // intrusive list of stoppable sleeps in progress
    bool stopping_ = false;

    void link(Sleeper& sleeper);
    void unlink(Sleeper& sleeper);
};

} // namespace logintest::harness::load
