// Tests of the run's wall-clock stamps (harness/engine/utc_time.hpp): RFC 3339 in UTC with
// whole seconds, whatever the local time zone.
#include "harness/engine/utc_time.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>
#include <optional>
#include <string>

namespace logintest::harness::engine {
namespace {

using namespace std::chrono;

// Sets TZ for the scope of the test and restores it after.
class LocalZone {
public:
    explicit LocalZone(const char* zone) {
        if (const char* old = std::getenv("TZ")) {
            old_ = old;
        }
        setenv("TZ", zone, 1);
        tzset();
    }
    ~LocalZone() {
        if (old_) {
            setenv("TZ", old_->c_str(), 1);
        } else {
            unsetenv("TZ");
        }
        tzset();
    }

private:
    std::optional<std::string> old_;
};

TEST(UtcTime, Rfc3339InUtcWithWholeSeconds) {
    const sys_time<milliseconds> t = sys_days(2025y / 11 / 28) + 19h + 40min + 5s + 999ms;
    EXPECT_EQ(rfc3339_utc(t), "2025-11-28T19:40:05Z");
    EXPECT_EQ(rfc3339_utc(sys_days(1970y / 1 / 1)), "1970-01-01T00:00:00Z");
}

TEST(UtcTime, IgnoresTheLocalTimeZone) {
    const LocalZone moscow("MSK-3");
    const sys_seconds t = sys_days(2025y / 12 / 31) + 23h + 59min + 59s;
    EXPECT_EQ(rfc3339_utc(t), "2025-12-31T23:59:59Z");
}

} // namespace
} // namespace logintest::harness::engine
