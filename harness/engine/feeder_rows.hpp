// FeederRows: which CSV rows of the `<feeder>`s are in use. Each journey run leases the next
// free row of its feeder's file (round robin) and returns it after the run, so two concurrent
// runs never share a row; journeys that name the same file share its rows. Thread-safe (one
// mutex; a lease is two short critical sections per journey run).
#pragma once

#include "harness/model/scenario.hpp"

#include <cstddef>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace logintest::harness::engine {

class FeederRows {
public:
    // The feeders of `journeys` (those without one are ignored).
    explicit FeederRows(const std::vector<const model::Journey*>& journeys);

    // The next free row of the journey's feeder after the last one leased; nullopt when every
    // row is held (or the journey has no feeder).
    std::optional<std::size_t> lease(const model::Journey& journey);
    void release(const model::Journey& journey, std::size_t row);

private:
    struct File {
        std::vector<bool> held;
        std::size_t next = 0;
    };
    std::mutex mutex_;
    std::map<std::string, File, std::less<>> files_; // by resolved path
};

} // namespace logintest::harness::engine
