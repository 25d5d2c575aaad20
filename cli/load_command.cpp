// `logintest load [SCENARIO[:WEIGHT]...]`: many concurrent journeys against the embedded mock
// (default) or a target. Closed model with --vus, open model with --rate or --stages (the
// default is a short ramp of the standard mix). Everything is checked before the network is
// used (bad options, scenarios, mixes, thresholds: exit 3); load goes only to loopback unless
// --allow-target names the host. While it runs: a live progress line on a terminal, plain
// lines otherwise; Ctrl-C stops starting journeys and writes the partial result marked
// "interrupted" (a second Ctrl-C abandons the journeys in flight). Then the summary table,
// the JSON result, and the exit code: 4 target unreachable / our failure, 2 a threshold
// breached, else 0 (failed checks are gated with `--threshold checks<...`).
#include "cli/catalog.hpp"
#include "cli/commands.hpp"
#include "cli/embedded_mock.hpp"
#include "cli/exit_codes.hpp"
#include "cli/fixture_text.hpp"
#include "cli/mock_config_file.hpp"
#include "cli/output_file.hpp"

#include "harness/engine/accounts.hpp"
#include "harness/http/client.hpp"
#include "harness/load/account_leases.hpp"
#include "harness/load/arrival_schedule.hpp"
#include "harness/load/duration_text.hpp"
#include "harness/load/fd_limit.hpp"
#include "harness/load/journey_mix.hpp"
#include "harness/load/load_engine.hpp"
#include "harness/load/target_guard.hpp"
#include "harness/load/threshold.hpp"
#include "mocks/mock_stack.hpp"
#include "reports/load_console.hpp"
#include "reports/load_json.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <thread>

#include <unistd.h>

namespace logintest::cli {
namespace {

namespace fs = std::filesystem;
using harness::model::LoadConfig;
using harness::model::LoadModel;

struct LoadOptions {
    std::vector<std::string> scenarios; // FILE[:WEIGHT]
    std::vector<std::string> mix_files;
    // Closed model.
    int vus = 0;
    std::string think = "1s"; // DURATION or MIN..MAX
    std::string ramp_up;
    std::uint64_t iterations = 0;
    std::string duration;
    // Open model.
    std::string rate;
    std::string stages; // text or @FILE
    std::string start_rate;
    int max_vus = 10000;
    std::string late_after = "10ms";
    std::string drop_after = "0s";
    // Both.
    int threads = 0;
    std::string grace = "10s";
    std::uint64_t seed = 1;
    int pool_size = -1; // -1: the mock configuration's, else 1000
    int pool_unbound = -1;
    bool new_connections = false;
    std::vector<std::string> thresholds;
    std::string json_file;
    // Target.
    std::string asurso_url;
    std::string esia_url;
    std::vector<std::string> resolve;
    std::vector<std::string> allow_targets;
    std::string ca_file;
    bool insecure = false;
    std::string fixture_file;
    std::string mock_config_file;
    int mock_threads = 1;
    int connect_timeout_ms = 5000;
    int request_timeout_ms = 15000;
    // Output.
    std::string progress = "auto";
    double progress_interval_s = 5;
    std::string color = "auto";
    bool verbose = false;
};

int usage_error(const std::string& message) {
    fmt::print(stderr, "logintest load: {}\n", message);
    return exit_usage;
}

std::string strip_slash(std::string url) {
    while (!url.empty() && url.back() == '/') {
        url.pop_back();
    }
    return url;
}

std::optional<std::string> read_text(const std::string& path, std::string& error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot read " + path;
        return std::nullopt;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// A duration option, or an error naming it.
bool duration_option(const std::string& name, const std::string& text, double& seconds,
                     std::string& error) {
    const auto parsed = harness::load::parse_duration(text);
    if (!parsed) {
        error = fmt::format("{} '{}' is not a duration (e.g. 500ms, 30s, 2m, 1m30s)", name, text);
        return false;
    }
    seconds = *parsed;
    return true;
}

// The options as a LoadConfig (mix excepted), or an error.
std::string build_config(const LoadOptions& o, LoadConfig& c) {
    std::string error;
    const bool closed = o.vus > 0;
    const bool open = !o.rate.empty() || !o.stages.empty();
    if (closed && open) {
        return "--vus (closed model) and --rate/--stages (open model) exclude each other";
    }
    if (!o.rate.empty() && !o.stages.empty()) {
        return "--rate and --stages exclude each other (a constant rate is one stage)";
    }
    c.threads = o.threads > 0 ? o.threads
                              : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    c.seed = o.seed;
    c.new_connections = o.new_connections;
    if (!duration_option("--grace", o.grace, c.grace_s, error)) {
        return error;
    }
    if (closed) {
        c.model = LoadModel::closed;
        c.vus = o.vus;
        c.iterations = o.iterations;
        const auto dots = o.think.find("..");
        if (dots == std::string::npos) {
            if (!duration_option("--think", o.think, c.think_min_s, error)) {
                return error;
            }
            c.think_max_s = c.think_min_s;
        } else if (!duration_option("--think", o.think.substr(0, dots), c.think_min_s, error) ||
                   !duration_option("--think", o.think.substr(dots + 2), c.think_max_s, error)) {
            return error;
        } else if (c.think_max_s < c.think_min_s) {
            return "--think MIN..MAX needs MIN <= MAX";
        }
        if (!o.ramp_up.empty() && !duration_option("--ramp-up", o.ramp_up, c.ramp_up_s, error)) {
            return error;
        }
        if (!o.duration.empty()) {
            if (!duration_option("--duration", o.duration, c.duration_s, error)) {
                return error;
            }
        } else if (o.iterations == 0) {
            c.duration_s = 30;
        }
        if (c.duration_s <= 0 && c.iterations == 0) {
            return "the closed model needs --duration or --iterations";
        }
        return {};
    }
    if (o.iterations > 0 || !o.ramp_up.empty()) {
        return "--iterations and --ramp-up belong to the closed model (--vus)";
    }
    c.model = LoadModel::open;
    c.max_vus = o.max_vus;
    if (!duration_option("--late-after", o.late_after, c.late_after_ms, error) ||
        !duration_option("--drop-after", o.drop_after, c.drop_after_ms, error)) {
        return error;
    }
    c.late_after_ms *= 1000;
    c.drop_after_ms *= 1000;
    if (!o.start_rate.empty()) {
        const auto r = harness::load::parse_rate(o.start_rate);
        if (!r) {
            return "--start-rate '" + o.start_rate + "' is not a rate (e.g. 10/s)";
        }
        c.start_rate = *r;
    }
    if (!o.rate.empty()) {
        const auto r = harness::load::parse_rate(o.rate);
        if (!r || *r <= 0) {
            return "--rate '" + o.rate + "' is not a rate above 0 (e.g. 200/s, 600/m)";
        }
        double seconds = 30;
        if (!o.duration.empty() && !duration_option("--duration", o.duration, seconds, error)) {
            return error;
        }
        c.start_rate = *r;
        c.stages = {{seconds, *r}};
    } else {
        std::string text = o.stages.empty() ? "5s:50/s,10s:50/s" : o.stages;
        if (!text.empty() && text.front() == '@') {
            auto file = read_text(text.substr(1), error);
            if (!file) {
                return "--stages " + text + ": " + error;
            }
            text = *file;
        }
        auto parsed = harness::load::parse_stages(text);
        if (!parsed.error.empty()) {
            return "--stages: " + parsed.error;
        }
        if (!o.duration.empty()) {
            return "--duration goes with --rate or --vus; stages carry their own durations";
        }
        c.stages = std::move(parsed.stages);
    }
    const harness::load::ArrivalSchedule schedule(c.start_rate, c.stages);
    if (schedule.total_arrivals() < 1) {
        return "the arrival schedule starts no journey";
    }
    return {};
}

// The mix: positional FILE[:WEIGHT] and --mix files, or the standard mix.
harness::load::MixParse collect_mix(const LoadOptions& o) {
    harness::load::MixParse all;
    auto add = [&all](harness::load::MixParse part) {
        all.items.insert(all.items.end(), part.items.begin(), part.items.end());
        all.errors.insert(all.errors.end(), part.errors.begin(), part.errors.end());
    };
    std::vector<std::string> files = o.mix_files;
    if (o.scenarios.empty() && files.empty()) {
        files.push_back(default_catalog_dir() + "/load/standard.mix");
    }
    for (const auto& s : o.scenarios) {
        add(harness::load::parse_mix_argument(s));
    }
    for (const auto& f : files) {
        std::string error;
        const auto text = read_text(f, error);
        if (!text) {
            all.errors.push_back("--mix " + f + ": " + error);
            continue;
        }
        add(harness::load::parse_mix_file(*text, f, fs::path(f).parent_path().string()));
    }
    return all;
}

// Watches SIGINT/SIGTERM (blocked in every thread) until `done`, asking the engine to stop.
class SignalWatch {
public:
    SignalWatch() {
        sigemptyset(&signals_);
        sigaddset(&signals_, SIGINT);
        sigaddset(&signals_, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &signals_, nullptr);
    }
    ~SignalWatch() {
        done_ = true;
        if (thread_.joinable()) {
            thread_.join();
        }
    }
    void watch(harness::load::LoadEngine& engine) {
        thread_ = std::thread([this, &engine] {
            const timespec tick{0, 100'000'000};
            while (!done_) {
                const int signal = sigtimedwait(&signals_, nullptr, &tick);
                if (signal == SIGINT || signal == SIGTERM) {
                    engine.request_stop(signal == SIGINT ? "interrupted (SIGINT)"
                                                         : "interrupted (SIGTERM)");
                }
            }
        });
    }
    void finish() {
        done_ = true;
        if (thread_.joinable()) {
            thread_.join();
        }
    }

private:
    sigset_t signals_{};
    std::atomic<bool> done_{false};
    std::thread thread_;
};

// True when every journey ended without reaching the target at all.
bool target_unreachable(const harness::model::LoadTotals& t) {
    if (t.completed == 0 || t.errored != t.completed || t.requests > 0) {
        return false;
    }
    for (const auto& [kind, n] : t.errors) {
        if (kind != "refused" && kind != "resolve_error" && kind != "tls_error" &&
            kind != "timeout") {
            return false;
        }
    }
    return true;
}

int run_load(const LoadOptions& o) {
    // 1. Options, mix, scenarios, thresholds, fixture: every problem before the network.
    LoadConfig config;
    if (auto error = build_config(o, config); !error.empty()) {
        return usage_error(error);
    }
    const harness::load::MixParse mix = collect_mix(o);
    if (!mix.errors.empty()) {
        for (const auto& e : mix.errors) {
            fmt::print(stderr, "{}\n", e);
        }
        return exit_usage;
    }
    std::vector<harness::model::Journey> loaded;
    std::vector<harness::scenario::LoadError> load_errors;
    for (const auto& item : mix.items) {
        Catalog one = load_catalog({item.file});
        load_errors.insert(load_errors.end(), one.errors.begin(), one.errors.end());
        if (one.journeys.size() == 1) {
            loaded.push_back(std::move(one.journeys.front()));
            config.mix.push_back({loaded.back().name, item.file, item.weight});
        } else if (one.errors.empty()) {
            load_errors.push_back({{item.file, 0}, "a mix entry must be one scenario file"});
        }
    }
    if (!load_errors.empty()) {
        for (const auto& e : load_errors) {
            fmt::print(stderr, "{}\n", harness::scenario::format_error(e));
        }
        fmt::print(stderr, "{} problem{} found; nothing was run\n", load_errors.size(),
                   load_errors.size() == 1 ? "" : "s");
        return exit_usage;
    }
    std::vector<const harness::model::Journey*> journeys;
    for (const auto& j : loaded) {
        journeys.push_back(&j);
    }
    std::vector<harness::load::Threshold> thresholds;
    std::vector<std::string> threshold_errors;
    for (const auto& text : o.thresholds) {
        auto parsed = harness::load::parse_threshold(text);
        if (!parsed.threshold) {
            threshold_errors.push_back("--threshold " + parsed.error);
            continue;
        }
        if (auto error = harness::load::check_threshold_names(*parsed.threshold, journeys);
            !error.empty()) {
            threshold_errors.push_back("--threshold " + error);
            continue;
        }
        thresholds.push_back(std::move(*parsed.threshold));
    }
    if (!threshold_errors.empty()) {
        for (const auto& e : threshold_errors) {
            fmt::print(stderr, "{}\n", e);
        }
        return exit_usage;
    }

    const bool embedded = o.asurso_url.empty() && o.esia_url.empty();
    if (o.asurso_url.empty() != o.esia_url.empty()) {
        return usage_error("--asurso-url and --esia-url go together");
    }
    MockConfigLoad mock_config = load_mock_config_file(o.mock_config_file);
    if (!embedded && !o.mock_config_file.empty()) {
        mock_config.errors.push_back("--mock-config applies to the embedded mock only");
    }
    if (!mock_config.errors.empty()) {
        for (const auto& e : mock_config.errors) {
            fmt::print(stderr, "{}\n", e);
        }
        return exit_usage;
    }
    // Pool sizes: the option, else the mock configuration's, else 1000 bound / 0 unbound.
    auto& pool = mock_config.config.fixture;
    config.pool_size =
        o.pool_size >= 0 ? o.pool_size : (pool.load_pool_size > 0 ? pool.load_pool_size : 1000);
    config.pool_unbound = o.pool_unbound >= 0 ? o.pool_unbound : pool.load_pool_unbound;
    if (config.pool_size > 99999 || config.pool_unbound > 99999) {
        return usage_error("--pool-size and --pool-unbound go up to 99999 (load%05d)");
    }
    const std::string fixture_file =
        !o.fixture_file.empty() || !embedded ? o.fixture_file : pool.path;
    const FixtureText fixture = read_fixture(fixture_file);
    if (!fixture.error.empty()) {
        return usage_error(fixture.error);
    }
    auto accounts = harness::engine::Accounts::parse(fixture.text, fixture.source);
    if (!accounts.error.empty()) {
        return usage_error(accounts.error);
    }
    auto leases = harness::load::AccountLeases::create(
        journeys, accounts.accounts, config.pool_size, config.pool_unbound, config.threads);
    if (!leases.leases) {
        return usage_error(leases.error);
    }

    harness::http::ClientOptions client_options;
    client_options.connect_timeout = std::chrono::milliseconds(o.connect_timeout_ms);
    client_options.request_timeout = std::chrono::milliseconds(o.request_timeout_ms);
    client_options.ca_file = o.ca_file;
    client_options.verify_tls = !o.insecure;
    for (const auto& entry : o.resolve) {
        if (auto error = client_options.resolve.add(entry); !error.empty()) {
            return usage_error("--resolve " + entry + ": " + error);
        }
    }

    // 2. The open-file limit, before any thread or socket exists.
    // Open model: the journeys in flight at the peak rate if each took up to 10 s, at most
    // --max-vus.
    double peak_rate = config.start_rate;
    for (const auto& stage : config.stages) {
        peak_rate = std::max(peak_rate, stage.target_per_s);
    }
    const std::uint64_t users =
        config.model == LoadModel::closed
            ? static_cast<std::uint64_t>(config.vus)
            : std::min(static_cast<std::uint64_t>(config.max_vus),
                       static_cast<std::uint64_t>(std::ceil(peak_rate * 10)));
    // A user keeps a connection per host it talks to: esia too when a journey goes there.
    int hosts = 1;
    for (const auto* j : journeys) {
        for (const auto& step : j->steps) {
            if (step.url.text.find("${esia") != std::string::npos ||
                step.follow == harness::model::Follow::all) {
                hosts = 2;
            }
        }
    }
    const harness::load::FdLimit fd =
        harness::load::raise_fd_limit(harness::load::descriptors_needed(users, hosts, embedded));
    if (auto advice = harness::load::fd_limit_advice(fd); !advice.empty()) {
        fmt::print(stderr, "warning: {}\n", advice);
    }

    // 3. The target, with the stop signals blocked in every thread from here on.
    SignalWatch signals;
    std::unique_ptr<mocks::MockStack> mock;
    std::string asurso_base = strip_slash(o.asurso_url);
    std::string esia_base = strip_slash(o.esia_url);
    std::string target_name = asurso_base + " + " + esia_base;
    if (embedded) {
        mocks::MockStackOptions mock_options;
        mock_options.fixture_json = fixture_file.empty() ? "" : fixture.text;
        mock_options.threads = o.mock_threads;
        mock_options.config = mock_config.config;
        // MOCK-FIX-5: the mock's pool matches the tester's.
        mock_options.config.fixture.load_pool_size = config.pool_size;
        mock_options.config.fixture.load_pool_unbound = config.pool_unbound;
        auto started = start_embedded_mock(mock_options, client_options);
        if (!started.stack) {
            fmt::print(stderr, "cannot start the embedded mock: {}\n", started.error);
            return exit_infrastructure;
        }
        mock = std::move(started.stack);
        asurso_base = mock->asurso_base_url();
        esia_base = mock->esia_base_url();
        target_name = "embedded mock";
    }
    if (auto refused = harness::load::check_load_target({asurso_base, esia_base},
                                                        client_options.resolve, o.allow_targets);
        !refused.empty()) {
        return usage_error(refused);
    }
    std::unique_ptr<harness::http::ClientContext> client;
    try {
        client = std::make_unique<harness::http::ClientContext>(client_options);
    } catch (const std::exception& e) {
        return usage_error(e.what());
    }

    // 4. Run, with progress on stderr.
    const bool tty = isatty(2) != 0;
    const bool live = o.progress == "line" || (o.progress == "auto" && tty);
    const bool plain = o.progress == "plain" || (o.progress == "auto" && !tty);
    reports::LoadConsoleOptions console;
    console.color = o.color == "always" || (o.color == "auto" && isatty(1));
    console.verbose = o.verbose;
    fmt::print(stderr,
               "logintest {} load: {} journey{} against {} (asurso {}, esia {}), {} "
               "thread{}; Ctrl-C stops\n",
               LOGINTEST_VERSION, journeys.size(), journeys.size() == 1 ? "" : "s", target_name,
               asurso_base, esia_base, config.threads, config.threads == 1 ? "" : "s");
    const harness::engine::RunContext context{asurso_base, esia_base, accounts.accounts, *client};
    harness::load::EngineSetup setup;
    setup.config = config;
    setup.journeys = journeys;
    setup.context = &context;
    setup.leases = leases.leases.get();
    harness::load::LoadEngine engine(std::move(setup));
    signals.watch(engine);
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
    if (mock) {
        mock->stop();
    }
    result.tool_version = LOGINTEST_VERSION;
    result.target = target_name;
    result.asurso_base = asurso_base;
    result.esia_base = esia_base;
    for (const auto& t : thresholds) {
        result.thresholds.push_back(harness::load::evaluate_threshold(t, result));
    }

    // 5. Reports and the exit code (4, then 3, then 1, then 2).
    reports::print_load_summary(stdout, result, console);
    std::fflush(stdout);
    int code = exit_pass;
    if (!o.json_file.empty()) {
        if (auto error = write_output_file(o.json_file, reports::to_json(result)); !error.empty()) {
            fmt::print(stderr, "{}\n", error);
            code = exit_infrastructure;
        }
    }
    const bool breached = std::any_of(result.thresholds.begin(), result.thresholds.end(),
                                      [](const auto& v) { return !v.passed; });
    if (code == exit_pass && target_unreachable(result.totals)) {
        fmt::print(stderr, "the target could not be reached: every journey failed before an "
                           "answer\n");
        code = exit_infrastructure;
    }
    if (code == exit_pass && breached) {
        code = exit_threshold;
    }
    if (result.interrupted) {
        fmt::print(stderr, "interrupted: the result is partial{}\n",
                   o.json_file.empty() ? "" : " (marked \"interrupted\" in " + o.json_file + ")");
    }
    return code;
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
    cmd->add_option("scenarios", o->scenarios,
                    "Scenario files of the mix, each FILE or FILE:WEIGHT (default: "
                    "scenarios/load/standard.mix)");
    cmd->add_option("--mix", o->mix_files, "Mix file: 'WEIGHT FILE' per line (repeatable)");
    auto* closed = cmd->add_option_group("closed model");
    closed->add_option("--vus", o->vus, "Virtual users looping journeys")
        ->check(CLI::Range(1, 1000000));
    closed->add_option("--think", o->think, "Think time after a journey: 1s, or 0.5s..2s (uniform)")
        ->capture_default_str();
    closed->add_option("--ramp-up", o->ramp_up, "Start the users evenly over this time");
    closed->add_option("--iterations", o->iterations, "Journeys to run in all, then stop");
    cmd->add_option("--duration", o->duration, "How long (closed model, or with --rate); 30s");
    auto* open = cmd->add_option_group("open model");
    open->add_option("--rate", o->rate, "Constant arrival rate, e.g. 200/s or 600/m");
    open->add_option("--stages", o->stages,
                     "Ramps and plateaus DURATION:RATE,..., each from the previous rate, or "
                     "@FILE (e.g. @scenarios/load/september_morning.stages)");
    open->add_option("--start-rate", o->start_rate, "Rate the first stage ramps from (0)");
    open->add_option("--max-vus", o->max_vus, "Most journeys in flight at once")
        ->check(CLI::Range(1, 1000000))
        ->capture_default_str();
    open->add_option("--late-after", o->late_after, "A start later than this is counted late")
        ->capture_default_str();
    open->add_option("--drop-after", o->drop_after,
                     "Drop an arrival that cannot start within this (0s = never)")
        ->capture_default_str();
    cmd->add_option("--threads", o->threads, "Worker threads (default: one per core)")
        ->check(CLI::Range(1, 256));
    cmd->add_option("--grace", o->grace, "Time journeys in flight get to finish at the end")
        ->capture_default_str();
    cmd->add_option("--seed", o->seed, "Seed of the journey mix draws")->capture_default_str();
    cmd->add_option("--pool-size", o->pool_size,
                    "Accounts load%05d (MOCK-FIX-5); must match the mock's "
                    "fixture.load_pool_size (default 1000)")
        ->check(CLI::Range(0, 99999));
    cmd->add_option("--pool-unbound", o->pool_unbound,
                    "Accounts bind%05d; must match fixture.load_pool_unbound (default 0)")
        ->check(CLI::Range(0, 99999));
    cmd->add_flag("--new-connections", o->new_connections,
                  "Close a user's connections after every journey (default: keep them)");
    cmd->add_option("--threshold", o->thresholds, "Gate, e.g. journey.p95<800ms (repeatable)");
    cmd->add_option("--json", o->json_file, "Write the full result as JSON");
    cmd->add_option("--asurso-url", o->asurso_url,
                    "Base URL of a running asurso (default: start the embedded mock)");
    cmd->add_option("--esia-url", o->esia_url, "Base URL of a running esia");
    cmd->add_option("--resolve", o->resolve, "host:port:address, like curl (repeatable)");
    cmd->add_option("--allow-target", o->allow_targets,
                    "Allow load on this host although it is not on 127.0.0.0/8 (repeatable)");
    cmd->add_option("--ca-file", o->ca_file, "Extra CA certificate (PEM) to trust");
    cmd->add_flag("--insecure", o->insecure, "Do not verify TLS certificates");
    cmd->add_option("--fixture", o->fixture_file, "Fixture JSON (default: built in)");
    cmd->add_option("--mock-config", o->mock_config_file,
                    "Configuration JSON (spec §23) for the embedded mock");
    cmd->add_option("--mock-threads", o->mock_threads, "Threads per host of the embedded mock")
        ->check(CLI::Range(1, 64))
        ->capture_default_str();
    cmd->add_option("--connect-timeout-ms", o->connect_timeout_ms, "Connect timeout")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    cmd->add_option("--request-timeout-ms", o->request_timeout_ms, "Request timeout")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    cmd->add_option("--progress", o->progress,
                    "auto (a live line on a terminal, plain lines otherwise), line, plain, none")
        ->check(CLI::IsMember({"auto", "line", "plain", "none"}))
        ->capture_default_str();
    cmd->add_option("--progress-interval", o->progress_interval_s,
                    "Seconds between plain progress lines")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    cmd->add_option("--color", o->color, "auto, always or never")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    cmd->add_flag("-v,--verbose", o->verbose, "Every timeline second and every step");
    return [o] { return run_load(*o); };
}

} // namespace logintest::cli
