// Helpers of the process-level CLI tests: run the `logintest` executable as a user does (its
// output to a file, its exit code; optionally with SIGINT pending from the start, or sent
// once its output says so), a loopback server that answers every request with garbage, a
// loopback port held so that nothing else can bind it, and reading a JSON result. Every
// wait is bounded (a guard against a hang, never a timed assertion); only 127.0.0.1 is used.
// LOGINTEST=path in the environment runs another build instead of this one.
// Used by tests/cli/process/*_test.cpp on the test's thread; the garbage server runs one
// thread of its own until destroyed.
#pragma once

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace logintest::cli_process {

inline std::string read_text(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

inline std::string temp_path(const std::string& name) {
    return ::testing::TempDir() + "logintest-" + std::to_string(::getpid()) + "-" + name;
}

// One run of logintest; stdout and stderr go to one file.
class Process {
public:
    // `pending_sigint`: the child starts with SIGINT blocked and pending, as if Ctrl-C came
    // while it was still setting up.
    explicit Process(std::vector<std::string> args, bool pending_sigint = false)
        : output_(temp_path("out-" + std::to_string(counter()++) + ".txt")) {
        // LOGINTEST=path runs another build (e.g. the base commit's, to see a test fail there).
        const char* other = std::getenv("LOGINTEST");
        args.insert(args.begin(), other != nullptr ? other : LOGINTEST_BINARY);
        std::vector<char*> argv;
        for (auto& a : args) {
            argv.push_back(a.data());
        }
        argv.push_back(nullptr);
        const int fd = ::open(output_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (fd < 0) {
            throw std::runtime_error("cannot open " + output_);
        }
        pid_ = ::fork();
        if (pid_ == 0) { // only async-signal-safe calls until exec
            ::dup2(fd, 1);
            ::dup2(fd, 2);
            if (::chdir(LOGINTEST_SOURCE_DIR) != 0) {
                ::_exit(127);
            }
            if (pending_sigint) {
                sigset_t set;
                sigemptyset(&set);
                sigaddset(&set, SIGINT);
                ::sigprocmask(SIG_BLOCK, &set, nullptr);
                ::raise(SIGINT); // pending: the blocked mask and the pending set survive exec
            }
            ::execv(argv[0], argv.data());
            ::_exit(127);
        }
        ::close(fd);
    }
    ~Process() {
        if (pid_ > 0 && exit_ < 0) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, nullptr, 0);
        }
    }
    Process(const Process&) = delete;
    Process& operator=(const Process&) = delete;

    // Waits (at most `limit`) until the output matches `text`; false if the process ended or
    // the limit passed first.
    bool wait_for_output(const std::string& text,
                         std::chrono::seconds limit = std::chrono::seconds(60)) {
        const auto until = std::chrono::steady_clock::now() + limit;
        while (std::chrono::steady_clock::now() < until) {
            if (output().find(text) != std::string::npos) {
                return true;
            }
            if (exited()) {
                return output().find(text) != std::string::npos;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        return false;
    }
    void signal(int sig) const { ::kill(pid_, sig); }

    // The exit code (after waiting at most `limit`; then the process is killed: -1). A
    // process ended by a signal gives 128 + the signal, as a shell says.
    int wait(std::chrono::seconds limit = std::chrono::seconds(100)) {
        const auto until = std::chrono::steady_clock::now() + limit;
        while (!exited() && std::chrono::steady_clock::now() < until) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        if (!exited()) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, nullptr, 0);
            exit_ = -1;
        }
        return exit_;
    }
    std::string output() const { return read_text(output_); }

private:
    static int& counter() {
        static int n = 0;
        return n;
    }
    bool exited() {
        if (exit_ >= 0) {
            return true;
        }
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) != pid_) {
            return false;
        }
        exit_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        return true;
    }

    std::string output_;
    pid_t pid_ = -1;
    int exit_ = -1;
};

// A socket bound and listening on 127.0.0.1:<port>, a free port the kernel chose.
class ListeningSocket {
public:
    ListeningSocket() {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof addr;
        if (fd_ < 0 || ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), len) != 0 ||
            ::listen(fd_, 64) != 0 ||
            ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
            throw std::runtime_error("cannot listen on 127.0.0.1");
        }
        port_ = ntohs(addr.sin_port);
    }
    ~ListeningSocket() {
        if (fd_ >= 0) {
            ::close(fd_);
        }
    }
    ListeningSocket(const ListeningSocket&) = delete;
    ListeningSocket& operator=(const ListeningSocket&) = delete;
    int fd() const { return fd_; }
    std::uint16_t port() const { return port_; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

private:
    int fd_ = -1;
    std::uint16_t port_ = 0;
};

// Answers every connection with `answer` (by default a line that is not HTTP), then closes it.
class GarbageServer {
public:
    explicit GarbageServer(std::string answer = "garbage, not HTTP\r\n\r\n")
        : answer_(std::move(answer)), thread_([this] {
              while (!stop_) {
                  const int c = ::accept(socket_.fd(), nullptr, nullptr);
                  if (c < 0) {
                      continue;
                  }
                  char buffer[4096];
                  (void)::recv(c, buffer, sizeof buffer, 0);
                  (void)::send(c, answer_.data(), answer_.size(), MSG_NOSIGNAL);
                  ::close(c);
              }
          }) {}
    ~GarbageServer() {
        stop_ = true;
        ::shutdown(socket_.fd(), SHUT_RDWR); // wakes accept()
        thread_.join();
    }
    GarbageServer(const GarbageServer&) = delete;
    GarbageServer& operator=(const GarbageServer&) = delete;
    std::string url() const { return socket_.url(); }

private:
    ListeningSocket socket_;
    std::string answer_;
    std::atomic<bool> stop_{false};
    std::thread thread_;
};

inline boost::json::value read_json(const std::string& path) {
    boost::system::error_code ec;
    auto value = boost::json::parse(read_text(path), ec);
    if (ec) {
        ADD_FAILURE() << path << ": not JSON: " << ec.message();
        return {};
    }
    return value;
}

inline std::uint64_t count_at(const boost::json::value& json, const std::string& pointer) {
    boost::system::error_code ec;
    const auto* v = json.find_pointer(pointer, ec);
    return v != nullptr && v->is_number() ? v->to_number<std::uint64_t>() : 0;
}

inline void write_text(const std::string& path, const std::string& text) {
    std::ofstream(path) << text;
}

} // namespace logintest::cli_process
