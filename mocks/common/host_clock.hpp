// HostClock (GEN-6): a host's time is the system time plus the host's offset, which the
// control plane moves (MOCK-CP-5) and tests move instead of sleeping. Every expiry and age
// rule of a host reads this clock. Thread-safe (the offset is atomic); one per host.
#pragma once

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

} // namespace logintest::mocks::common
