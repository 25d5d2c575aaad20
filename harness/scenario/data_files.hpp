// DataFiles: how the loader reads the files of one journey: the journey file itself, the lib
// files it includes and its feeder's CSV. A file a scenario names must lie inside the scenario
// tree (the folder of the journey file) or a folder the user allowed (LoadOptions::
// allowed_dirs): `..` and symbolic links that lead out are refused (the path is made canonical
// before the check), only regular files are read (no device, FIFO, socket or /proc file, which
// is never opened in a way that could block), and no more than a size limit. A problem names
// the file and why, never what it holds. With LoadOptions::files set, files come from memory
// and the file system is never touched. Owned by one Loader; not thread-safe.
#pragma once

#include "harness/scenario/limits.hpp"
#include "support/text/problem.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace logintest::harness::scenario {

class DataFiles {
public:
    // `journey_path` is the journey file's path (or the name a text is loaded under): its
    // folder is the scenario tree.
    DataFiles(const LoadOptions& options, const std::string& journey_path);

    // Reads a file the scenario names, at `path` (the loader's join of the scenario's folder
    // and the name as written), no larger than `max_bytes` (the limit `limit_name`). The
    // Problem's message says why not, for "<what> <path>: <message>".
    [[nodiscard]] support::Result<std::string> read(const std::filesystem::path& path,
                                                    std::size_t max_bytes,
                                                    std::string_view limit_name) const;

    // The same for the journey file itself, which is not confined (it defines the tree).
    [[nodiscard]] static support::Result<std::string> read_journey(const std::string& path,
                                                                   std::size_t max_bytes);

    // The identity of a file for include cycles: canonical on disk, lexically normal in memory.
    [[nodiscard]] std::string key(const std::filesystem::path& path) const;

private:
    [[nodiscard]] std::string outside_problem() const;

    const LoadOptions& options_;
    std::filesystem::path root_;                 // absolute and lexically normal (disk)
    std::vector<std::filesystem::path> allowed_; // the same for the allowed folders
    std::filesystem::path canonical_root_;       // symbolic links resolved (disk only)
    std::vector<std::filesystem::path> canonical_allowed_;
};

} // namespace logintest::harness::scenario
