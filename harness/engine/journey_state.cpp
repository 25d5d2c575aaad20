// The variables of a journey run: binding, templates, guards and <set>s (see
// journey_state.hpp).
#include "harness/engine/journey_state.hpp"

#include "harness/http/url.hpp"
#include "harness/redaction/redaction.hpp"
#include "harness/scenario/pattern.hpp"
#include "harness/scenario/template.hpp"

#include <fmt/format.h>

#include <functional>
#include <random>

namespace logintest::harness::engine {

namespace {

// Whether one condition guard holds against the variable's value (an undefined variable equals
// nothing, so only not-equals holds).
bool condition_holds(const model::Guard& guard, const JourneyState& state) {
    const auto found = state.vars.find(guard.var);
    std::string expected;
    if (expand_into(guard.value, state, expected)) {
        return false; // the value needs a variable that is not there
    }
    if (found == state.vars.end()) {
        return guard.kind == model::Guard::Kind::not_equals;
    }
    const std::string& value = found->second;
    switch (guard.kind) {
    case model::Guard::Kind::equals:
        return value == expected;
    case model::Guard::Kind::not_equals:
        return value != expected;
    case model::Guard::Kind::matches:
        if (std::string error; auto re = scenario::Pattern::compile(expected, error)) {
            return re->search(value).found;
        }
        return false;
    case model::Guard::Kind::choice:
        break;
    }
    return false;
}

// The leased CSV row of the <feeder>: `as.<column>`; an error text without a fitting row.
std::string bind_row(const model::Feeder& feeder, const std::vector<std::string>* row,
                     JourneyState& state) {
    if (row == nullptr || row->size() != feeder.columns.size()) {
        return fmt::format("{}:{}: no row of {} was leased for this run", feeder.where.file,
                           feeder.where.line, feeder.file);
    }
    for (std::size_t i = 0; i < feeder.columns.size(); ++i) {
        state.vars[feeder.as + "." + feeder.columns[i]] = (*row)[i];
    }
    return {};
}

// `asurso`, `esia` and their hosts (parsed once per run, RunContext::asurso_host).
void bind_bases(const RunContext& context, JourneyState& state) {
    state.vars["asurso"] = context.asurso_base;
    state.vars["esia"] = context.esia_base;
    if (auto host = context.asurso_host.host_of(context.asurso_base)) {
        state.vars["asurso.host"] = std::move(*host);
    }
    if (auto host = context.esia_host.host_of(context.esia_base)) {
        state.vars["esia.host"] = std::move(*host);
    }
}

} // namespace

std::optional<std::string> expand_into(const model::Template& tpl, const JourneyState& state,
                                       std::string& out) {
    auto expanded = scenario::expand(tpl, state.vars);
    if (!expanded.ok()) {
        return expanded.error;
    }
    out = std::move(expanded.text);
    return std::nullopt;
}

BuildError explain(const std::string& error, const JourneyState& state) {
    for (const auto& [var, why] : state.unavailable) {
        if (error.find("'" + var + "'") != std::string::npos) {
            return {fmt::format("needs ${{{}}}, which {}", var, why), true};
        }
    }
    return {error, false};
}

// A condition against the variable's value, a choice against the pick.
bool guards_hold(const std::vector<model::Guard>& guards, const JourneyState& state) {
    for (const model::Guard& guard : guards) {
        const bool holds =
            guard.kind == model::Guard::Kind::choice
                ? guard.choice < state.picks.size() && state.picks[guard.choice] == guard.option
                : condition_holds(guard, state);
        if (!holds) {
            return false;
        }
    }
    return true;
}

std::vector<std::size_t> pick_options(const model::Journey& journey,
                                      std::optional<std::uint64_t> seed) {
    std::vector<std::size_t> picks;
    if (journey.choices.empty()) {
        return picks;
    }
    std::mt19937_64 rng(seed ? *seed ^ std::hash<std::string>{}(journey.name)
                             : std::random_device{}());
    for (const model::Choice& choice : journey.choices) {
        std::discrete_distribution<std::size_t> weights(choice.weights.begin(),
                                                        choice.weights.end());
        picks.push_back(weights(rng));
    }
    return picks;
}

std::string recorded_name(const model::Step& step, const model::Journey& journey) {
    std::string prefix;
    for (const model::Guard& guard : step.guards) {
        if (guard.kind == model::Guard::Kind::choice) {
            prefix += journey.choices[guard.choice].labels[guard.option] + "/";
        }
    }
    return prefix + step.name;
}

// The <set>s (and the parameters of an <include>) before a step; a set whose <if>/<option>
// guards do not hold is passed over. Against a real deployment a mock-only set leaves its
// variable unavailable instead.
std::optional<BuildError> apply_sets(const model::Step& step, bool mock, JourneyState& state) {
    for (const auto& set : step.sets) {
        if (!guards_hold(set.guards, state)) {
            continue;
        }
        if (set.mock_only && !mock) {
            state.vars.erase(set.var);
            state.unavailable[set.var] =
                fmt::format("<set var=\"{}\"> sets only against the mock", set.var);
            continue;
        }
        std::string value;
        if (auto error = expand_into(set.value, state, value)) {
            BuildError e = explain(*error, state);
            e.message = fmt::format("<set var=\"{}\">: {}", set.var, e.message);
            return e;
        }
        if (redaction::is_secret_name(set.var)) {
            state.scrubber.add(value);
        }
        state.unavailable.erase(set.var);
        state.vars[set.var] = std::move(value);
    }
    return std::nullopt;
}

std::string bind_journey(const model::Journey& journey, const RunContext& context,
                         std::span<const Account* const> leased,
                         const std::vector<std::string>* row, JourneyState& state) {
    bind_bases(context, state);
    std::vector<std::string> secrets;
    std::string error;
    if (!leased.empty() && leased.size() == journey.accounts.size()) {
        for (std::size_t i = 0; i < leased.size(); ++i) {
            bind_account(journey.accounts[i], *leased[i], state.vars, secrets);
        }
    } else {
        error = bind_accounts(journey, context.accounts, state.vars, secrets);
    }
    for (const auto& s : secrets) {
        state.scrubber.add(s);
    }
    if (!error.empty()) {
        return error;
    }
    if (journey.feeder) {
        if (std::string row_error = bind_row(*journey.feeder, row, state); !row_error.empty()) {
            return row_error;
        }
    }
    // <var> values in document order: a var may use the ones before it.
    for (const auto& name : journey.variable_order) {
        std::string value;
        if (auto expand_error = expand_into(journey.variables.at(name), state, value)) {
            return fmt::format("<var name=\"{}\">: {}", name, *expand_error);
        }
        state.vars[name] = std::move(value);
    }
    return {};
}

} // namespace logintest::harness::engine
