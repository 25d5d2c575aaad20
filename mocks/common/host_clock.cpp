// GEN-6 host clock (host_clock.hpp).
#include "mocks/common/host_clock.hpp"

namespace logintest::mocks::common {

HostClock::HostClock(std::chrono::milliseconds start_offset, Source source)
    : start_offset_(start_offset), source_(std::move(source)), offset_ms_(start_offset.count()) {}

HostClock::TimePoint HostClock::now() const {
    const TimePoint base = source_ ? source_() : Clock::now();
    return base + std::chrono::milliseconds(offset_ms_.load(std::memory_order_relaxed));
}

std::chrono::milliseconds HostClock::offset() const {
    return std::chrono::milliseconds(offset_ms_.load(std::memory_order_relaxed));
}

void HostClock::set_offset(std::chrono::milliseconds offset) {
    offset_ms_.store(offset.count(), std::memory_order_relaxed);
}

void HostClock::advance(std::chrono::milliseconds by) {
    offset_ms_.fetch_add(by.count(), std::memory_order_relaxed);
}

void HostClock::reset() {
    set_offset(start_offset_);
}

} // namespace logintest::mocks::common
