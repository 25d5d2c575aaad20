// RunEvents (see run_events.hpp).
#include "harness/load/run_events.hpp"

namespace logintest::harness::load {

void RunEvents::request_stop(const std::string& reason) {
    {
        std::lock_guard lock(mutex_);
        if (reason_.empty()) {
            reason_ = reason;
        }
        ++stops_;
    }
    changed_.notify_all();
}

void RunEvents::worker_finished() {
    {
        std::lock_guard lock(mutex_);
        ++finished_;
    }
    changed_.notify_all();
}

RunEvents::State RunEvents::wait_until(int seen_stops, time_point deadline) {
    std::unique_lock lock(mutex_);
    const auto happened = [&] { return stops_ > seen_stops || finished_ >= workers_; };
    if (deadline == time_point::max()) {
        changed_.wait(lock, happened);
    } else {
        changed_.wait_until(lock, deadline, happened);
    }
    return state();
}

std::string RunEvents::stop_reason() const {
    std::lock_guard lock(mutex_);
    return reason_;
}

} // namespace logintest::harness::load
