// StopSignals: Ctrl-C (SIGINT) and SIGTERM during `logintest load`, through asio::signal_set.
// From construction on, both signals are blocked in the constructing thread and so in every
// thread started after it (the embedded mock's, the workers'), and caught by a signal_set;
// forward_to() starts the one thread that unblocks them and runs the set, calling the handler
// with "interrupted (SIGINT)" or "interrupted (SIGTERM)" for each signal (one that arrived
// earlier is delivered then). After finish() (or destruction) later signals stay blocked and
// are ignored, so the summary and the JSON result are always written.
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
