// Confined, bounded reading of a scenario's files (see data_files.hpp). POSIX open/fstat so a
// FIFO or a device is recognised without blocking and nothing but a regular file is read.
#include "harness/scenario/data_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/vfs.h>
#endif

#include <cerrno>
#include <cstring>

namespace logintest::harness::scenario {

namespace fs = std::filesystem;
using support::Problem;
using support::Result;

namespace {

// Magic numbers of statfs(2): /proc and /sys hold "regular" files that are not data.
constexpr long proc_magic = 0x9fa0;
constexpr long sysfs_magic = 0x62656572;

fs::path absolute_normal(const fs::path& path) {
    std::error_code ec;
    const fs::path absolute = fs::absolute(path, ec);
    return (ec ? path : absolute).lexically_normal();
}

fs::path canonical_dir(const fs::path& dir) {
    std::error_code ec;
    const fs::path canonical = fs::weakly_canonical(dir, ec);
    return ec ? dir : canonical;
}

// `path` lies in `dir` or below it (lexically: both absolute and normal, or both relative).
bool inside(const fs::path& dir, const fs::path& path) {
    const fs::path relative = path.lexically_relative(dir);
    return !relative.empty() && *relative.begin() != "..";
}

bool inside_any(const fs::path& root, const std::vector<fs::path>& allowed, const fs::path& path) {
    if (inside(root, path)) {
        return true;
    }
    for (const fs::path& dir : allowed) {
        if (inside(dir, path)) {
            return true;
        }
    }
    return false;
}

std::string too_large(std::size_t max_bytes, std::string_view limit_name) {
    return "is larger than " + std::to_string(max_bytes) + " bytes (the " +
           std::string(limit_name) + " limit; raise it with --limit " + std::string(limit_name) +
           "=N)";
}

std::string file_kind(mode_t mode) {
    if (S_ISDIR(mode)) {
        return "a folder";
    }
    if (S_ISFIFO(mode)) {
        return "a FIFO";
    }
    if (S_ISCHR(mode) || S_ISBLK(mode)) {
        return "a device";
    }
    if (S_ISSOCK(mode)) {
        return "a socket";
    }
    return "not a regular file";
}

// Reads a regular file of at most max_bytes; O_NONBLOCK so that opening a FIFO cannot block.
Result<std::string> read_regular(const fs::path& path, std::size_t max_bytes,
                                 std::string_view limit_name) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        const int error = errno;
        return Problem{path.string(), 0,
                       error == ENOENT ? std::string("does not exist")
                                       : "cannot be read: " + std::string(std::strerror(error))};
    }
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        return Problem{path.string(), 0, "cannot be read: " + std::string(std::strerror(errno))};
    }
    if (!S_ISREG(st.st_mode)) {
        return Problem{path.string(), 0, "is " + file_kind(st.st_mode) + ", not a regular file"};
    }
#ifdef __linux__
    struct statfs fs_info {};
    if (::fstatfs(fd, &fs_info) == 0 &&
        (fs_info.f_type == proc_magic || fs_info.f_type == sysfs_magic)) {
        return Problem{path.string(), 0, "is a file of /proc or /sys, not a data file"};
    }
#endif
    if (static_cast<unsigned long long>(st.st_size) > max_bytes) {
        return Problem{path.string(), 0, too_large(max_bytes, limit_name)};
    }
    std::string text;
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            return Problem{path.string(), 0,
                           "cannot be read: " + std::string(std::strerror(errno))};
        }
        if (n == 0) {
            return text;
        }
        if (text.size() + static_cast<std::size_t>(n) > max_bytes) {
            return Problem{path.string(), 0, too_large(max_bytes, limit_name)};
        }
        text.append(buffer, static_cast<std::size_t>(n));
    }
}

// The type of `path` without opening it: a FIFO or a device is refused before open().
std::string not_regular(const fs::path& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        return errno == ENOENT ? std::string("does not exist")
                               : "cannot be read: " + std::string(std::strerror(errno));
    }
    return S_ISREG(st.st_mode) ? std::string()
                               : "is " + file_kind(st.st_mode) + ", not a regular file";
}

} // namespace

DataFiles::DataFiles(const LoadOptions& options, const std::string& journey_path)
    : options_(options) {
    const fs::path dir = fs::path(journey_path).parent_path();
    if (options_.files != nullptr) {
        root_ = dir.lexically_normal();
        for (const auto& allowed : options_.allowed_dirs) {
            allowed_.push_back(fs::path(allowed).lexically_normal());
        }
        return;
    }
    root_ = absolute_normal(dir.empty() ? fs::path(".") : dir);
    canonical_root_ = canonical_dir(root_);
    for (const auto& allowed : options_.allowed_dirs) {
        allowed_.push_back(absolute_normal(allowed));
        canonical_allowed_.push_back(canonical_dir(allowed_.back()));
    }
}

std::string DataFiles::outside_problem() const {
    return "is outside the scenario tree " + root_.string() +
           " (data files must be in the journey file's folder or below it; allow another "
           "folder with --allow-data-outside DIR)";
}

Result<std::string> DataFiles::read(const fs::path& path, std::size_t max_bytes,
                                    std::string_view limit_name) const {
    if (options_.files != nullptr) {
        const fs::path normal = path.lexically_normal();
        if (!inside_any(root_, allowed_, normal)) {
            return Problem{normal.string(), 0, outside_problem()};
        }
        const auto found = options_.files->find(normal.string());
        if (found == options_.files->end()) {
            return Problem{normal.string(), 0, "does not exist"};
        }
        if (found->second.size() > max_bytes) {
            return Problem{normal.string(), 0, too_large(max_bytes, limit_name)};
        }
        return found->second;
    }
    const fs::path normal = absolute_normal(path);
    if (!inside_any(root_, allowed_, normal)) {
        return Problem{path.string(), 0, outside_problem()};
    }
    std::error_code ec;
    const fs::path canonical = fs::canonical(normal, ec);
    if (ec) {
        return Problem{path.string(), 0, "does not exist"};
    }
    if (!inside_any(canonical_root_, canonical_allowed_, canonical)) {
        return Problem{path.string(), 0,
                       "leads through a symbolic link to " + canonical.string() + ", which " +
                           outside_problem()};
    }
    if (auto problem = not_regular(canonical); !problem.empty()) {
        return Problem{path.string(), 0, std::move(problem)};
    }
    auto text = read_regular(canonical, max_bytes, limit_name);
    if (!text) {
        return Problem{path.string(), 0, text.problem().message};
    }
    return text;
}

Result<std::string> DataFiles::read_journey(const std::string& path, std::size_t max_bytes) {
    if (auto problem = not_regular(path); !problem.empty()) {
        return Problem{path, 0, std::move(problem)};
    }
    return read_regular(path, max_bytes, "file-bytes");
}

std::string DataFiles::key(const fs::path& path) const {
    if (options_.files != nullptr) {
        return path.lexically_normal().string();
    }
    std::error_code ec;
    const fs::path canonical = fs::weakly_canonical(path, ec);
    return ec ? path.string() : canonical.string();
}

} // namespace logintest::harness::scenario
