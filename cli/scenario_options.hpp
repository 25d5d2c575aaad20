// The scenario-loading options every command that reads scenarios shares (check, load,
// validate): `--allow-data-outside DIR` (a folder whose files scenarios may name besides their
// own tree) and `--limit NAME=N` (raise one of the loader's limits). docs/scenario-format.md,
// "Data files" and "Limits". Used on the main thread while the command line is parsed and set up.
#pragma once

#include "harness/scenario/loader.hpp"
#include "support/text/problem.hpp"

#include <string>
#include <vector>

// NOLINTNEXTLINE(readability-identifier-naming): CLI11's own namespace, forward-declared here.
namespace CLI {
class App;
}

namespace logintest::cli {

struct ScenarioFlags {
    std::vector<std::string> allowed_dirs;
    std::vector<std::string> limits; // NAME=N
};

// Adds both options to `command`; `flags` must outlive the parse.
void add_scenario_options(CLI::App& command, ScenarioFlags& flags);

// The loader options the flags ask for, or the problem with one `--limit` (a usage error).
[[nodiscard]] support::Result<harness::scenario::LoadOptions>
to_load_options(const ScenarioFlags& flags);

} // namespace logintest::cli
