// Durations as people write them on a command line or in a threshold: `250us`, `800ms`, `2s`,
// `1.5s`, `5m`, `1h`, and combinations such as `1m30s`. Pure functions.
#pragma once

#include <optional>
#include <string_view>

namespace logintest::harness::load {

// Seconds, or nullopt when the text is not a non-negative duration with a unit.
std::optional<double> parse_duration(std::string_view text);

} // namespace logintest::harness::load
