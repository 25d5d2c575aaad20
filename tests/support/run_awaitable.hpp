// Runs one coroutine to its end on a private io_context and returns its value, rethrowing what
// it threw: how tests drive the engine's awaitables without a server or threads. Header-only.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>

#include <exception>
#include <optional>
#include <utility>

namespace logintest::testing {

template <class T> T run_awaitable(boost::asio::awaitable<T> work) {
    boost::asio::io_context io;
    std::optional<T> result;
    std::exception_ptr failure;
    boost::asio::co_spawn(io, std::move(work), [&](std::exception_ptr e, T value) {
        failure = e;
        result = std::move(value);
    });
    io.run();
    if (failure) {
        std::rethrow_exception(failure);
    }
    return std::move(*result);
}

} // namespace logintest::testing
