// The subcommands of `logintest`: each registers its options on the CLI11 app and runs
// when chosen. Only main() catches exceptions; commands return an ExitCode.
#pragma once

#include <functional>

// NOLINTNEXTLINE(readability-identifier-naming): CLI11's own namespace, forward-declared here.
namespace CLI {
class App;
}

namespace logintest::cli {

// Registers the subcommand; the returned function runs it after parsing.
std::function<int()> add_check_command(CLI::App& app);
std::function<int()> add_validate_command(CLI::App& app);
std::function<int()> add_mock_command(CLI::App& app);
std::function<int()> add_load_command(CLI::App& app);

} // namespace logintest::cli
