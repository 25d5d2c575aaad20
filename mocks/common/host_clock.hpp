// HostClock (GEN-6): a host's time is the system time plus the host's offset, which the
// control plane moves (MOCK-CP-5) and tests move instead of sleeping. Every expiry and age
// rule of a host reads this clock. Thread-safe (the offset is atomic); one per host.
#pragma once

#include "support/text/problem.hpp"

#include <atomic>
#include <chrono>
#include <functional>

namespace logintest::mocks::common {

class HostClock {
public:
    using Clock = std::chrono::system_clock;
    using TimePoint = Clock::time_point;
    using Source = std::function<TimePoint()>;

    // `source` replaces the system time (tests); `start_offset` is the configured offset.
    explicit HostClock(std::chrono::milliseconds start_offset = {}, Source source = {});

    TimePoint now() const;
    // The time without the offset (system time, or the test's source).
    TimePoint base() const;
    std::chrono::milliseconds offset() const;
    void set_offset(std::chrono::milliseconds offset);
    void advance(std::chrono::milliseconds by);
    // MOCK-CP-3: back to the configured start offset.
    void reset();

private:
    std::chrono::milliseconds start_offset_;
    Source source_;
    std::atomic<long long> offset_ms_;
};

// MOCK-CP-5, MOCK-CP-10: `seconds` as an offset from `base`, refused (with the reason) when
// it is not a finite number or the host's time would leave the years 1970 through 2261. The
// spec refuses years after 9999; the host clock counts nanoseconds from 1970, so its own end,
// 11 April 2262, comes first (mock decision, docs/mock.md). Used by PUT /mock/clock and the
// §23 keys clock.*_offset_s.
[[nodiscard]] support::Result<std::chrono::milliseconds>
checked_clock_offset(double seconds, HostClock::TimePoint base);

} // namespace logintest::mocks::common
