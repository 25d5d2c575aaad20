// RLIMIT_NOFILE handling (see fd_limit.hpp).
#include "harness/load/fd_limit.hpp"

#include <fmt/format.h>

#include <algorithm>

#include <sys/resource.h>

namespace logintest::harness::load {

std::uint64_t descriptors_needed(std::uint64_t users, int hosts, bool embedded_mock) {
    const std::uint64_t per_user = static_cast<std::uint64_t>(std::max(1, hosts));
    return users * per_user * (embedded_mock ? 2 : 1) + 128;
}

FdLimit current_fd_limit() {
    FdLimit limit;
    rlimit r{};
    if (getrlimit(RLIMIT_NOFILE, &r) == 0) {
        limit.soft_before = limit.soft = r.rlim_cur;
        limit.hard = r.rlim_max;
    }
    return limit;
}

FdLimit raise_fd_limit(std::uint64_t wanted) {
    FdLimit limit = current_fd_limit();
    limit.wanted = wanted;
    if (limit.soft >= wanted) {
        return limit;
    }
    rlimit r{};
    r.rlim_cur = static_cast<rlim_t>(std::min(wanted, limit.hard));
    r.rlim_max = static_cast<rlim_t>(limit.hard);
    if (setrlimit(RLIMIT_NOFILE, &r) == 0) {
        limit.soft = r.rlim_cur;
    }
    return limit;
}

std::string fd_limit_advice(const FdLimit& limit) {
    if (limit.enough()) {
        return {};
    }
    return fmt::format(
        "this run needs about {} open files (a socket per user and host), but the open-file "
        "limit is {} (hard limit {}). Raise the hard limit (`ulimit -Hn {}` as root, "
        "LimitNOFILE= for a service, nofile in /etc/security/limits.conf) or lower --vus / "
        "--max-vus; connections beyond the limit fail as `fd_limit` errors",
        limit.wanted, limit.soft, limit.hard, limit.wanted);
}

} // namespace logintest::harness::load
