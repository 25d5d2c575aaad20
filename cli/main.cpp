// Entry point of `logintest`: parses the command line with CLI11 and runs the chosen
// subcommand. The only place that catches exceptions (start-up errors and our own bugs).
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <exception>
#include <map>

namespace {

// Everything main() does; main() catches what escapes (a bug of ours or a start-up failure).
int run(int argc, char** argv) {
    using namespace logintest::cli;
    CLI::App app{"logintest: login conformance and load tester for ASU RSO and ESIA"};
    app.set_version_flag("--version", std::string("logintest ") + LOGINTEST_VERSION);
    app.require_subcommand(1);
    const std::map<std::string, std::function<int()>> commands = {
        {"check", add_check_command(app)},
        {"validate", add_validate_command(app)},
        {"mock", add_mock_command(app)},
        {"load", add_load_command(app)},
    };
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? exit_pass : exit_usage;
    }
    for (const auto* sub : app.get_subcommands()) {
        return commands.at(sub->get_name())();
    }
    return exit_usage;
}

} // namespace

int main(int argc, char** argv) {
    using logintest::cli::exit_infrastructure;
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        fmt::print(stderr, "logintest: internal error: {}\n", e.what());
        return exit_infrastructure;
    } catch (...) {
        fmt::print(stderr, "logintest: internal error: unknown exception\n");
        return exit_infrastructure;
    }
}
