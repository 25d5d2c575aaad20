// Reading a whole file into a string: scenario files, feeders, fixtures, configuration and
// target files, keys and certificates. Binary-safe. Used from start-up and loading code, never
// on a hot path. Thread-safe (no shared state).
#pragma once

#include "support/text/problem.hpp"

#include <filesystem>
#include <string>

namespace logintest::support {

// The file's bytes, or a Problem{file = path, message = the system's reason, e.g. "No such
// file or directory"}; callers word their own message around it.
[[nodiscard]] Result<std::string> read_file(const std::filesystem::path& path);

} // namespace logintest::support
