// `logintest load [SCENARIO[:WEIGHT]...]`: many concurrent journeys against the embedded mock
// (default) or a target. Closed model with --vus, open model with --rate or --stages (the
// default is a short ramp of the standard mix). Everything is checked before the network is
// used (bad options, scenarios, mixes, thresholds: exit 3); load goes only to loopback unless
// --allow-target names the host. While it runs: a live progress line on a terminal, plain
// lines otherwise; Ctrl-C stops starting journeys and writes the partial result marked
// "interrupted" (a second Ctrl-C abandons the journeys in flight). Then the summary table,
// the JSON result, and the exit code of docs/exit-codes.md (cli/exit_codes.hpp decides it:
// 4 nothing measured, every journey errored or our failure; 1 a failed check or an error
// not tolerated by a run-wide threshold; 2 a threshold breached). Ctrl-C during the set-up
// is exit 4.
#include "cli/catalog.hpp"
#include "cli/commands.hpp"
#include "cli/embedded_mock.hpp"
#include "cli/exit_codes.hpp"
#include "cli/load_config.hpp"
#include "cli/mock_config_file.hpp"
#include "cli/output_file.hpp"
#include "cli/run_outcome.hpp"
#include "cli/stop_signals.hpp"
#include "cli/target_setup.hpp"

#include "harness/engine/account_leases.hpp"
#include "harness/load/fd_limit.hpp"
#include "harness/load/load_engine.hpp"
#include "harness/load/load_policy.hpp"
#include "harness/load/target_guard.hpp"
#include "harness/load/threshold.hpp"
#include "reports/load_console.hpp"
#include "reports/load_json.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <memory>

#include <unistd.h>

namespace logintest::cli {
namespace {

using harness::model::LoadConfig;

int usage_error(const std::string& message) {
    fmt::print(stderr, "logintest load: {}\n", message);
    return exit_usage;
}

int print_errors(const std::vector<std::string>& errors) {
    for (const auto& e : errors) {
        fmt::print(stderr, "{}\n", e);
    }
    return exit_usage;
}

// What the run needs that is checked before the network: the mix's journeys and thresholds.
struct LoadPlan {
    std::vector<harness::model::Journey> loaded;
    std::vector<const harness::model::Journey*> journeys; // into `loaded`, in mix order
    std::vector<harness::load::Threshold> thresholds;
};

// Loads every journey of the mix (one scenario file each) into `plan`, adding config.mix.
bool load_journeys(const harness::load::MixParse& mix,
                   const harness::scenario::LoadOptions& options, LoadConfig& config,
                   LoadPlan& plan) {
    std::vector<harness::scenario::LoadError> errors;
    for (const auto& item : mix.items) {
        Catalog one = load_catalog({item.file}, options);
        errors.insert(errors.end(), one.errors.begin(), one.errors.end());
        if (one.journeys.size() == 1) {
            plan.loaded.push_back(std::move(one.journeys.front()));
            config.mix.push_back({plan.loaded.back().name, item.file, item.weight});
        } else if (one.errors.empty()) {
            errors.push_back({{item.file, 0}, "a mix entry must be one scenario file"});
        }
    }
    if (!errors.empty()) {
        for (const auto& e : errors) {
            fmt::print(stderr, "{}\n", harness::scenario::format_error(e));
        }
        fmt::print(stderr, "{} problem{} found; nothing was run\n", errors.size(),
                   errors.size() == 1 ? "" : "s");
        return false;
    }
    plan.journeys.reserve(plan.journeys.size() + plan.loaded.size());
    for (const auto& j : plan.loaded) {
        plan.journeys.push_back(&j);
    }
    return true;
}

// Parses every --threshold against the mix's names; the problems, if any.
std::vector<std::string> parse_thresholds(const LoadOptions& o, LoadPlan& plan) {
    std::vector<std::string> errors;
    for (const auto& text : o.thresholds) {
        auto parsed = harness::load::parse_threshold(text);
        if (!parsed.threshold) {
            errors.push_back("--threshold " + parsed.error);
            continue;
        }
        if (auto error = harness::load::check_threshold_names(*parsed.threshold, plan.journeys);
            !error.empty()) {
            errors.push_back("--threshold " + error);
            continue;
        }
        plan.thresholds.push_back(std::move(*parsed.threshold));
    }
    return errors;
}

// Options, mix, scenarios and thresholds: every problem before the network (exit 3).
int plan_run(const LoadOptions& o, LoadConfig& config, LoadPlan& plan) {
    if (auto error = build_config(o, config); !error.empty()) {
        return usage_error(error);
    }
    const harness::load::MixParse mix = collect_mix(o);
    if (!mix.errors.empty()) {
        return print_errors(mix.errors);
    }
    const auto load_options = to_load_options(o.scenario_flags);
    if (!load_options) {
        return usage_error(load_options.problem().text());
    }
    if (!load_journeys(mix, *load_options, config, plan)) {
        return exit_usage;
    }
    if (auto errors = parse_thresholds(o, plan); !errors.empty()) {
        return print_errors(errors);
    }
    return exit_pass;
}

// The mock configuration, the account pools (the option, else the mock configuration's, else
// 1000 bound / 0 unbound), the fixture and the leases; the client options.
int prepare_target(const LoadOptions& o, TargetSetup& target, LoadConfig& config,
                   const LoadPlan& plan, MockConfigLoad& mock_config,
                   std::unique_ptr<harness::engine::AccountLeases>& leases) {
    if (auto error = target.check_urls(); !error.empty()) {
        return usage_error(error);
    }
    mock_config = load_mock_config_file(o.mock_config_file);
    if (!target.embedded() && !o.mock_config_file.empty()) {
        mock_config.errors.push_back("--mock-config applies to the embedded mock only");
    }
    if (!mock_config.errors.empty()) {
        return print_errors(mock_config.errors);
    }
    const auto& pool = mock_config.config.fixture;
    config.pool_size =
        o.pool_size >= 0 ? o.pool_size : (pool.load_pool_size > 0 ? pool.load_pool_size : 1000);
    config.pool_unbound = o.pool_unbound >= 0 ? o.pool_unbound : pool.load_pool_unbound;
    if (config.pool_size > 99999 || config.pool_unbound > 99999) {
        return usage_error("--pool-size and --pool-unbound go up to 99999 (load%05d)");
    }
    if (auto error = target.read_fixture(pool.path); !error.empty()) {
        return usage_error(error);
    }
    auto created = harness::engine::AccountLeases::create(
        plan.journeys, target.accounts(), config.pool_size, config.pool_unbound, config.threads);
    if (!created.leases) {
        return usage_error(created.error);
    }
    leases = std::move(created.leases);
    if (auto error = target.make_client_options(); !error.empty()) {
        return usage_error(error);
    }
    return exit_pass;
}

// The embedded mock with a MOCK-FIX-5 pool matching the tester's (or the given deployment),
// allowed by the target guard, and the client context.
int start_target(const LoadOptions& o, TargetSetup& target, const LoadConfig& config,
                 const MockConfigLoad& mock_config) {
    mocks::MockStackOptions mock_options;
    mock_options.threads = o.mock_threads;
    mock_options.config = mock_config.config;
    mock_options.config.fixture.load_pool_size = config.pool_size;
    mock_options.config.fixture.load_pool_unbound = config.pool_unbound;
    if (auto error = target.start(std::move(mock_options)); !error.empty()) {
        fmt::print(stderr, "{}\n", error);
        return exit_infrastructure;
    }
    if (auto refused =
            harness::load::check_load_target({target.asurso_base(), target.esia_base()},
                                             target.client_options().resolve, o.allow_targets);
        !refused.empty()) {
        return usage_error(refused);
    }
    if (auto error = target.connect(); !error.empty()) {
        return usage_error(error);
    }
    return exit_pass;
}

// Runs the engine with the progress line on stderr and Ctrl-C forwarded to it.
harness::model::LoadRunResult run_engine(const LoadOptions& o, harness::load::EngineSetup setup,
                                         StopSignals& signals) {
    const bool tty = isatty(2) != 0;
    const bool live = o.progress == "line" || (o.progress == "auto" && tty);
    const bool plain = o.progress == "plain" || (o.progress == "auto" && !tty);
    harness::load::LoadEngine engine(std::move(setup));
    signals.forward_to([&engine](const std::string& reason) { engine.request_stop(reason); });
    double last_plain = 0;
    auto result = engine.run([&](const harness::model::LoadProgress& p) {
        const std::string line = reports::format_progress(p);
        if (live) {
            fmt::print(stderr, "\r\033[K{}", line);
            std::fflush(stderr);
        } else if (plain && p.elapsed_s - last_plain >= o.progress_interval_s - 0.5) {
            last_plain = p.elapsed_s;
            fmt::print(stderr, "{}\n", line);
        }
    });
    signals.finish();
    if (live) {
        fmt::print(stderr, "\n");
    }
    return result;
}

// The summary, the JSON result and the exit code (cli/exit_codes.hpp decides it).
int report(const LoadOptions& o, const harness::model::LoadRunResult& result,
           const std::vector<harness::load::Threshold>& thresholds) {
    reports::LoadConsoleOptions console;
    console.color = o.color == "always" || (o.color == "auto" && isatty(1));
    console.verbose = o.verbose;
    reports::print_load_summary(stdout, result, console);
    std::fflush(stdout);
    RunOutcome outcome = outcome_of(result, thresholds);
    if (!o.json_file.empty()) {
        if (auto error = write_output_file(o.json_file, reports::to_json(result)); !error.empty()) {
            fmt::print(stderr, "{}\n", error);
            outcome.tool_failed = true;
        }
    }
    if (result.interrupted) {
        fmt::print(stderr, "interrupted: the result is partial{}\n",
                   o.json_file.empty() ? "" : " (marked \"interrupted\" in " + o.json_file + ")");
    }
    const ExitDecision decision = decide_exit(outcome);
    if (decision.code != exit_pass) {
        fmt::print(stderr, "exit {}: {}\n", static_cast<int>(decision.code), decision.reason);
    }
    return decision.code;
}

// A stop signal that arrived during the set-up ends the command: no journey ran (exit 4).
int interrupted_in_setup(const std::string& reason) {
    fmt::print(stderr, "{} during the set-up: no journey ran\n", reason);
    const ExitDecision decision = decide_exit(RunOutcome{.interrupted = true});
    fmt::print(stderr, "exit {}: {}\n", static_cast<int>(decision.code), decision.reason);
    return decision.code;
}

int run_load(const LoadOptions& o) {
    // 0. Ctrl-C and SIGTERM are held from here on, in every thread started after this one: one
    // that comes during the set-up ends it (exit 4), one during the run stops the run.
    StopSignals signals;
    // 1. Everything that can be wrong with the options, scenarios and target, before the network.
    LoadConfig config;
    LoadPlan plan;
    if (const int code = plan_run(o, config, plan); code != exit_pass) {
        return code;
    }
    TargetSetup target(o.target);
    MockConfigLoad mock_config;
    std::unique_ptr<harness::engine::AccountLeases> leases;
    if (const int code = prepare_target(o, target, config, plan, mock_config, leases);
        code != exit_pass) {
        return code;
    }
    // 2. The open-file limit, before any thread or socket exists.
    const harness::load::FdLimit fd = harness::load::raise_fd_limit(
        harness::load::descriptors_for_run(config, plan.journeys, target.embedded()));
    if (auto advice = harness::load::fd_limit_advice(fd); !advice.empty()) {
        fmt::print(stderr, "warning: {}\n", advice);
    }
    // 3. The target.
    if (const int code = start_target(o, target, config, mock_config); code != exit_pass) {
        return code;
    }
    if (auto reason = signals.pending(); !reason.empty()) {
        return interrupted_in_setup(reason);
    }
    // 4. Run, with progress on stderr.
    const std::string target_name =
        target.embedded() ? "embedded mock" : target.asurso_base() + " + " + target.esia_base();
    fmt::print(stderr,
               "logintest {} load: {} journey{} against {} (asurso {}, esia {}), {} "
               "thread{}; Ctrl-C stops\n",
               LOGINTEST_VERSION, plan.journeys.size(), plan.journeys.size() == 1 ? "" : "s",
               target_name, target.asurso_base(), target.esia_base(), config.threads,
               config.threads == 1 ? "" : "s");
    const harness::engine::RunContext context = target.run_context(true);
    harness::load::EngineSetup setup{config, plan.journeys, &context, leases.get()};
    auto result = run_engine(o, std::move(setup), signals);
    target.stop_mock();
    result.tool_version = LOGINTEST_VERSION;
    result.target = target_name;
    result.asurso_base = target.asurso_base();
    result.esia_base = target.esia_base();
    for (const auto& t : plan.thresholds) {
        result.thresholds.push_back(harness::load::evaluate_threshold(t, result));
    }
    // 5. Reports and the exit code.
    return report(o, result, plan.thresholds);
}

} // namespace

namespace {

void add_model_options(CLI::App* cmd, LoadOptions& o) {
    cmd->add_option("scenarios", o.scenarios,
                    "Scenario files of the mix, each FILE or FILE:WEIGHT (default: "
                    "scenarios/load/standard.mix)");
    cmd->add_option("--mix", o.mix_files, "Mix file: 'WEIGHT FILE' per line (repeatable)");
    add_scenario_options(*cmd, o.scenario_flags);
    auto* closed = cmd->add_option_group("closed model");
    closed->add_option("--vus", o.vus, "Virtual users looping journeys")
        ->check(CLI::Range(1, 1000000));
    closed->add_option("--think", o.think, "Think time after a journey: 1s, or 0.5s..2s (uniform)")
        ->capture_default_str();
    closed->add_option("--ramp-up", o.ramp_up, "Start the users evenly over this time");
    closed->add_option("--iterations", o.iterations, "Journeys to run in all, then stop");
    cmd->add_option("--duration", o.duration, "How long (closed model, or with --rate); 30s");
    auto* open = cmd->add_option_group("open model");
    open->add_option("--rate", o.rate, "Constant arrival rate, e.g. 200/s or 600/m");
    open->add_option("--stages", o.stages,
                     "Ramps and plateaus DURATION:RATE,..., each from the previous rate, or "
                     "@FILE (e.g. @scenarios/load/september_morning.stages)");
    open->add_option("--start-rate", o.start_rate, "Rate the first stage ramps from (0)");
    open->add_option("--max-vus", o.max_vus, "Most journeys in flight at once")
        ->check(CLI::Range(1, 1000000))
        ->capture_default_str();
    open->add_option("--late-after", o.late_after, "A start later than this is counted late")
        ->capture_default_str();
    open->add_option("--drop-after", o.drop_after,
                     "Drop an arrival that cannot start within this (0s = never)")
        ->capture_default_str();
}

void add_run_options(CLI::App* cmd, LoadOptions& o) {
    cmd->add_option("--threads", o.threads, "Worker threads (default: one per core)")
        ->check(CLI::Range(1, 256));
    cmd->add_option("--grace", o.grace, "Time journeys in flight get to finish at the end")
        ->capture_default_str();
    cmd->add_option("--seed", o.seed, "Seed of the journey mix draws")->capture_default_str();
    cmd->add_option("--pool-size", o.pool_size,
                    "Accounts load%05d (MOCK-FIX-5); must match the mock's "
                    "fixture.load_pool_size (default 1000)")
        ->check(CLI::Range(0, 99999));
    cmd->add_option("--pool-unbound", o.pool_unbound,
                    "Accounts bind%05d; must match fixture.load_pool_unbound (default 0)")
        ->check(CLI::Range(0, 99999));
    cmd->add_flag("--new-connections", o.new_connections,
                  "Close a user's connections after every journey (default: keep them)");
    cmd->add_option("--threshold", o.thresholds, "Gate, e.g. journey.p95<800ms (repeatable)");
    cmd->add_option("--json", o.json_file, "Write the full result as JSON");
}

void add_target_options(CLI::App* cmd, LoadOptions& o) {
    TargetOptions& t = o.target;
    cmd->add_option("--asurso-url", t.asurso_url,
                    "Base URL of a running asurso (default: start the embedded mock)");
    cmd->add_option("--esia-url", t.esia_url, "Base URL of a running esia");
    cmd->add_option("--resolve", t.resolve, "host:port:address, like curl (repeatable)");
    cmd->add_option("--allow-target", o.allow_targets,
                    "Allow load on this host although it is not on 127.0.0.0/8 (repeatable)");
    cmd->add_option("--ca-file", t.ca_file, "Extra CA certificate (PEM) to trust");
    cmd->add_flag("--insecure", t.insecure, "Do not verify TLS certificates");
    cmd->add_option("--fixture", t.fixture_file, "Fixture JSON (default: built in)");
    cmd->add_option("--mock-config", o.mock_config_file,
                    "Configuration JSON (spec §23) for the embedded mock");
    cmd->add_option("--mock-threads", o.mock_threads, "Threads per host of the embedded mock")
        ->check(CLI::Range(1, 64))
        ->capture_default_str();
    cmd->add_option("--connect-timeout-ms", t.connect_timeout_ms, "Connect timeout")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    cmd->add_option("--request-timeout-ms", t.request_timeout_ms, "Request timeout")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
}

void add_output_options(CLI::App* cmd, LoadOptions& o) {
    cmd->add_option("--progress", o.progress,
                    "auto (a live line on a terminal, plain lines otherwise), line, plain, none")
        ->check(CLI::IsMember({"auto", "line", "plain", "none"}))
        ->capture_default_str();
    cmd->add_option("--progress-interval", o.progress_interval_s,
                    "Seconds between plain progress lines")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    cmd->add_option("--color", o.color, "auto, always or never")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    cmd->add_flag("-v,--verbose", o.verbose, "Every timeline second and every step");
}

} // namespace

std::function<int()> add_load_command(CLI::App& app) {
    auto o = std::make_shared<LoadOptions>();
    auto* cmd = app.add_subcommand(
        "load", "Run many concurrent journeys (open or closed model), measure, gate on thresholds");
    cmd->footer("Models: --vus N (closed: users loop journey + think time) or --rate R / --stages "
                "S (open: journeys start on schedule; latency counts from the schedule).\n"
                "Without either: the standard mix on a short ramp (5s to 50/s, 10s at 50/s).\n"
                "Thresholds: journey.p95<800ms, journey[NAME].p99<2s, step[NAME].p99<2s, "
                "errors<0.1%, checks<0.01%, late<1%, dropped<1, journey.rate>=100/s "
                "(docs/load.md).");
    add_model_options(cmd, *o);
    add_run_options(cmd, *o);
    add_target_options(cmd, *o);
    add_output_options(cmd, *o);
    auto secrets_file = std::make_shared<std::string>(); // the one output holding secrets
    cmd->add_option("--mock-secrets-file", *secrets_file,
                    "Write every secret the embedded mock issued to this file, in clear (audits)");
    return [o, secrets_file] {
        MockSecretsFile record(*secrets_file); // written when run_load returns
        return run_load(*o);
    };
}

} // namespace logintest::cli
