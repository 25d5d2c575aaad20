// `logintest validate FILE...`: loads scenario files and prints `file:line: message` for
// every problem; exit 3 when there is any, 0 otherwise. Never touches the network.
// `--allow-data-outside DIR` lets scenarios name data files in DIR as well as in their own
// tree; `--limit NAME=N` raises one of the loader's limits (docs/scenario-format.md, Limits).
#include "cli/catalog.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/scenario_options.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <memory>

namespace logintest::cli {

std::function<int()> add_validate_command(CLI::App& app) {
    auto paths = std::make_shared<std::vector<std::string>>();
    auto flags = std::make_shared<ScenarioFlags>();
    auto* cmd = app.add_subcommand("validate", "Check scenario files without running them");
    cmd->add_option("scenarios", *paths, "Scenario files or folders (default: the catalog)");
    add_scenario_options(*cmd, *flags);
    return [paths, flags] {
        auto options = to_load_options(*flags);
        if (!options) {
            fmt::print(stderr, "{}\n", options.problem().text());
            return static_cast<int>(exit_usage);
        }
        const auto catalog = load_catalog(
            paths->empty() ? std::vector<std::string>{default_catalog_dir()} : *paths, *options);
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
