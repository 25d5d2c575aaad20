// `logintest check [SCENARIO...]`: loads the scenarios (every problem reported, exit 3,
// before any network use), starts the embedded mock unless a target is given (--target FILE,
// or --asurso-url/--esia-url), runs each journey once (against a mock: after POST
// /mock/reset on both hosts), prints the trace, writes JUnit/JSON, and exits 0/1/3/4
// (docs/exit-codes.md). Ctrl-C or SIGTERM stops after the journey in flight and judges the
// journeys run; during the set-up it ends the command with exit 4.
#include "cli/catalog.hpp"
#include "cli/commands.hpp"
#include "cli/embedded_mock.hpp"
#include "cli/exit_codes.hpp"
#include "cli/mock_config_file.hpp"
#include "cli/output_file.hpp"
#include "cli/run_outcome.hpp"
#include "cli/scenario_options.hpp"
#include "cli/stop_signals.hpp"
#include "cli/target_file.hpp"
#include "cli/target_setup.hpp"

#include "harness/engine/accounts.hpp"
#include "harness/engine/catalog_runner.hpp"
#include "harness/load/catalog_leaser.hpp"
#include "reports/console_report.hpp"
#include "reports/json_report.hpp"
#include "reports/junit_report.hpp"
#include "reports/tally.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <optional>
#include <unistd.h>

namespace logintest::cli {
namespace {

struct CheckOptions {
    std::vector<std::string> scenarios;
    std::optional<std::uint64_t> seed; // of the <choose> picks; unset = random
    std::string junit_file;
    std::string json_file;
    TargetOptions target;
    bool verbose = false;
    std::string color = "auto";
    bool mock_log = false;
    std::vector<std::string> mock_defects;
    std::string mock_config_file;
    std::string target_file;
    std::string mock_secrets_file; // the one output that holds secrets (embedded_mock.hpp)
    ScenarioFlags scenario_flags;  // --allow-data-outside, --limit
};

int report_load_errors(const std::vector<harness::scenario::LoadError>& errors) {
    for (const auto& e : errors) {
        fmt::print(stderr, "{}\n", harness::scenario::format_error(e));
    }
    fmt::print(stderr, "{} problem{} found; nothing was run\n", errors.size(),
               errors.size() == 1 ? "" : "s");
    return exit_usage;
}

// Every <account> of every journey must exist in the fixture: a usage error otherwise.
std::vector<harness::scenario::LoadError>
check_accounts(const std::vector<harness::model::Journey>& journeys,
               const harness::engine::Accounts& accounts) {
    std::vector<harness::scenario::LoadError> errors;
    for (const auto& j : journeys) {
        for (const auto& use : j.accounts) {
            if (!use.kind.empty()) {
                for (const auto& ref : use.kind_accounts) {
                    if (!accounts.find(ref.login, ref.scid)) {
                        errors.push_back(
                            {use.where,
                             fmt::format("account kind '{}': the fixture has no account with "
                                         "login '{}' in school {}",
                                         use.kind, ref.login, ref.scid)});
                    }
                }
                continue;
            }
            if (!use.pool.empty()) {
                continue; // MOCK-FIX-5 pool accounts are generated, not in the fixture
            }
            if (!accounts.find(use.login, use.scid)) {
                errors.push_back(
                    {use.where,
                     fmt::format("the fixture has no single account with login '{}'{}", use.login,
                                 use.scid ? fmt::format(" in school {}", *use.scid) : "")});
            }
        }
    }
    return errors;
}

// --target FILE: its settings become the options (command-line --resolve entries add to its
// list; --ca-file, --fixture and --insecure given on the command line win). Problems are
// printed; false on any.
bool apply_target_file(CheckOptions& options, bool& mock_target) {
    std::vector<std::string> errors;
    if (!options.target.asurso_url.empty() || !options.target.esia_url.empty()) {
        errors.push_back("--target and --asurso-url/--esia-url exclude each other: the target "
                         "file names both URLs");
    }
    if (!options.mock_defects.empty() || !options.mock_config_file.empty() || options.mock_log) {
        errors.push_back("--mock-defect, --mock-config and --mock-log apply to the embedded mock "
                         "only (leave out --target)");
    }
    const TargetFileLoad load = load_target_file(options.target_file);
    errors.insert(errors.end(), load.errors.begin(), load.errors.end());
    for (const auto& e : errors) {
        fmt::print(stderr, "{}\n", e);
    }
    if (!errors.empty()) {
        return false;
    }
    const TargetFile& t = load.target;
    TargetOptions& target = options.target;
    target.asurso_url = t.asurso;
    target.esia_url = t.esia;
    target.resolve.insert(target.resolve.begin(), t.resolve.begin(), t.resolve.end());
    if (target.ca_file.empty()) {
        target.ca_file = t.ca_file;
    }
    if (target.fixture_file.empty()) {
        target.fixture_file = t.fixture;
    }
    target.insecure = target.insecure || t.insecure;
    mock_target = t.mock;
    return true;
}

int print_error(const std::string& error, int code = exit_usage) {
    fmt::print(stderr, "{}\n", error);
    return code;
}

// The embedded mock's configuration (--mock-config, --mock-defect): problems are usage
// errors, found before anything runs.
bool load_mock_config(const CheckOptions& options, bool embedded, MockConfigLoad& mock_config) {
    mock_config = load_mock_config_file(options.mock_config_file);
    add_mock_defects(mock_config, options.mock_defects, "--mock-defect");
    if (!embedded && (!options.mock_defects.empty() || !options.mock_config_file.empty())) {
        mock_config.errors.push_back("--mock-defect and --mock-config apply to the embedded mock "
                                     "only (leave out --asurso-url / --esia-url)");
    }
    for (const auto& e : mock_config.errors) {
        fmt::print(stderr, "{}\n", e);
    }
    return mock_config.errors.empty();
}

// The fixture (shared by the tester and the embedded mock: --fixture, else the mock
// configuration's fixture.path, else the built-in one) with every account the journeys name,
// the client options, and the target: a given deployment, or the embedded mock on free
// loopback ports.
int prepare_target(const CheckOptions& options, const Catalog& catalog,
                   const MockConfigLoad& mock_config, TargetSetup& target) {
    if (auto error = target.read_fixture(mock_config.config.fixture.path); !error.empty()) {
        return print_error(error);
    }
    if (auto errors = check_accounts(catalog.journeys, target.accounts()); !errors.empty()) {
        return report_load_errors(errors);
    }
    if (auto error = target.make_client_options(); !error.empty()) {
        return print_error(error);
    }
    if (auto error = target.check_urls(); !error.empty()) {
        return print_error(error);
    }
    mocks::MockStackOptions mock_options;
    mock_options.log_requests = options.mock_log;
    mock_options.config = mock_config.config; // free ports unless hosts.*.listen is set
    if (auto error = target.start(std::move(mock_options)); !error.empty()) {
        return print_error(error, exit_infrastructure);
    }
    if (auto error = target.connect(); !error.empty()) {
        return print_error(error);
    }
    return exit_pass;
}

// The catalog's leaser, which refuses every journey once a stop was requested (Ctrl-C,
// SIGTERM): the run then ends after the journey in flight, and the journeys refused so are
// left out of the result (not run, not judged). Stop requests come from the signal thread.
class InterruptibleLeaser final : public harness::engine::AccountLeaser {
public:
    explicit InterruptibleLeaser(harness::engine::AccountLeaser& leaser) : leaser_(leaser) {}

    void request_stop(const std::string& reason) {
        std::lock_guard lock(mutex_);
        if (reason_.empty()) {
            reason_ = reason;
        }
    }
    bool acquire(std::size_t journey, std::vector<const harness::engine::Account*>& accounts,
                 std::string& missing) override {
        if (!refusing_) {
            std::lock_guard lock(mutex_);
            refusing_ = !reason_.empty();
        }
        if (refusing_) {
            missing = "interrupted";
            return false;
        }
        return leaser_.acquire(journey, accounts, missing);
    }
    void release(std::size_t journey) override { leaser_.release(journey); }

    // On the run's thread: whether journeys are being refused.
    bool refusing() const { return refusing_; }
    std::string reason() const {
        std::lock_guard lock(mutex_);
        return reason_;
    }

private:
    harness::engine::AccountLeaser& leaser_;
    mutable std::mutex mutex_;
    std::string reason_;
    bool refusing_ = false;
};

// The reports and the exit code (cli/exit_codes.hpp decides it).
int report(const CheckOptions& options, const harness::model::RunResult& run,
           const reports::ConsoleOptions& console, const std::string& interrupted) {
    reports::print_summary(stdout, run, console);
    RunOutcome outcome = outcome_of(run);
    outcome.interrupted = !interrupted.empty();
    if (outcome.interrupted) {
        fmt::print("{}: {} journey{} run, the result is partial\n", interrupted,
                   run.journeys.size(), run.journeys.size() == 1 ? "" : "s");
    }
    std::fflush(stdout);
    const std::pair<const std::string*, std::string (*)(const harness::model::RunResult&)> files[] =
        {{&options.junit_file, &reports::to_junit}, {&options.json_file, &reports::to_json}};
    for (const auto& [file, render] : files) {
        if (file->empty()) {
            continue;
        }
        if (auto error = write_output_file(*file, render(run)); !error.empty()) {
            fmt::print(stderr, "{}\n", error);
            outcome.tool_failed = true;
        }
    }
    if (const reports::Tally t = reports::tally(run); t.transport_errors > 0) {
        fmt::print(stderr, "{} step{} got no answer from the target\n", t.transport_errors,
                   t.transport_errors == 1 ? "" : "s");
    }
    const ExitDecision decision = decide_exit(outcome);
    if (decision.code != exit_pass) {
        fmt::print(stderr, "exit {}: {}\n", static_cast<int>(decision.code), decision.reason);
    }
    return decision.code;
}

// Runs the journeys, printing each as it ends; Ctrl-C or SIGTERM stops after the journey in
// flight, a second one abandons it (exit 4 at once, nothing written).
harness::model::RunResult run_journeys(const Catalog& catalog,
                                       const harness::engine::RunContext& context,
                                       harness::engine::AccountLeaser& leaser,
                                       const reports::ConsoleOptions& console, StopSignals& signals,
                                       std::string& interrupted) {
    InterruptibleLeaser interruptible(leaser);
    signals.forward_to([&interruptible](const std::string& reason) {
        if (!interruptible.reason().empty()) {
            fmt::print(stderr, "\n{} again: the journey in flight is abandoned\n", reason);
            std::_Exit(exit_infrastructure);
        }
        fmt::print(stderr, "\n{}: stopping after the journey in flight (again to abandon it)\n",
                   reason);
        interruptible.request_stop(reason);
    });
    std::size_t ran = 0; // journeys that ran before the stop
    auto run = harness::engine::run_catalog(
        catalog.journeys, context,
        [&console, &interruptible, &ran](const harness::model::JourneyResult& journey) {
            if (!interruptible.refusing()) {
                ++ran;
                reports::print_journey(stdout, journey, console);
                std::fflush(stdout);
            }
        },
        &interruptible);
    signals.finish();
    if (interruptible.refusing()) {
        run.journeys.resize(ran);
        interrupted = interruptible.reason();
    }
    return run;
}

int run_check(CheckOptions options) {
    // Ctrl-C and SIGTERM are held from here on, in every thread started after this one: during
    // the set-up one ends the command (exit 4), during the run it stops the run.
    StopSignals signals;
    MockSecretsFile secrets_file(options.mock_secrets_file); // written when run_check returns
    // 0. A target file stands for --asurso-url/--esia-url and the TLS and fixture options.
    bool mock_target = false;
    if (!options.target_file.empty() && !apply_target_file(options, mock_target)) {
        return exit_usage;
    }
    // 1. Scenarios, mock configuration, fixture: all problems first, no network.
    const auto load_options = to_load_options(options.scenario_flags);
    if (!load_options) {
        fmt::print(stderr, "{}\n", load_options.problem().text());
        return exit_usage;
    }
    auto catalog =
        load_catalog(options.scenarios.empty() ? std::vector<std::string>{default_catalog_dir()}
                                               : options.scenarios,
                     *load_options);
    if (!catalog.errors.empty()) {
        return report_load_errors(catalog.errors);
    }
    TargetSetup target(options.target);
    MockConfigLoad mock_config;
    if (!load_mock_config(options, target.embedded(), mock_config)) {
        return exit_usage;
    }
    const std::string target_name =
        !options.target_file.empty()
            ? "target " + options.target_file
            : "target " + target.asurso_base() + " + " + target.esia_base();
    // 2. The target.
    if (const int code = prepare_target(options, catalog, mock_config, target); code != exit_pass) {
        return code;
    }
    // Every journey run leases its accounts (kinds, pools, logins) through the lease API of
    // harness/engine/account_leases.hpp and returns them after it.
    auto leaser = harness::load::CatalogLeaser::create(
        catalog.journeys, target.accounts(), mock_config.config.fixture.load_pool_size,
        mock_config.config.fixture.load_pool_unbound);
    if (!leaser.leaser) {
        return print_error(leaser.error);
    }
    if (auto reason = signals.pending(); !reason.empty()) {
        fmt::print(stderr, "{} during the set-up: no journey ran\n", reason);
        const ExitDecision decision = decide_exit(RunOutcome{.interrupted = true});
        fmt::print(stderr, "exit {}: {}\n", static_cast<int>(decision.code), decision.reason);
        return decision.code;
    }
    // 3. Run, printing each journey as it ends.
    reports::ConsoleOptions console;
    console.verbose = options.verbose;
    console.color = options.color == "always" || (options.color == "auto" && isatty(1));
    fmt::print("logintest {}: {} journeys against {} (asurso {}, esia {})\n\n", LOGINTEST_VERSION,
               catalog.journeys.size(), target.embedded() ? "embedded mock" : target_name,
               target.asurso_base(), target.esia_base());
    std::fflush(stdout);
    // Against a mock, mock-only steps and checks run and both hosts are reset before each
    // journey; against a deployment they are SKIP ("needs the mock").
    harness::engine::RunContext context = target.run_context(mock_target || target.embedded());
    context.seed = options.seed;
    std::string interrupted;
    auto run = run_journeys(catalog, context, *leaser.leaser, console, signals, interrupted);
    run.tool_version = LOGINTEST_VERSION;
    run.target = target.embedded() ? "embedded mock" : target_name;
    run.interrupted = !interrupted.empty();
    target.stop_mock();
    // 4. Reports and the exit code.
    return report(options, run, console, interrupted);
}

} // namespace

std::function<int()> add_check_command(CLI::App& app) {
    auto options = std::make_shared<CheckOptions>();
    auto* cmd = app.add_subcommand(
        "check", "Run each login journey once and check every step against the spec");
    cmd->add_option("scenarios", options->scenarios,
                    "Scenario files or folders (default: the shipped catalog)");
    cmd->add_option("--junit", options->junit_file, "Write JUnit XML (one testcase per step)");
    cmd->add_option("--json", options->json_file, "Write the full result as JSON (schema 1)");
    cmd->add_option("--asurso-url", options->target.asurso_url,
                    "Base URL of a running asurso (default: start the embedded mock)");
    cmd->add_option("--esia-url", options->target.esia_url, "Base URL of a running esia");
    cmd->add_option("--resolve", options->target.resolve,
                    "host:port:address, like curl (repeatable)");
    cmd->add_option("--ca-file", options->target.ca_file, "Extra CA certificate (PEM) to trust");
    cmd->add_flag("--insecure", options->target.insecure, "Do not verify TLS certificates");
    cmd->add_option("--seed", options->seed,
                    "Seed of the <choose> picks (default: a random seed per journey run)");
    cmd->add_option("--fixture", options->target.fixture_file,
                    "Fixture JSON for the tester and the embedded mock (default: built in)");
    cmd->add_option("--connect-timeout-ms", options->target.connect_timeout_ms, "Connect timeout")
        ->check(CLI::PositiveNumber);
    cmd->add_option("--request-timeout-ms", options->target.request_timeout_ms, "Request timeout")
        ->check(CLI::PositiveNumber);
    cmd->add_flag("-v,--verbose", options->verbose, "List passing checks too");
    cmd->add_option("--color", options->color, "auto, always or never")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    cmd->add_flag("--mock-log", options->mock_log,
                  "Print one line per request the embedded mock serves");
    cmd->add_option("--mock-defect", options->mock_defects,
                    "Start the embedded mock with this defect (repeatable; logintest mock "
                    "--list-defects lists them)");
    cmd->add_option("--mock-config", options->mock_config_file,
                    "Configuration JSON (spec §23) for the embedded mock");
    add_scenario_options(*cmd, options->scenario_flags);
    cmd->add_option("--mock-secrets-file", options->mock_secrets_file,
                    "Write every secret the embedded mock issued to this file, in clear (audits)");
    cmd->add_option("--target", options->target_file,
                    "Target file (JSON: asurso, esia, resolve, ca_file, insecure, fixture, mock; "
                    "docs/target.md) instead of the embedded mock");
    return [options] { return run_check(*options); };
}

} // namespace logintest::cli
