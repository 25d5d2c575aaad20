// Counters (MOCK-CP-4): per host, requests by "<METHOD> <path>" (no query), responses by
// status, and named protocol events, some of them objects keyed by a code (esia
// `ac_errors`). Read with GET /mock/counters, zeroed by POST /mock/counters/reset and
// /mock/reset. Thread-safe (one mutex); counts are exact under concurrency.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace logintest::mocks::common {

class Counters {
public:
    // `events` appear as 0 and `keyed_events` as {} until counted.
    Counters(std::initializer_list<std::string_view> events,
             std::initializer_list<std::string_view> keyed_events = {});

    void count_request(std::string_view method, std::string_view path);
    void count_status(int status);
    void add(std::string_view event, std::int64_t n = 1);
    void add_keyed(std::string_view event, std::string_view key, std::int64_t n = 1);

    std::int64_t event(std::string_view name) const;
    std::int64_t keyed(std::string_view event, std::string_view key) const;
    std::int64_t status(int code) const;
    std::int64_t requests(std::string_view method, std::string_view path) const;

    // {"requests":{...},"status":{...},"events":{...}}
    std::string to_json() const;
    // Back to the start state: named events 0, everything else empty.
    void reset();

    // Distinct "<METHOD> <path>" keys kept; further paths count under "<METHOD> *".
    static constexpr std::size_t max_request_keys = 4096;

private:
    std::vector<std::string> event_names_;
    std::vector<std::string> keyed_names_;
    mutable std::mutex mutex_;
    std::map<std::string, std::int64_t, std::less<>> requests_;
    std::map<int, std::int64_t> status_;
    std::map<std::string, std::int64_t, std::less<>> events_;
    std::map<std::string, std::map<std::string, std::int64_t, std::less<>>, std::less<>> keyed_;
};

} // namespace logintest::mocks::common
