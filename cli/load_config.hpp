// The options of `logintest load` and what they become before the run: a model::LoadConfig
// (closed model with --vus, open model with --rate/--stages; the default is a short ramp of
// the standard mix) and the journey mix (positional FILE[:WEIGHT] and --mix files, or the
// standard mix). Problems are returned as text for the command to print (exit 3). Used by
// cli/load_command.cpp only; pure but for reading the --mix and --stages @FILE files.
#pragma once

#include "cli/scenario_options.hpp"
#include "cli/target_setup.hpp"

#include "harness/load/journey_mix.hpp"
#include "harness/model/load_result.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace logintest::cli {

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
    ScenarioFlags scenario_flags; // --allow-data-outside, --limit
    std::string json_file;
    // Target.
    TargetOptions target;
    std::vector<std::string> allow_targets;
    std::string mock_config_file;
    int mock_threads = 1;
    // Output.
    std::string progress = "auto";
    double progress_interval_s = 5;
    std::string color = "auto";
    bool verbose = false;
};

// The options as a LoadConfig (mix excepted); an error text, empty on success.
[[nodiscard]] std::string build_config(const LoadOptions& options,
                                       harness::model::LoadConfig& config);

// The mix: positional FILE[:WEIGHT] and --mix files, or the standard mix.
[[nodiscard]] harness::load::MixParse collect_mix(const LoadOptions& options);

} // namespace logintest::cli
