// The shared scenario-loading options of check, load and validate (scenario_options.hpp).
#include "cli/scenario_options.hpp"

#include "harness/scenario/limits.hpp"

#include <CLI/CLI.hpp>

namespace logintest::cli {

void add_scenario_options(CLI::App& command, ScenarioFlags& flags) {
    command
        .add_option("--allow-data-outside", flags.allowed_dirs,
                    "A folder whose files scenarios may name besides their own tree (repeatable)")
        ->allow_extra_args(false);
    command
        .add_option("--limit", flags.limits,
                    "NAME=N: raise a scenario loader limit, e.g. feeder-rows=200000 (repeatable)")
        ->allow_extra_args(false);
}

support::Result<harness::scenario::LoadOptions> to_load_options(const ScenarioFlags& flags) {
    harness::scenario::LoadOptions options;
    options.allowed_dirs = flags.allowed_dirs;
    for (const auto& assignment : flags.limits) {
        auto set = harness::scenario::with_limit(options.limits, assignment);
        if (!set) {
            return set.problem();
        }
        options.limits = *set;
    }
    return options;
}

} // namespace logintest::cli
