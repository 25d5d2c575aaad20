// ArrivalSchedule: when the open model's journeys are due. A start rate and stages, each
// moving the rate linearly to its target over its duration (a plateau when the rate does not
// change): `--rate 200/s --duration 1m` is one plateau stage; a September morning is a few
// ramps and plateaus. Arrival k (0-based) is due at the time t where the cumulative
// arrivals N(t) = integral of the rate reach k, so a constant rate r gives t_k = k / r.
//
// The schedule is pure and immutable: every worker evaluates it for its own arrivals
// (k = worker, worker + workers, ...), independent of how fast earlier journeys finish.
// Also parses the rate and stage texts of the command line.
#pragma once

#include "harness/model/load_result.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace logintest::harness::load {

class ArrivalSchedule {
public:
    ArrivalSchedule(double start_rate, const std::vector<model::RateStage>& stages);

    // Seconds after the run start at which arrival k is due; nullopt when it falls at or
    // after the end of the last stage.
    std::optional<double> time_of(std::uint64_t k) const;

    double duration_s() const { return duration_s_; }
    double total_arrivals() const { return total_; } // expected arrivals (fractional)
    double rate_at(double t) const;                  // arrivals per second at time t

private:
    struct Segment {
        double start_s = 0;
        double duration_s = 0;
        double from_rate = 0;
        double to_rate = 0;
        double arrivals_before = 0; // cumulative arrivals at start_s
        double arrivals = 0;        // arrivals within the segment
    };
    std::vector<Segment> segments_;
    double duration_s_ = 0;
    double total_ = 0;
};

// "200/s", "200", "12000/m", "0.5/s" -> arrivals per second. Nullopt when malformed or < 0.
std::optional<double> parse_rate(std::string_view text);

struct StagesParse {
    std::vector<model::RateStage> stages;
    std::string error; // empty on success, else what is wrong, e.g. "stage 2 '30x:5/s': ..."
};
// "30s:200/s,5m:200/s,1m:0/s": comma- (or newline-) separated DURATION:RATE stages; '#' starts a
// comment that runs to the end of the line (for stage files).
StagesParse parse_stages(std::string_view text);

} // namespace logintest::harness::load
