// StopSignals (see stop_signals.hpp).
#include "cli/stop_signals.hpp"

#include <pthread.h>

namespace logintest::cli {

StopSignals::StopSignals() : signals_(io_) {
    sigemptyset(&blocked_);
    sigaddset(&blocked_, SIGINT);
    sigaddset(&blocked_, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &blocked_, nullptr);
    signals_.add(SIGINT);
    signals_.add(SIGTERM);
}

StopSignals::~StopSignals() {
    finish();
}

void StopSignals::forward_to(Handler handler) {
    {
        std::lock_guard lock(mutex_);
        handler_ = std::move(handler);
    }
    if (thread_.joinable()) {
        return;
    }
    wait();
    thread_ = std::thread([this] {
        // The only thread the signals reach: the signal_set's handler wakes its io_context.
        pthread_sigmask(SIG_UNBLOCK, &blocked_, nullptr);
        io_.run();
    });
}

std::string StopSignals::pending() const {
    sigset_t set;
    sigemptyset(&set);
    sigpending(&set);
    if (sigismember(&set, SIGINT) == 1) {
        return "interrupted (SIGINT)";
    }
    if (sigismember(&set, SIGTERM) == 1) {
        return "interrupted (SIGTERM)";
    }
    return {};
}

void StopSignals::wait() {
    signals_.async_wait([this](const boost::system::error_code& error, int signal) {
        if (error) {
            return; // cancelled by finish()
        }
        {
            std::lock_guard lock(mutex_);
            if (handler_) {
                handler_(signal == SIGINT ? "interrupted (SIGINT)" : "interrupted (SIGTERM)");
            }
        }
        wait();
    });
}

void StopSignals::finish() {
    {
        std::lock_guard lock(mutex_);
        handler_ = nullptr;
    }
    if (thread_.joinable()) {
        io_.stop();
        thread_.join();
    }
}

} // namespace logintest::cli
