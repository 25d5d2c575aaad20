// StopSignals: Ctrl-C (SIGINT) and SIGTERM during `logintest load` and `check`, through
// asio::signal_set.
// From construction on, both signals are blocked in the constructing thread and so in every
// thread started after it (the embedded mock's, the workers'), and caught by a signal_set;
// forward_to() starts the one thread that unblocks them and runs the set, calling the handler
// with "interrupted (SIGINT)" or "interrupted (SIGTERM)" for each signal (one that arrived
// earlier is delivered then). After finish() (or destruction) later signals stay blocked and
// are ignored, so the summary and the JSON result are always written. pending() tells a
// command, before it calls forward_to(), that a signal came during its set-up (it then ends
// with exit 4 instead of being killed half-way).
//
// Construct on the main thread before any other thread starts; forward_to() and finish()
// from that thread too. The handler runs on the signal thread.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>

#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include <csignal>

namespace logintest::cli {

class StopSignals {
public:
    using Handler = std::function<void(const std::string& reason)>;

    StopSignals();
    ~StopSignals();
    StopSignals(const StopSignals&) = delete;
    StopSignals& operator=(const StopSignals&) = delete;

    void forward_to(Handler handler);
    // Before forward_to(): "interrupted (SIGINT)" / "(SIGTERM)" when such a signal is pending
    // (it stays pending), else empty.
    [[nodiscard]] std::string pending() const;
    void finish();

private:
    void wait();

    sigset_t blocked_{};
    boost::asio::io_context io_;
    boost::asio::signal_set signals_;
    std::mutex mutex_;
    Handler handler_;
    std::thread thread_;
};

} // namespace logintest::cli
