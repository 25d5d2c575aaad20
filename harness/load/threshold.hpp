// Thresholds: pass/fail gates on a load result for CI (`--threshold`, exit code 2 on a
// breach). The grammar, in full:
//
//   threshold := metric op value
//   metric    := scope "." stat  |  "errors" | "checks" | "late" | "dropped"
//   scope     := "journey" | "journey[" NAME "]" | "step[" NAME "]" | "step[" JOURNEY "/" NAME "]"
//   stat      := p50 | p90 | p95 | p99 | p99.9 | pNN.N | median | min | max | mean
//                | service.<latency stat>      (journeys only: from the actual start)
//                | errors | checks | rate
//   op        := "<" | "<=" | ">" | ">="
//   value     := latency "us"|"ms"|"s"|"m"  |  ratio "%"  |  count  |  rate "/s"|"/m"
//
// `journey` alone is every journey together; `step[login]` merges the steps named `login` of
// every journey. Latency stats take a duration (`journey.p95<800ms`); `errors` (journeys, or
// steps, ended by an error), `checks` (failed checks), `late` (late starts), `dropped`
// (dropped arrivals) take a percentage of their whole (`errors<0.1%`) or a plain count
// (`errors<1`); `rate` takes journeys completed per second (`journey.rate>=100/s`).
// Top-level `errors`, `checks`, `late`, `dropped` are the whole run's.
//
// Parsing is strict (every problem is named, exit 3); evaluation reads the model only. Pure
// functions; thread-safe.
#pragma once

#include "harness/model/load_result.hpp"
#include "harness/model/scenario.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace logintest::harness::load {

struct Threshold {
    enum class Scope { run, all_journeys, journey, step };
    enum class Stat { percentile, min, max, mean, errors, checks, late, dropped, rate };
    enum class Op { less, less_equal, greater, greater_equal };

    std::string text;
    Scope scope = Scope::run;
    std::string journey; // Scope::journey, or Scope::step with a journey
    std::string step;    // Scope::step
    Stat stat = Stat::percentile;
    double percentile = 0; // Stat::percentile, 0 < p <= 100
    bool service = false;  // service time instead of latency (journeys)
    Op op = Op::less;
    double limit = 0;   // µs (latency), fraction (ratio), count, or per second (rate)
    bool count = false; // a ratio stat compared as a plain count
};

struct ThresholdParse {
    std::optional<Threshold> threshold;
    std::string error; // e.g. "'journey.p95<800': a latency needs a unit (us, ms, s)"
};

ThresholdParse parse_threshold(std::string_view text);

// An error text when the threshold names a journey or step the run does not have.
std::string check_threshold_names(const Threshold& threshold,
                                  const std::vector<const model::Journey*>& journeys);

model::ThresholdVerdict evaluate_threshold(const Threshold& threshold,
                                           const model::LoadRunResult& result);

} // namespace logintest::harness::load
