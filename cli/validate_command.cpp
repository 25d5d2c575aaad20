// `logintest validate FILE...`: loads scenario files and prints `file:line: message` for
// every problem; exit 3 when there is any, 0 otherwise. Never touches the network.
// `--allow-data-outside DIR` lets scenarios name data files in DIR as well as in their own
// tree; `--limit NAME=N` raises one of the loader's limits (docs/scenario-format.md, Limits).
#include "cli/catalog.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <memory>

namespace logintest::cli {

std::function<int()> add_validate_command(CLI::App& app) {
    auto paths = std::make_shared<std::vector<std::string>>();
    auto allowed = std::make_shared<std::vector<std::string>>();
    auto limits = std::make_shared<std::vector<std::string>>();
    auto* cmd = app.add_subcommand("validate", "Check scenario files without running them");
    cmd->add_option("scenarios", *paths, "Scenario files or folders (default: the catalog)");
    cmd->add_option("--allow-data-outside", *allowed,
                    "A folder whose files scenarios may name besides their own tree (repeatable)")
        ->allow_extra_args(false);
    cmd->add_option("--limit", *limits, "NAME=N: raise a loader limit, e.g. feeder-rows=200000")
        ->allow_extra_args(false);
    return [paths, allowed, limits] {
        harness::scenario::LoadOptions options;
        options.allowed_dirs = *allowed;
        for (const auto& assignment : *limits) {
            auto set = harness::scenario::with_limit(options.limits, assignment);
            if (!set) {
                fmt::print(stderr, "{}\n", set.problem().text());
                return static_cast<int>(exit_usage);
            }
            options.limits = *set;
        }
        const auto catalog = load_catalog(
            paths->empty() ? std::vector<std::string>{default_catalog_dir()} : *paths, options);
        for (const auto& e : catalog.errors) {
            fmt::print(stderr, "{}\n", harness::scenario::format_error(e));
        }
        if (!catalog.errors.empty()) {
            fmt::print(stderr, "{} problem{} found\n", catalog.errors.size(),
                       catalog.errors.size() == 1 ? "" : "s");
            return static_cast<int>(exit_usage);
        }
        std::size_t steps = 0, checks = 0;
        for (const auto& j : catalog.journeys) {
            steps += j.steps.size();
            for (const auto& s : j.steps) {
                checks += s.checks.size();
            }
        }
        fmt::print("{} journeys, {} steps, {} checks: no problems\n", catalog.journeys.size(),
                   steps, checks);
        return static_cast<int>(exit_pass);
    };
}

} // namespace logintest::cli
