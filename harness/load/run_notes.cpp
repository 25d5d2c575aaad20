// Run notes (see run_notes.hpp).
#include "harness/load/run_notes.hpp"

#include "harness/load/fd_limit.hpp"

#include <fmt/format.h>

#include <fstream>

namespace logintest::harness::load {

namespace {

using model::ErrorKind;

// "32768-60999, 28232 ports" from /proc, for the ports note.
std::string local_port_range() {
    std::ifstream in("/proc/sys/net/ipv4/ip_local_port_range");
    int low = 0;
    int high = 0;
    if (in >> low >> high) {
        return fmt::format("{}-{}, {} ports", low, high, high - low + 1);
    }
    return "unknown";
}

double share(std::uint64_t part, std::uint64_t whole) {
    return whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

void note_schedule(model::LoadRunResult& result) {
    const model::LoadTotals& t = result.totals;
    const model::LoadConfig& config = result.config;
    if (t.late > 0) {
        result.notes.push_back(fmt::format(
            "{} starts ({:.2g}%) began more than {:g} ms after their schedule (start delay p99 "
            "{:.1f} ms): the generator was short of CPU or of free users (--max-vus); their "
            "latency counts from the schedule all the same",
            t.late, share(t.late, t.started), config.late_after_ms,
            t.start_delay.percentile_us(99) / 1000));
    }
    if (t.dropped > 0) {
        result.notes.push_back(fmt::format(
            "{} arrivals ({:.2g}%) were dropped: no user was free within {:g} ms of their "
            "schedule; raise --max-vus (now {}) or lower the rate",
            t.dropped, share(t.dropped, t.scheduled), config.drop_after_ms, config.max_vus));
    }
}

void note_resources(model::LoadRunResult& result, const PoolSizes& pools) {
    const model::ErrorCounts& errors = result.totals.errors;
    if (const std::uint64_t n = errors[ErrorKind::fd_limit]; n > 0) {
        const FdLimit limit = current_fd_limit();
        result.notes.push_back(fmt::format(
            "{} journeys failed for want of file descriptors (EMFILE): the open-file limit is "
            "{} (hard {}); raise it (ulimit -n, LimitNOFILE=) or lower the number of users",
            n, limit.soft, limit.hard));
    }
    if (const std::uint64_t n = errors[ErrorKind::ports_exhausted]; n > 0) {
        result.notes.push_back(fmt::format(
            "{} journeys found no free local port (EADDRNOTAVAIL): the ephemeral range "
            "net.ipv4.ip_local_port_range is {}, and closed connections wait in TIME_WAIT; keep "
            "connections (drop --new-connections), widen the range, or spread the target over "
            "more addresses",
            n, local_port_range()));
    }
    if (const std::uint64_t n = errors[ErrorKind::no_account]; n > 0) {
        result.notes.push_back(fmt::format(
            "{} starts found no free account: each concurrent journey needs its own (pool "
            "'load' holds {}, 'bind' {}; a fixture login serves one journey at a time); raise "
            "--pool-size / --pool-unbound (with the mock's fixture.load_pool_size / "
            "load_pool_unbound) or lower the concurrency",
            n, pools.load, pools.bind));
    }
}

} // namespace

void add_run_notes(model::LoadRunResult& result, const PoolSizes& pools) {
    note_schedule(result);
    note_resources(result, pools);
    if (result.totals.unfinished > 0) {
        result.notes.push_back(fmt::format("{} journeys were still running when the run was cut "
                                           "short; they are in no statistic",
                                           result.totals.unfinished));
    }
}

} // namespace logintest::harness::load
