// VirtualClock: a Clock for tests whose time moves only when every coroutine is waiting on
// it, jumping to the earliest wake-up (discrete-event simulation on a real io_context). With
// run_virtual() a whole load run of minutes finishes in milliseconds and is exactly
// repeatable. Single-threaded, like a worker.
#pragma once

#include "harness/load/clock.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>
#include <list>

namespace logintest::harness::load::testing {

class VirtualClock final : public Clock {
public:
    explicit VirtualClock(time_point start) : now_(start) {}

    time_point now() const override { return now_; }

    boost::asio::awaitable<Wake> sleep_until(time_point when, Alarm* alarm,
                                             bool stoppable) override {
        namespace asio = boost::asio;
        if (stoppable && stopping_) {
            co_return Wake::stop;
        }
        if (alarm != nullptr && alarm->take_pending()) {
            co_return Wake::alarm;
        }
        if (when <= now_) {
            co_return Wake::time;
        }
        // A timer that never fires by itself: advance(), wake_all() or an alarm cancels it.
        asio::steady_timer timer(co_await asio::this_coro::executor,
                                 asio::steady_timer::time_point::max());
        auto it = sleepers_.insert(sleepers_.end(), Sleeper{when, &timer, stoppable, Wake::time});
        if (alarm != nullptr) {
            alarm->arm(this, &*it);
        }
        co_await timer.async_wait(asio::as_tuple(asio::use_awaitable));
        const Wake reason = it->reason;
        sleepers_.erase(it);
        if (alarm != nullptr) {
            alarm->disarm();
        }
        co_return reason;
    }

    void wake_all() override {
        stopping_ = true;
        for (auto& s : sleepers_) {
            if (s.stoppable && !s.woken) {
                s.reason = Wake::stop;
                s.woken = true;
                s.timer->cancel();
            }
        }
    }
    bool stopping() const override { return stopping_; }

    // Moves time to the earliest pending wake-up and wakes every sleep due then. False when
    // nothing sleeps with a finite deadline.
    bool advance() {
        time_point next = time_point::max();
        for (const auto& s : sleepers_) {
            if (!s.woken) {
                next = std::min(next, s.when);
            }
        }
        if (next == time_point::max()) {
            return false;
        }
        now_ = std::max(now_, next);
        for (auto& s : sleepers_) {
            if (!s.woken && s.when <= now_) {
                s.woken = true;
                s.timer->cancel();
            }
        }
        return true;
    }

protected:
    void ring(void* token) override {
        auto* s = static_cast<Sleeper*>(token);
        if (!s->woken) {
            s->reason = Wake::alarm;
            s->woken = true;
            s->timer->cancel();
        }
    }

private:
    struct Sleeper {
        time_point when;
        boost::asio::steady_timer* timer;
        bool stoppable;
        Wake reason;
        bool woken = false;
    };
    time_point now_;
    std::list<Sleeper> sleepers_;
    bool stopping_ = false;
};

// Runs `io` on the virtual clock until nothing is left to do.
inline void run_virtual(boost::asio::io_context& io, VirtualClock& clock) {
    for (;;) {
        io.restart();
        while (io.poll() > 0) {
            io.restart();
        }
        if (!clock.advance()) {
            io.restart();
            io.poll();
            return;
        }
    }
}

} // namespace logintest::harness::load::testing
