// FeederRows (see feeder_rows.hpp).
#include "harness/engine/feeder_rows.hpp"

#include <algorithm>

namespace logintest::harness::engine {

FeederRows::FeederRows(const std::vector<const model::Journey*>& journeys) {
    for (const model::Journey* journey : journeys) {
        if (journey->feeder) {
            File& file = files_[journey->feeder->path];
            file.held.resize(std::max(file.held.size(), journey->feeder->rows.size()), false);
        }
    }
}

std::optional<std::size_t> FeederRows::lease(const model::Journey& journey) {
    if (!journey.feeder) {
        return std::nullopt;
    }
    const std::lock_guard lock(mutex_);
    const auto it = files_.find(journey.feeder->path);
    if (it == files_.end()) {
        return std::nullopt;
    }
    File& file = it->second;
    const std::size_t n = std::min(file.held.size(), journey.feeder->rows.size());
    for (std::size_t k = 0; k < n; ++k) {
        const std::size_t row = (file.next + k) % n;
        if (!file.held[row]) {
            file.held[row] = true;
            file.next = (row + 1) % n;
            return row;
        }
    }
    return std::nullopt;
}

void FeederRows::release(const model::Journey& journey, std::size_t row) {
    if (!journey.feeder) {
        return;
    }
    const std::lock_guard lock(mutex_);
    if (const auto it = files_.find(journey.feeder->path);
        it != files_.end() && row < it->second.held.size()) {
        it->second.held[row] = false;
    }
}

} // namespace logintest::harness::engine
