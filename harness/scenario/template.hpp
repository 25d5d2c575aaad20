// Template expansion: `${name}` is a variable, `${fn(arg, ...)}` a built-in function whose
// arguments are variable names, 'single-quoted' literals or nested calls; `$$` is a literal
// `$`. Used by the engine for every URL, header, form field, body and expected value.
// Pure functions; `parse_template` is also used by the loader to report problems at load.
// Bounded: nesting depth and the size of what an expansion makes are limited (below).
#pragma once

#include "harness/model/scenario.hpp"
#include "harness/scenario/variables.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace logintest::harness::scenario {

struct ExpandResult {
    std::string text;
    std::string error; // e.g. "undefined variable 'salt'"; empty on success
    bool ok() const { return error.empty(); }
};

// The most an expansion may produce, and any value inside it (a function's result): a
// template that would grow beyond (e.g. `<set var="a" value="${concat(a, a)}"/>` run again and
// again) fails with an error instead of exhausting memory. As large as the largest body the
// client accepts (http::ClientOptions::max_body_bytes), so any extracted value fits.
inline constexpr std::size_t max_expansion_bytes = 16 * 1024 * 1024;
// Function calls nested in one placeholder: `${f(g(h(x)))}` is 3.
inline constexpr int max_call_depth = 32;

[[nodiscard]] ExpandResult expand(const model::Template& tpl, const Variables& vars);

// One function call in a template, with the number of arguments it was given.
struct FunctionCall {
    std::string name;
    std::size_t arg_count = 0;
};

// What a template refers to, for load-time validation.
struct TemplateRefs {
    std::vector<std::string> variables;
    std::vector<std::string> functions;
    std::string syntax_error;        // empty when the template parses
    std::vector<FunctionCall> calls; // every call, nested ones included, in text order
    bool has_placeholders = false;   // at least one `${...}`
};

[[nodiscard]] TemplateRefs parse_template(const model::Template& tpl);

} // namespace logintest::harness::scenario
