// Load policy the `load` command asks for before and after a run: how many open files the run
// needs (the users at the peak, times the hosts each talks to, doubled for an embedded mock's
// side of every connection), and whether a finished run says the target could not be reached
// at all (exit 4 instead of a result about the target). Pure functions over the model; used
// by cli/load_command.cpp, pinned by tests/unit/load/load_policy_test.cpp.
#pragma once

#include "harness/model/load_result.hpp"
#include "harness/model/scenario.hpp"

#include <cstdint>
#include <vector>

namespace logintest::harness::load {

// Journeys in flight at the peak: the closed model's users; in the open model the journeys
// started at the peak rate if each took up to 10 s, at most --max-vus.
[[nodiscard]] std::uint64_t peak_users(const model::LoadConfig& config);

// The hosts one user keeps a connection to: 2 when a step goes to esia (its URL refers to an
// `esia...` name: ${esia}, ${esia.host}, ...) or follows redirects (which may lead there),
// else 1.
[[nodiscard]] int hosts_per_user(const std::vector<const model::Journey*>& journeys);

// The open files the run needs (descriptors_needed of fd_limit.hpp for the two above).
[[nodiscard]] std::uint64_t descriptors_for_run(const model::LoadConfig& config,
                                                const std::vector<const model::Journey*>& journeys,
                                                bool embedded_mock);

// True when every journey ended without reaching the target at all: none sent a request and
// every error is one of not reaching it (refused, resolve_error, tls_error, timeout).
[[nodiscard]] bool target_unreachable(const model::LoadTotals& totals);

} // namespace logintest::harness::load
