// Problem and Result<T>: the one result type of fallible parsing and set-up in every layer.
// A Problem names where (a file and a line, either may be empty/0) and what; Result<T> holds
// either a T or a Problem. Async I/O keeps error_code, and exceptions stay for programmer
// errors and start-up misconfiguration caught in cli/main.cpp (docs/architecture.md,
// "Errors"). Plain values; header-only; no dependencies.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace logintest::support {

struct Problem {
    std::string file; // empty when the problem is not about a file
    int line = 0;     // 1-based; 0 = the whole file or no file
    std::string message;

    // "file:line: message", "file: message" or "message", whichever parts are set.
    std::string text() const {
        if (file.empty()) {
            return message;
        }
        std::string out = file;
        if (line > 0) {
            out.append(":").append(std::to_string(line));
        }
        return out.append(": ").append(message);
    }
};

// A T or the Problem that prevented it. Converts from either, so a function returns `value`
// or `Problem{...}` directly.
template <class T> class [[nodiscard]] Result {
public:
    Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}
    Result(Problem problem) : state_(std::in_place_index<1>, std::move(problem)) {}

    bool ok() const { return state_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & {
        assert(ok());
        return std::get<0>(state_);
    }
    const T& value() const& {
        assert(ok());
        return std::get<0>(state_);
    }
    T&& value() && {
        assert(ok());
        return std::get<0>(std::move(state_));
    }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T&& operator*() && { return std::move(*this).value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    const Problem& problem() const {
        assert(!ok());
        return std::get<1>(state_);
    }

private:
    std::variant<T, Problem> state_;
};

} // namespace logintest::support
