// The open-file limit: every virtual user holds a socket per host it talks to, so a run of
// 10,000 users needs more descriptors than the usual soft limit of 1024. Before a run the
// generator raises its soft RLIMIT_NOFILE to what it needs, up to the hard limit, and says
// plainly when even that is too little. Process-wide; call from the main thread before the
// workers start.
#pragma once

#include <cstdint>
#include <string>

namespace logintest::harness::load {

struct FdLimit {
    std::uint64_t wanted = 0;
    std::uint64_t soft_before = 0;
    std::uint64_t soft = 0; // after raising
    std::uint64_t hard = 0;
    bool enough() const { return soft >= wanted; }
};

// Descriptors a run needs: `users` at once, `hosts` connections each, plus room for the
// process itself (and an embedded mock's side of every connection when `embedded_mock`).
std::uint64_t descriptors_needed(std::uint64_t users, int hosts, bool embedded_mock);

// Raises the soft limit towards `wanted` (never lowers it).
FdLimit raise_fd_limit(std::uint64_t wanted);

// "needs about 20 164 open files but the limit is 1024 (hard 4096): raise it (ulimit -Hn ...)"
// for a limit that is not enough; empty otherwise.
std::string fd_limit_advice(const FdLimit& limit);

// The current soft and hard limits, for notes written after a run.
FdLimit current_fd_limit();

} // namespace logintest::harness::load
