// SteadyClock (see clock.hpp): each sleep is a steady_timer on the sleeping coroutine's frame,
// linked into the clock's list while it waits so that wake_all() and an Alarm can cancel it.
#include "harness/load/clock.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace logintest::harness::load {

namespace asio = boost::asio;

struct SteadyClock::Sleeper {
    asio::steady_timer* timer = nullptr;
    Wake reason = Wake::time;
    Sleeper* previous = nullptr;
    Sleeper* next = nullptr;
    bool linked = false;
};

void SteadyClock::link(Sleeper& sleeper) {
    sleeper.next = first_;
    if (first_ != nullptr) {
        first_->previous = &sleeper;
    }
    first_ = &sleeper;
    sleeper.linked = true;
}

void SteadyClock::unlink(Sleeper& sleeper) {
    if (!sleeper.linked) {
        return;
    }
    if (sleeper.previous != nullptr) {
        sleeper.previous->next = sleeper.next;
    } else {
        first_ = sleeper.next;
    }
    if (sleeper.next != nullptr) {
        sleeper.next->previous = sleeper.previous;
    }
    sleeper.linked = false;
}

asio::awaitable<Wake> SteadyClock::sleep_until(time_point when, Alarm* alarm, bool stoppable) {
    if (stoppable && stopping_) {
        co_return Wake::stop;
    }
    if (alarm != nullptr && alarm->take_pending()) {
        co_return Wake::alarm;
    }
    if (when <= now()) {
        co_return Wake::time;
    }
    asio::steady_timer timer(co_await asio::this_coro::executor, when);
    Sleeper sleeper;
    sleeper.timer = &timer;
    if (stoppable) {
        link(sleeper);
    }
    if (alarm != nullptr) {
        alarm->arm(this, &sleeper);
    }
    // Unlinks and disarms even when the frame is destroyed mid-wait (a run cut short).
    struct Guard {
        SteadyClock& clock;
        Sleeper& sleeper;
        Alarm* alarm;
        ~Guard() {
            clock.unlink(sleeper);
            if (alarm != nullptr) {
                alarm->disarm();
            }
        }
    } guard{*this, sleeper, alarm};
    co_await timer.async_wait(asio::as_tuple(asio::use_awaitable));
    co_return sleeper.reason;
}

void SteadyClock::wake_all() {
    stopping_ = true;
    for (Sleeper* s = first_; s != nullptr; s = s->next) {
        s->reason = Wake::stop;
        s->timer->cancel();
    }
}

void SteadyClock::ring(void* token) {
    auto* sleeper = static_cast<Sleeper*>(token);
    if (sleeper->reason == Wake::time) {
        sleeper->reason = Wake::alarm;
    }
    sleeper->timer->cancel();
}

} // namespace logintest::harness::load
