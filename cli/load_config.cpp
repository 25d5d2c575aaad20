// Load options -> LoadConfig and mix (see load_config.hpp).
#include "cli/load_config.hpp"

#include "cli/catalog.hpp"

#include "harness/load/arrival_schedule.hpp"
#include "harness/load/duration_text.hpp"
#include "support/text/file.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <thread>

namespace logintest::cli {
namespace {

namespace fs = std::filesystem;
using harness::model::LoadConfig;
using harness::model::LoadModel;

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

// --vus N: users loop journey + think time, for --duration or --iterations.
std::string closed_config(const LoadOptions& o, LoadConfig& c) {
    std::string error;
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

// The open model's stages: --rate (one plateau for --duration, 30 s by default) or --stages
// (text or @FILE; by default a ramp to 50/s and a plateau).
std::string open_stages(const LoadOptions& o, LoadConfig& c) {
    std::string error;
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
        return {};
    }
    std::string text = o.stages.empty() ? "5s:50/s,10s:50/s" : o.stages;
    if (!text.empty() && text.front() == '@') {
        auto file = support::read_file(text.substr(1));
        if (!file) {
            return "--stages " + text + ": cannot read " + text.substr(1);
        }
        text = std::move(*file);
    }
    auto parsed = harness::load::parse_stages(text);
    if (!parsed.error.empty()) {
        return "--stages: " + parsed.error;
    }
    if (!o.duration.empty()) {
        return "--duration goes with --rate or --vus; stages carry their own durations";
    }
    c.stages = std::move(parsed.stages);
    return {};
}

// --rate / --stages: journeys start on an arrival schedule.
std::string open_config(const LoadOptions& o, LoadConfig& c) {
    std::string error;
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
    if (auto stages_error = open_stages(o, c); !stages_error.empty()) {
        return stages_error;
    }
    const harness::load::ArrivalSchedule schedule(c.start_rate, c.stages);
    if (schedule.total_arrivals() < 1) {
        return "the arrival schedule starts no journey";
    }
    return {};
}

} // namespace

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
    return closed ? closed_config(o, c) : open_config(o, c);
}

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
        const auto text = support::read_file(f);
        if (!text) {
            all.errors.push_back("--mix " + f + ": cannot read " + f);
            continue;
        }
        add(harness::load::parse_mix_file(*text, f, fs::path(f).parent_path().string()));
    }
    return all;
}

} // namespace logintest::cli
