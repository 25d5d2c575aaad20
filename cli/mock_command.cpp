// `logintest mock`: serves the asurso and esia mocks until Ctrl-C (or SIGTERM), configured by
// a §23 file (--config) and options (--tls, --defect, --fault, ...), printing where they
// listen, their public base URLs and the --resolve entries a client needs. --list-defects
// prints the defect catalogue and exits. A bad file or option is reported (key, expectation)
// with exit 3 before anything is served; a port that cannot be bound is exit 4.
#include "cli/commands.hpp"
#include "cli/embedded_mock.hpp"
#include "cli/exit_codes.hpp"
#include "cli/fixture_text.hpp"
#include "cli/mock_config_file.hpp"

#include "mocks/common/defects.hpp"
#include "mocks/common/fixture.hpp"
#include "mocks/mock_stack.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <csignal>
#include <memory>
#include <optional>

namespace logintest::cli {
namespace {

struct MockOptions {
    std::string config_file;
    std::string asurso_address = "127.0.0.1";
    std::uint16_t asurso_port = 8080;
    std::string esia_address = "127.0.0.2";
    std::uint16_t esia_port = 8080;
    std::string fixture_file;
    bool tls = false;
    std::string ca_file;
    std::vector<std::string> defects;
    std::vector<std::string> faults;
    int threads = 1;
    std::optional<std::size_t> max_connections; // limits.max_connections
    std::optional<double> idle_timeout_s;       // limits.idle_timeout_s
    bool log = false;
    bool list_defects = false;
    std::string secrets_file; // the one output holding secrets (cli/embedded_mock.hpp)
    // Which listen options were given (they override `hosts.*.listen`).
    CLI::Option* asurso_address_option = nullptr;
    CLI::Option* asurso_port_option = nullptr;
    CLI::Option* esia_address_option = nullptr;
    CLI::Option* esia_port_option = nullptr;
};

int list_defects() {
    for (const auto& d : mocks::common::defect_catalogue()) {
        fmt::print("{:<34} {:<7} {:<14} caught by {}\n", d.name, mocks::common::host_name(d.host),
                   d.clause, d.caught_by);
    }
    return exit_pass;
}

// MOCK-HOST-1: command line over `hosts.*.listen` over the defaults (8080, 8443 with TLS).
mocks::ListenAddress listen_address(const std::optional<mocks::ListenAddress>& configured,
                                    std::string default_address, std::uint16_t default_port,
                                    const CLI::Option* address_option, const std::string& address,
                                    const CLI::Option* port_option, std::uint16_t port) {
    mocks::ListenAddress result =
        configured.value_or(mocks::ListenAddress{std::move(default_address), default_port});
    if (address_option != nullptr && address_option->count() > 0) {
        result.address = address;
    }
    if (port_option != nullptr && port_option->count() > 0) {
        result.port = port;
    }
    return result;
}

int usage_errors(const std::vector<std::string>& errors) {
    for (const auto& e : errors) {
        fmt::print(stderr, "{}\n", e);
    }
    fmt::print(stderr, "{} problem{} in the mock configuration; nothing was started\n",
               errors.size(), errors.size() == 1 ? "" : "s");
    return exit_usage;
}

// Where the mocks listen, their public URLs, the --resolve entries a client needs, TLS, the
// defects and faults switched on, the fixture.
void print_listening(const mocks::MockStack& stack, const mocks::MockConfig& config,
                     const std::string& fixture_source) {
    fmt::print("asurso  {}:{}  public {}\n", stack.asurso_address(), stack.asurso_port(),
               stack.asurso_base_url());
    fmt::print("esia    {}:{}  public {}\n", stack.esia_address(), stack.esia_port(),
               stack.esia_base_url());
    fmt::print("clients: --resolve asurso.ru:{0}:{1} --resolve center.asurso.ru:{0}:{1} "
               "--resolve esia.gosuslugi.ru:{2}:{3}\n",
               stack.asurso_port(), stack.asurso_address(), stack.esia_port(),
               stack.esia_address());
    if (stack.tls()) {
        fmt::print("tls: CA certificate in {} (also GET /mock/ca.pem); e.g.\n"
                   "  curl --cacert {} --resolve asurso.ru:{}:{} {}/mock/health\n",
                   stack.ca_file().empty() ? "(not written)" : stack.ca_file(),
                   stack.ca_file().empty() ? "mock-ca.pem" : stack.ca_file(), stack.asurso_port(),
                   stack.asurso_address(), stack.asurso_base_url());
    }
    if (!config.defects.empty()) {
        fmt::print("defects: {}\n", fmt::join(config.defects, ", "));
    }
    if (!config.faults.rules.empty()) {
        fmt::print("faults: {} rule{} on each host (GET /mock/faults)\n",
                   config.faults.rules.size(), config.faults.rules.size() == 1 ? "" : "s");
    }
    fmt::print("fixture: {}; Ctrl-C stops\n", fixture_source);
    std::fflush(stdout);
}

int run_mock(const MockOptions& options) {
    if (options.list_defects) {
        return list_defects();
    }
    // Block the stop signals before anything else (no thread runs yet), so only sigwait()
    // below sees them: one that comes while the mock is set up stops it as soon as it runs.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    // 1. The configuration: file, then options; every problem before anything starts.
    MockConfigLoad load = load_mock_config_file(options.config_file);
    add_mock_defects(load, options.defects);
    add_mock_faults(load, options.faults);
    auto& config = load.config;
    if (options.tls) {
        config.tls.enabled = true;
    }
    if (!options.ca_file.empty()) {
        config.tls.ca_file = options.ca_file;
    }
    config.limits.max_connections = options.max_connections.value_or(config.limits.max_connections);
    config.limits.idle_timeout_s = options.idle_timeout_s.value_or(config.limits.idle_timeout_s);
    const std::string fixture_path =
        options.fixture_file.empty() ? config.fixture.path : options.fixture_file;
    const FixtureText fixture = read_fixture(fixture_path);
    if (!fixture.error.empty()) {
        load.errors.push_back((options.fixture_file.empty() ? "fixture.path: " : "--fixture: ") +
                              fixture.error);
    } else if (auto parsed = mocks::common::parse_fixture(fixture.text); !parsed.fixture) {
        load.errors.push_back(fixture.source + ": " + parsed.error);
    }
    if (!load.errors.empty()) {
        return usage_errors(load.errors);
    }
    const std::uint16_t default_port = config.tls.enabled ? 8443 : 8080;
    config.hosts.asurso.listen = listen_address(
        config.hosts.asurso.listen, "127.0.0.1", default_port, options.asurso_address_option,
        options.asurso_address, options.asurso_port_option, options.asurso_port);
    config.hosts.esia.listen = listen_address(config.hosts.esia.listen, "127.0.0.2", default_port,
                                              options.esia_address_option, options.esia_address,
                                              options.esia_port_option, options.esia_port);

    mocks::MockStackOptions mock_options;
    mock_options.fixture_json = fixture_path.empty() ? "" : fixture.text;
    mock_options.threads = options.threads;
    mock_options.log_requests = options.log;
    mock_options.config = config;

    auto started = mocks::MockStack::start(mock_options);
    if (!started.stack) {
        fmt::print(stderr, "cannot start the mock: {}\n", started.error);
        return exit_infrastructure;
    }
    print_listening(*started.stack, config, fixture.source);

    int signal = 0;
    sigwait(&stop_signals, &signal);
    fmt::print("stopping ({})\n", signal == SIGINT ? "SIGINT" : "SIGTERM");
    started.stack->stop();
    return exit_pass;
}

} // namespace

std::function<int()> add_mock_command(CLI::App& app) {
    auto options = std::make_shared<MockOptions>();
    auto* cmd = app.add_subcommand("mock", "Serve the asurso and esia mocks until stopped");
    cmd->add_option("--config", options->config_file,
                    "Mock configuration JSON (spec §23; docs/mock.md lists every key)");
    options->asurso_address_option = cmd->add_option("--asurso-address", options->asurso_address,
                                                     "asurso listen address (127.0.0.1)");
    options->asurso_port_option =
        cmd->add_option("--asurso-port", options->asurso_port,
                        "asurso port (8080, 8443 with TLS; 0 = any free port)");
    options->esia_address_option =
        cmd->add_option("--esia-address", options->esia_address, "esia listen address (127.0.0.2)");
    options->esia_port_option = cmd->add_option(
        "--esia-port", options->esia_port, "esia port (8080, 8443 with TLS; 0 = any free port)");
    cmd->add_option("--fixture", options->fixture_file,
                    "Fixture JSON (default: fixture.path, else built in)");
    cmd->add_flag("--tls", options->tls, "Serve HTTPS with a fresh mock CA (tls.enabled)");
    cmd->add_option("--ca-file", options->ca_file,
                    "Where to write the CA certificate (tls.ca_file, default mock-ca.pem)");
    cmd->add_option("--defect", options->defects,
                    "Enable a defect at start (repeatable; see --list-defects)");
    cmd->add_option("--fault", options->faults,
                    "Add a fault rule at start (repeatable): a JSON rule, or "
                    "kind:method:path[:param=value,...], e.g. "
                    "latency:POST:/aas/oauth2/v3/te:latency_ms=800");
    cmd->add_option("--threads", options->threads, "Threads per host")->check(CLI::Range(1, 64));
    cmd->add_option("--max-connections", options->max_connections,
                    "Open connections per host at most (limits.max_connections, 20000)")
        ->check(CLI::Range(1, 1000000));
    cmd->add_option("--idle-timeout", options->idle_timeout_s,
                    "Seconds a connection may stay idle (limits.idle_timeout_s, 60)")
        ->check(CLI::Range(0.1, 86400.0));
    cmd->add_flag("--log", options->log,
                  "One line per request on stderr: host, method, path, status, time");
    cmd->add_option("--mock-secrets-file", options->secrets_file,
                    "On stop, write every secret the mock issued to this file, in clear (audits)");
    cmd->add_flag("--list-defects", options->list_defects,
                  "List the defects (name, host, clause violated) and exit");
    return [options] {
        MockSecretsFile record(options->secrets_file); // written when run_mock returns
        return run_mock(*options);
    };
}

} // namespace logintest::cli
