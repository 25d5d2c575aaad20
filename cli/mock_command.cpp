// `logintest mock`: serves the asurso and esia mocks until Ctrl-C (or SIGTERM), printing
// where they listen and the --resolve entries a client needs.
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/fixture_text.hpp"

#include "mocks/mock_stack.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <csignal>
#include <memory>

namespace logintest::cli {
namespace {

struct MockOptions {
    std::string asurso_address = "127.0.0.1";
    std::uint16_t asurso_port = 8080;
    std::string esia_address = "127.0.0.2";
    std::uint16_t esia_port = 8080;
    std::string fixture_file;
    int threads = 1;
    bool log = false;
};

int run_mock(const MockOptions& options) {
    const FixtureText fixture = read_fixture(options.fixture_file);
    if (!fixture.error.empty()) {
        fmt::print(stderr, "{}\n", fixture.error);
        return exit_usage;
    }
    mocks::MockStackOptions mock_options;
    mock_options.asurso_address = options.asurso_address;
    mock_options.asurso_port = options.asurso_port;
    mock_options.esia_address = options.esia_address;
    mock_options.esia_port = options.esia_port;
    mock_options.fixture_json = options.fixture_file.empty() ? "" : fixture.text;
    mock_options.threads = options.threads;
    mock_options.log_requests = options.log;

    // Block the stop signals before any thread starts, so only sigwait() below sees them.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    auto started = mocks::MockStack::start(mock_options);
    if (!started.stack) {
        fmt::print(stderr, "cannot start the mock: {}\n", started.error);
        return exit_infrastructure;
    }
    auto& stack = *started.stack;
    fmt::print("asurso  {}:{}  public {}\n", stack.asurso_address(), stack.asurso_port(),
               stack.asurso_base_url());
    fmt::print("esia    {}:{}  public {}\n", stack.esia_address(), stack.esia_port(),
               stack.esia_base_url());
    fmt::print("clients: --resolve asurso.ru:{0}:{1} --resolve center.asurso.ru:{0}:{1} "
               "--resolve esia.gosuslugi.ru:{2}:{3}\n",
               stack.asurso_port(), stack.asurso_address(), stack.esia_port(),
               stack.esia_address());
    fmt::print("fixture: {}; Ctrl-C stops\n", fixture.source);
    std::fflush(stdout);

    int signal = 0;
    sigwait(&stop_signals, &signal);
    fmt::print("stopping ({})\n", signal == SIGINT ? "SIGINT" : "SIGTERM");
    stack.stop();
    return exit_pass;
}

} // namespace

std::function<int()> add_mock_command(CLI::App& app) {
    auto options = std::make_shared<MockOptions>();
    auto* cmd = app.add_subcommand("mock", "Serve the asurso and esia mocks until stopped");
    cmd->add_option("--asurso-address", options->asurso_address, "asurso listen address");
    cmd->add_option("--asurso-port", options->asurso_port, "asurso port (0 = any free port)");
    cmd->add_option("--esia-address", options->esia_address, "esia listen address");
    cmd->add_option("--esia-port", options->esia_port, "esia port (0 = any free port)");
    cmd->add_option("--fixture", options->fixture_file, "Fixture JSON (default: built in)");
    cmd->add_option("--threads", options->threads, "Threads per host")->check(CLI::Range(1, 64));
    cmd->add_flag("--log", options->log, "One line per request on stderr");
    return [options] { return run_mock(*options); };
}

} // namespace logintest::cli
