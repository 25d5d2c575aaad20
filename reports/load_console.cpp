// Console rendering of a load run (see load_console.hpp).
#include "reports/load_console.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace logintest::reports {
namespace {

using namespace harness::model;

struct Style {
    const char* bold = "";
    const char* red = "";
    const char* green = "";
    const char* yellow = "";
    const char* dim = "";
    const char* reset = "";
};

Style style_for(const LoadConsoleOptions& options) {
    if (!options.color) {
        return {};
    }
    return {"\033[1m", "\033[31;1m", "\033[32m", "\033[33m", "\033[90m", "\033[0m"};
}

std::string percent(std::uint64_t part, std::uint64_t whole) {
    if (whole == 0) {
        return "0%";
    }
    const double p = 100.0 * static_cast<double>(part) / static_cast<double>(whole);
    if (p == 0) {
        return "0%";
    }
    return p < 0.01 ? fmt::format("{:.2g}%", p) : fmt::format("{:.2f}%", p);
}

std::string duration_text(double seconds) {
    if (seconds >= 120) {
        return fmt::format("{:.0f}m{:02.0f}s", std::floor(seconds / 60), std::fmod(seconds, 60.0));
    }
    return fmt::format("{:.1f}s", seconds);
}

std::string plan_text(const LoadConfig& c) {
    if (c.model == LoadModel::closed) {
        std::string think = c.think_max_s > c.think_min_s
                                ? fmt::format("{:g}-{:g}s", c.think_min_s, c.think_max_s)
                                : fmt::format("{:g}s", c.think_min_s);
        std::string until = c.iterations > 0 ? fmt::format("{} iterations", c.iterations) : "";
        if (c.duration_s > 0) {
            until += (until.empty() ? "" : " or ") + duration_text(c.duration_s);
        }
        return fmt::format("closed model: {} users, think time {}{}, {}", c.vus, think,
                           c.ramp_up_s > 0 ? fmt::format(", ramp-up {:g}s", c.ramp_up_s) : "",
                           until);
    }
    std::string stages;
    double rate = c.start_rate;
    for (const auto& s : c.stages) {
        if (!stages.empty()) {
            stages += ", ";
        }
        stages +=
            s.target_per_s == rate
                ? fmt::format("{} at {:g}/s", duration_text(s.duration_s), rate)
                : fmt::format("{} {:g}->{:g}/s", duration_text(s.duration_s), rate, s.target_per_s);
        rate = s.target_per_s;
    }
    return fmt::format("open model: {}; at most {} in flight, late after {:g} ms{}", stages,
                       c.max_vus, c.late_after_ms,
                       c.drop_after_ms > 0 ? fmt::format(", dropped after {:g} ms", c.drop_after_ms)
                                           : "");
}

constexpr int name_width = 38;

void latency_header(std::FILE* out, const Style& st, const char* title) {
    fmt::print(out, "{}{:<{}} {:>8} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}{}\n", st.bold, title,
               name_width, "n", "p50", "p90", "p95", "p99", "p99.9", "max", st.reset);
}

void latency_row(std::FILE* out, const std::string& name, const LatencyHistogram& h,
                 const char* colour = "", const char* reset = "") {
    std::string label = name;
    if (label.size() > name_width) {
        label = label.substr(0, name_width - 1) + "…";
    }
    if (h.empty()) {
        fmt::print(out, "{}{:<{}} {:>8} {:>9}{}\n", colour, label, name_width, 0, "-", reset);
        return;
    }
    fmt::print(out, "{}{:<{}} {:>8} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}{}\n", colour, label,
               name_width, h.count(), format_latency(h.percentile_us(50)),
               format_latency(h.percentile_us(90)), format_latency(h.percentile_us(95)),
               format_latency(h.percentile_us(99)), format_latency(h.percentile_us(99.9)),
               format_latency(h.max_us()), reset);
}

std::string errors_text(const ErrorCounts& errors) {
    std::string text;
    for (const auto& [kind, n] : errors) {
        text += fmt::format("{}{} {}", text.empty() ? "" : ", ", kind, n);
    }
    return text;
}

void print_timeline(std::FILE* out, const LoadRunResult& run, const Style& st, bool verbose) {
    if (run.timeline.empty()) {
        return;
    }
    // At most ~30 rows: whole seconds for short runs, wider buckets for long ones.
    const std::size_t seconds = run.timeline.size();
    const std::size_t bucket = verbose ? 1 : std::max<std::size_t>(1, (seconds + 29) / 30);
    fmt::print(out, "\n{}timeline{} ({} s a row; latency of the journeys that ended in it)\n",
               st.bold, st.reset, bucket);
    fmt::print(out, "{}{:>7} {:>8} {:>8} {:>8} {:>7} {:>6} {:>7} {:>8} {:>9} {:>9}{}\n", st.dim,
               "second", "started", "done", "per s", "errors", "late", "dropped", "active", "p50",
               "p95", st.reset);
    for (std::size_t first = 0; first < seconds; first += bucket) {
        TimelineSecond row;
        const std::size_t last = std::min(seconds, first + bucket);
        for (std::size_t s = first; s < last; ++s) {
            const TimelineSecond& t = run.timeline[s];
            row.started += t.started;
            row.completed += t.completed;
            row.errors += t.errors;
            row.late += t.late;
            row.dropped += t.dropped;
            row.active = t.active;
            row.latency += t.latency;
        }
        const double per_s = static_cast<double>(row.completed) / static_cast<double>(last - first);
        fmt::print(out, "{:>7} {:>8} {:>8} {:>8.1f} {}{:>7}{} {:>6} {:>7} {:>8} {:>9} {:>9}\n",
                   first, row.started, row.completed, per_s, row.errors > 0 ? st.red : "",
                   row.errors, row.errors > 0 ? st.reset : "", row.late, row.dropped, row.active,
                   row.latency.empty() ? "-" : format_latency(row.latency.percentile_us(50)),
                   row.latency.empty() ? "-" : format_latency(row.latency.percentile_us(95)));
    }
}

// The header: target, plan, mix, how the run ended.
void print_plan(std::FILE* out, const LoadRunResult& run, const Style& st) {
    const LoadConfig& c = run.config;
    fmt::print(out, "\n{}logintest load{} against {}: {}\n", st.bold, st.reset, run.target,
               plan_text(c));
    std::string mix;
    for (const auto& m : c.mix) {
        double total = 0;
        for (const auto& n : c.mix) {
            total += n.weight;
        }
        mix += fmt::format("{}{} {:.0f}%", mix.empty() ? "" : ", ", m.journey,
                           total > 0 ? 100 * m.weight / total : 0);
    }
    fmt::print(out, "mix: {}; {} thread{}, seed {}\n", mix, c.threads, c.threads == 1 ? "" : "s",
               c.seed);
    fmt::print(out, "ran {} ({}){}\n", duration_text(run.elapsed_s), run.stop_reason,
               run.interrupted
                   ? fmt::format("  {}INTERRUPTED: partial result{}", st.yellow, st.reset)
                   : "");
}

// The counts: journeys, starts (open model), requests and checks, TLS.
void print_counts(std::FILE* out, const LoadRunResult& run, const Style& st) {
    const LoadConfig& c = run.config;
    const LoadTotals& t = run.totals;
    const double per_s = run.elapsed_s > 0 ? static_cast<double>(t.completed) / run.elapsed_s : 0;
    fmt::print(out,
               "\njourneys  {} done ({:.1f}/s): {}{} passed{}, {}{} failed a check{}, "
               "{}{} errors ({}){}\n",
               t.completed, per_s, st.green, t.passed, st.reset, t.failed > 0 ? st.red : "",
               t.failed, t.failed > 0 ? st.reset : "", t.errored > 0 ? st.red : "", t.errored,
               percent(t.errored, t.completed), t.errored > 0 ? st.reset : "");
    if (c.model == LoadModel::open) {
        fmt::print(out,
                   "starts    {} scheduled, {} started, {}{} late{} (> {:g} ms), {}{} dropped{}, "
                   "start delay p99 {}\n",
                   t.scheduled, t.started, t.late > 0 ? st.yellow : "", t.late,
                   t.late > 0 ? st.reset : "", c.late_after_ms, t.dropped > 0 ? st.red : "",
                   t.dropped, t.dropped > 0 ? st.reset : "",
                   format_latency(t.start_delay.percentile_us(99)));
    }
    fmt::print(out,
               "requests  {} ({:.1f}/s); checks {} evaluated, {}{} failed ({}){}; "
               "peak in flight {}{}\n",
               t.requests, run.elapsed_s > 0 ? static_cast<double>(t.requests) / run.elapsed_s : 0,
               t.checks, t.checks_failed > 0 ? st.red : "", t.checks_failed,
               percent(t.checks_failed, t.checks), t.checks_failed > 0 ? st.reset : "",
               t.max_active, t.unfinished > 0 ? fmt::format("; {} unfinished", t.unfinished) : "");
    if (t.tls_handshakes > 0) {
        fmt::print(out, "tls       {} handshakes, {} resumed ({})\n", t.tls_handshakes,
                   t.tls_resumed, percent(t.tls_resumed, t.tls_handshakes));
    }
}

// The latency table: every journey, then each journey with its steps.
void print_latency_table(std::FILE* out, const LoadRunResult& run, const Style& st, bool verbose) {
    const bool open = run.config.model == LoadModel::open;
    fmt::print(out, "\n");
    latency_header(out, st,
                   open ? "latency (journeys: from the schedule)" : "latency (journeys, steps)");
    latency_row(out, "all journeys", run.totals.latency, st.bold, st.reset);
    if (open) {
        latency_row(out, "  service time (from actual start)", run.totals.service, st.dim,
                    st.reset);
    }
    for (const auto& j : run.journeys) {
        latency_row(out, j.name, j.latency, st.bold, st.reset);
        if (open) {
            latency_row(out, "  service time", j.service, st.dim, st.reset);
        }
        for (const auto& s : j.steps) {
            if (s.runs == 0 && !verbose) {
                continue;
            }
            latency_row(out, "  " + s.name, s.latency);
        }
    }
}

// Errors by kind, per journey and step.
void print_errors(std::FILE* out, const LoadRunResult& run, const Style& st) {
    if (run.totals.errors.empty()) {
        return;
    }
    fmt::print(out, "\n{}errors by kind{}  {}\n", st.bold, st.reset,
               errors_text(run.totals.errors));
    for (const auto& j : run.journeys) {
        for (const auto& s : j.steps) {
            if (!s.errors.empty()) {
                fmt::print(out, "  {}/{}: {}\n", j.name, s.name, errors_text(s.errors));
            }
        }
        if (const std::uint64_t n = j.errors[ErrorKind::no_account]; n > 0) {
            fmt::print(out, "  {}: no free account {}\n", j.name, n);
        }
    }
}

// Checks failed, by clause, then each failing check with its first message.
void print_failed_checks(std::FILE* out, const LoadRunResult& run, const Style& st) {
    std::map<std::string, std::uint64_t> by_clause;
    std::vector<std::pair<const JourneyLoadStats*, const FailedCheck*>> failed;
    for (const auto& j : run.journeys) {
        for (const auto& f : j.failed_checks) {
            failed.emplace_back(&j, &f);
            for (const auto& clause : f.clauses) {
                by_clause[clause] += f.count;
            }
        }
    }
    if (failed.empty()) {
        return;
    }
    std::string clauses;
    for (const auto& [clause, n] : by_clause) {
        clauses += fmt::format("{}{} {}", clauses.empty() ? "" : ", ", clause, n);
    }
    fmt::print(out, "\n{}checks failed by clause{}  {}\n", st.bold, st.reset,
               clauses.empty() ? "(extracts only)" : clauses);
    std::sort(failed.begin(), failed.end(),
              [](const auto& a, const auto& b) { return a.second->count > b.second->count; });
    for (const auto& [j, f] : failed) {
        fmt::print(out, "  {}{:>7}{}  {}/{}: {}{}\n", f->warning ? st.yellow : st.red, f->count,
                   st.reset, j->name, f->step, f->description, f->warning ? " (warning)" : "");
        if (!f->example.empty()) {
            fmt::print(out, "           {}{}{}\n", st.dim, f->example, st.reset);
        }
    }
}

void print_thresholds_and_notes(std::FILE* out, const LoadRunResult& run, const Style& st) {
    if (!run.thresholds.empty()) {
        fmt::print(out, "\n{}thresholds{}\n", st.bold, st.reset);
        for (const auto& v : run.thresholds) {
            fmt::print(out, "  {}{}{}  {:<32} {}\n", v.passed ? st.green : st.red,
                       v.passed ? "pass" : "FAIL", st.reset, v.expression,
                       v.passed ? v.actual : v.message);
        }
    }
    if (!run.notes.empty()) {
        fmt::print(out, "\n{}notes{}\n", st.bold, st.reset);
        for (const auto& n : run.notes) {
            fmt::print(out, "  - {}\n", n);
        }
    }
}

} // namespace

std::string format_latency(double us) {
    if (us < 1000) {
        return fmt::format("{:.0f}µs", us);
    }
    if (us < 10'000) {
        return fmt::format("{:.2f}ms", us / 1000);
    }
    if (us < 1'000'000) {
        return fmt::format("{:.1f}ms", us / 1000);
    }
    return fmt::format("{:.2f}s", us / 1e6);
}

std::string format_progress(const LoadProgress& p) {
    const std::string when =
        p.planned_s > 0 ? fmt::format("{:5.1f}s/{}", p.elapsed_s, duration_text(p.planned_s))
                        : fmt::format("{:5.1f}s", p.elapsed_s);
    std::string line = fmt::format(
        "{}  users {}  active {}  started {}  done {}  {:.1f}/s  p95 {}  errors {} ({})", when,
        p.users, p.active, p.started, p.completed, p.rate_per_s,
        p.p95_us > 0 ? format_latency(p.p95_us) : "-", p.errored, percent(p.errored, p.completed));
    if (p.checks_failed > 0) {
        line += fmt::format("  checks failed {}", p.checks_failed);
    }
    if (p.late > 0 || p.dropped > 0) {
        line += fmt::format("  late {}  dropped {}", p.late, p.dropped);
    }
    if (p.stopping) {
        line += "  (finishing)";
    }
    return line;
}

void print_load_summary(std::FILE* out, const LoadRunResult& run,
                        const LoadConsoleOptions& options) {
    const Style st = style_for(options);
    print_plan(out, run, st);
    print_counts(out, run, st);
    print_latency_table(out, run, st, options.verbose);
    print_errors(out, run, st);
    print_failed_checks(out, run, st);
    print_timeline(out, run, st, options.verbose);
    print_thresholds_and_notes(out, run, st);
}

} // namespace logintest::reports
