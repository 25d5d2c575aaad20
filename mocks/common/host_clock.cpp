// GEN-6 host clock (host_clock.hpp).
#include "mocks/common/host_clock.hpp"

#include <fmt/format.h>

#include <cmath>

namespace logintest::mocks::common {

HostClock::HostClock(std::chrono::milliseconds start_offset, Source source)
    : start_offset_(start_offset), source_(std::move(source)), offset_ms_(start_offset.count()) {}

HostClock::TimePoint HostClock::now() const {
    return base() + std::chrono::milliseconds(offset_ms_.load(std::memory_order_relaxed));
}

HostClock::TimePoint HostClock::base() const {
    return source_ ? source_() : Clock::now();
}

support::Result<std::chrono::milliseconds> checked_clock_offset(double offset_s,
                                                                HostClock::TimePoint base) {
    using namespace std::chrono;
    if (!std::isfinite(offset_s)) {
        return support::Problem{"", 0, "offset_s: expected a finite number"};
    }
    const double from = duration<double>(base.time_since_epoch()).count();
    const double last = static_cast<double>(
        duration_cast<seconds>(sys_days{year{2262} / January / 1}.time_since_epoch()).count());
    const double t = from + offset_s;
    if (t < 0 || t >= last) {
        return support::Problem{
            "", 0,
            fmt::format("offset_s: {} would put the host clock outside the years 1970 to 2261; "
                        "expected an offset from {:.0f} to {:.0f} now",
                        offset_s, -from, last - from - 1)};
    }
    return milliseconds(std::llround(offset_s * 1000.0));
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
