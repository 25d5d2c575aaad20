// Load policy (see load_policy.hpp).
#include "harness/load/load_policy.hpp"

#include "harness/load/fd_limit.hpp"
#include "harness/scenario/template.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

namespace logintest::harness::load {

namespace {

// A name the esia base URL or one of its parts goes by in a template (`esia`, `esia.host`,
// ...): every name that starts with "esia", as the earlier text search for "${esia" counted.
bool names_esia(const std::vector<std::string>& names) {
    return std::any_of(names.begin(), names.end(), [](const std::string& n) {
        return std::string_view(n).starts_with("esia");
    });
}

bool step_may_reach_esia(const model::Step& step) {
    if (step.follow == model::Follow::all) {
        return true;
    }
    const scenario::TemplateRefs refs = scenario::parse_template(step.url);
    return names_esia(refs.variables) || names_esia(refs.functions);
}

} // namespace

std::uint64_t peak_users(const model::LoadConfig& config) {
    if (config.model == model::LoadModel::closed) {
        return static_cast<std::uint64_t>(config.vus);
    }
    double peak_rate = config.start_rate;
    for (const auto& stage : config.stages) {
        peak_rate = std::max(peak_rate, stage.target_per_s);
    }
    return std::min(static_cast<std::uint64_t>(config.max_vus),
                    static_cast<std::uint64_t>(std::ceil(peak_rate * 10)));
}

int hosts_per_user(const std::vector<const model::Journey*>& journeys) {
    for (const model::Journey* j : journeys) {
        if (std::any_of(j->steps.begin(), j->steps.end(), step_may_reach_esia)) {
            return 2;
        }
    }
    return 1;
}

std::uint64_t descriptors_for_run(const model::LoadConfig& config,
                                  const std::vector<const model::Journey*>& journeys,
                                  bool embedded_mock) {
    return descriptors_needed(peak_users(config), hosts_per_user(journeys), embedded_mock);
}

bool target_unreachable(const model::LoadTotals& t) {
    if (t.completed == 0 || t.errored != t.completed || t.requests > 0) {
        return false;
    }
    using model::ErrorKind;
    model::ErrorCounts unreachable = t.errors;
    for (const ErrorKind kind :
         {ErrorKind::refused, ErrorKind::resolve_error, ErrorKind::tls_error, ErrorKind::timeout}) {
        unreachable[kind] = 0;
    }
    return unreachable.empty(); // no error of another kind
}

} // namespace logintest::harness::load
