// The scenario loader's limits and options: how large, deep and numerous the parts of one
// journey may be (so `logintest validate` and every command that loads scenarios stay bounded
// in time and memory for any input), which folders its data files may come from, and where
// files are read (the file system, or an in-memory set of files for fuzzing and tests).
// Every default is far above what the shipped catalog needs (docs/scenario-format.md,
// "Limits"). Plain values; LoadOptions only points at the VirtualFiles it is given, which must
// outlive the load.
#pragma once

#include "support/text/problem.hpp"

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace logintest::harness::scenario {

struct Limits {
    std::size_t file_bytes = 1024 * 1024;        // one scenario or lib file
    std::size_t journey_bytes = 8 * 1024 * 1024; // a journey file and every file it includes
    std::size_t element_depth = 64;              // elements inside elements, <journey> = 1
    std::size_t branch_depth = 32;               // <if>/<option>s around one element
    std::size_t attributes = 64;                 // attributes of one element
    std::size_t include_depth = 8;               // includes inside includes
    std::size_t includes = 256;                  // lib files inlined into one journey
    std::size_t steps = 2000;                    // after includes and repeat="N"
    std::size_t checks = 20000;                  // <expect>s of the journey's steps
    std::size_t variables = 5000;                // distinct variable names defined
    std::size_t feeder_bytes = 16 * 1024 * 1024; // a <feeder>'s CSV file
    std::size_t feeder_rows = 100000;
    std::size_t feeder_columns = 256;
    std::size_t errors = 1000; // problems reported before the loader stops
};

// One limit by the name the docs and messages use (`feeder-rows`), for `--limit NAME=N`.
struct LimitInfo {
    std::string_view name;
    std::string_view what; // "rows of a feeder file"
};
[[nodiscard]] std::vector<LimitInfo> limit_names();
// The value of the limit `name` in `limits`, or nullopt for an unknown name.
[[nodiscard]] std::optional<std::size_t> limit_value(const Limits& limits, std::string_view name);
// Sets a limit from `NAME=N` (N a whole number above 0, with an optional KiB/MiB suffix for
// the byte limits); a Problem names what is wrong.
[[nodiscard]] support::Result<Limits> with_limit(Limits limits, std::string_view assignment);

// Files served from memory, keyed by path as the loader forms it (the scenario's folder joined
// with the file name, lexically normal: "dir/lib/x.xml", "dir/data/rows.csv").
using VirtualFiles = std::map<std::string, std::string, std::less<>>;

struct LoadOptions {
    Limits limits;
    // Folders (besides the scenario tree: the folder of the journey file) whose files a
    // scenario may name (`--allow-data-outside DIR`).
    std::vector<std::string> allowed_dirs;
    // When set, every file a scenario names is read from here and the file system is never
    // touched; a name that is not in it cannot be read.
    const VirtualFiles* files = nullptr;
};

} // namespace logintest::harness::scenario
