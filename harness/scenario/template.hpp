// Template expansion: `${name}` is a variable, `${fn(arg, ...)}` a built-in function whose
// arguments are variable names, 'single-quoted' literals or nested calls; `$$` is a literal
// `$`. Used by the engine for every URL, header, form field, body and expected value.
// Pure functions; `parse_template` is also used by the loader to report problems at load.
#pragma once

#include "harness/model/scenario.hpp"
#include "harness/scenario/variables.hpp"

#include <string>
#include <vector>

namespace logintest::harness::scenario {

struct ExpandResult {
    std::string text;
    std::string error; // e.g. "undefined variable 'salt'"; empty on success
    bool ok() const { return error.empty(); }
};

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
