// The scenario loader's working state (internal to harness/scenario): one Loader per journey
// file walks its pugixml tree and the files it includes, builds model::Journey and collects
// every problem with its file and line. Its parts live in one file per concept:
// loader.cpp (files, the journey, errors, templates), loader_variables.cpp (<account>, <var>,
// <set>), loader_include.cpp (<include>, lib files, <param>/<with>), loader_steps.cpp
// (<step> and its request parts, <extract>), loader_expect.cpp (<expect>).
#pragma once

#include "harness/model/scenario.hpp"
#include "harness/scenario/data_files.hpp"
#include "harness/scenario/limits.hpp"
#include "harness/scenario/loader.hpp"
#include "harness/scenario/loader_schema.hpp"
#include "harness/scenario/loader_source.hpp"

#include <pugixml.hpp>

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace logintest::harness::scenario {

using VarSet = std::set<std::string, std::less<>>;

// The variables defined at an element: a set, plus (inside a <step>) the step's own extracts,
// kept apart so that loading a step never copies every variable of the journey (that copy made
// steps times variables the cost of a load). Refers to sets it does not own.
class DefinedVars {
public:
    DefinedVars(const VarSet& base, const VarSet* extra = nullptr) // NOLINT: implicit on purpose
        : base_(&base), extra_(extra) {}
    bool contains(std::string_view name) const {
        return base_->contains(name) || (extra_ != nullptr && extra_->contains(name));
    }

private:
    const VarSet* base_;
    const VarSet* extra_;
};

// The <if>/<option>s around an element, innermost first: each nesting level adds one link
// and shares the outer ones, so entering a level costs O(1), not a copy of every guard
// around it (which made deep nesting quadratic in memory). Immutable once made.
struct GuardLink {
    model::Guard guard;
    std::shared_ptr<const GuardLink> outer;
    std::size_t depth = 1; // links in the chain, this one included
};
using GuardChain = std::shared_ptr<const GuardLink>;

class Loader {
public:
    Loader(const SpecIds& ids, const std::vector<std::string>& predefined,
           const LoadOptions& options);
    LoadResult load(std::string path, std::string text);

private:
    // How the elements being loaded are inlined into the journey.
    struct Scope {
        std::string prefix;     // step-name prefix of the includes around them
        bool mock_only = false; // inside an <include mock-only="true">
        bool in_lib = false;    // a lib file: <param> allowed, <account> and <var> not
        GuardChain guards;      // the <if>/<option>s around the elements (null: none)
    };
    // The scope's guards in model order (outermost first), for a step or a set.
    static std::vector<model::Guard> guards_of(const Scope& scope);
    // `scope` with one more guard inside it; false (after an error) beyond branch-depth.
    bool enter_guard(const pugi::xml_node& node, const Scope& scope, model::Guard guard,
                     Scope& inner);

    // Where a variable is first defined, for "used before it is defined" messages.
    struct Definition {
        std::string by;
        std::string file;
        int line = 0;
    };

    // --- positions, errors, attributes, templates (loader.cpp) ---
    int line_of(const pugi::xml_node& node) const { return source_->line_of(node); }
    int line_of(const pugi::xml_node& node, std::string_view name) const {
        return source_->line_of(node, name);
    }
    model::SourceLocation where(const pugi::xml_node& node) const {
        return {source_->path(), line_of(node)};
    }
    void error(int line, std::string message);

    // --- limits (loader_limits.cpp) ---
    // Depth, attributes per element: checked on a file's tree before anything is loaded
    // (iteratively, so any depth is safe); false after an error.
    bool check_structure(const SourceText& file);
    // Steps, checks, variables, problems so far: false (after one error, and the load stops)
    // once one is over its limit.
    bool within_counts(const model::Journey& journey, const pugi::xml_node& at);
    // An error about limit `name` at `line`, with its value and how to raise it.
    void limit_error(int line, std::string_view what, std::string_view name, bool raisable);
    static std::string element(const pugi::xml_node& node);
    bool check_attributes(const pugi::xml_node& node, const schema::Names& allowed,
                          const schema::Names& required);
    void check_no_text(const pugi::xml_node& node);
    void check_no_children(const pugi::xml_node& node);
    void check_template(const std::string& text, int line, std::string_view what,
                        const DefinedVars& defined);
    // A `true`/`false` attribute; absent = false; anything else is an error (and false).
    bool flag(const pugi::xml_node& node, std::string_view name);

    // --- the journey and its children (loader.cpp) ---
    void load_journey(const pugi::xml_node& root, model::Journey& journey);
    void load_children(const pugi::xml_node& root, model::Journey& journey, const Scope& scope);

    // --- variables (loader_variables.cpp) ---
    void prescan(const pugi::xml_node& root);
    void load_account(const pugi::xml_node& node, model::Journey& journey);
    void load_account_kind(const pugi::xml_node& node, model::AccountUse& account);
    void check_account_pool(const pugi::xml_node& node, const model::AccountUse& account);
    std::optional<int> account_scid(const pugi::xml_node& node);
    template <std::size_t N>
    void define_account_fields(const std::string& as,
                               const std::array<std::string_view, N>& fields);
    void load_var(const pugi::xml_node& node, model::Journey& journey);
    void load_set(const pugi::xml_node& node, const Scope& scope);
    // <feeder> (loader_feeder.cpp): reads the CSV, defines `as.<column>`.
    void load_feeder(const pugi::xml_node& node, model::Journey& journey);
    // The variable name of a <var>, <set>, <extract> or <param>: an error when it is not one.
    bool check_variable_name(const pugi::xml_node& node, std::string_view attr,
                             const std::string& name);

    // --- run-time branches (loader_branches.cpp) ---
    void load_if(const pugi::xml_node& node, model::Journey& journey, const Scope& scope);
    void load_choose(const pugi::xml_node& node, model::Journey& journey, const Scope& scope);

    // --- includes (loader_include.cpp) ---
    // A <with> of an <include>, and whether a <param> of the lib file named it.
    struct IncludeWith {
        std::string value;
        model::SourceLocation where;
        bool used = false;
    };
    struct IncludeWiths {
        std::map<std::string, IncludeWith, std::less<>> by_name;
        std::vector<std::string> order; // as written
    };
    // The <include> being inlined, as its lib file's loading needs it.
    struct IncludeCall {
        std::string name; // the lib journey's name
        int line = 0;     // of the <include>, in the includer
        bool mock_only = false;
        const SourceText* includer = nullptr;
    };
    void load_include(const pugi::xml_node& node, model::Journey& journey, const Scope& scope);
    bool check_include_attributes(const pugi::xml_node& node);
    IncludeWiths load_withs(const pugi::xml_node& node);
    bool is_include_cycle(const std::string& path, int line);
    // The lib file's text, kept in sources_; null (after an error) when it cannot be read.
    SourceText* read_include(const pugi::xml_node& node, const std::string& name,
                             const std::string& path);
    pugi::xml_node include_root(SourceText& lib, const std::string& name);
    void bind_params(const pugi::xml_node& root, IncludeWiths& withs, const IncludeCall& call,
                     const Scope& scope);
    std::vector<std::string> load_params(const pugi::xml_node& root, IncludeWiths& withs,
                                         const IncludeCall& call);

    // --- steps (loader_steps.cpp) ---
    void load_step(const pugi::xml_node& node, model::Journey& journey, const Scope& scope);
    void check_step_name(const pugi::xml_node& node, const model::Step& step, const Scope& scope);
    void load_step_options(const pugi::xml_node& node, model::Step& step);
    int step_repeat(const pugi::xml_node& node);
    void load_step_children(const pugi::xml_node& node, model::Step& step);
    std::optional<model::NamedTemplate> load_named(const pugi::xml_node& node);
    void load_body(const pugi::xml_node& node, model::Step& step);
    std::optional<model::Extract> load_extract(const pugi::xml_node& node,
                                               const DefinedVars& defined);
    const schema::ExtractSpec* extract_source(const pugi::xml_node& node);
    static std::string extract_problem(const model::Extract& ex, std::string_view source_xml);
    bool extract_secret(const pugi::xml_node& node, const std::string& var);

    // --- expectations (loader_expect.cpp) ---
    void load_expect(const pugi::xml_node& node, model::Step& step, const DefinedVars& defined);
    bool validate_path(const model::Check& check, int line, const DefinedVars& defined);
    bool validate_op(model::Check& check, int line, const DefinedVars& defined);

    const SpecIds& ids_;
    const LoadOptions& options_;
    std::optional<DataFiles> files_; // set by load(): the journey file's tree
    bool stopped_ = false;           // a count limit was reached: load nothing more
    std::size_t checks_ = 0;         // <expect>s loaded into steps
    std::size_t includes_ = 0;       // lib files read
    std::size_t bytes_ = 0;          // of the journey file and the lib files read
    VarSet predefined_;
    VarSet setup_defined_; // what <var>s may use: predefined, accounts, earlier vars
    VarSet defined_;       // what is defined at the element being loaded
    std::vector<LoadError> errors_;
    std::vector<std::unique_ptr<SourceText>> sources_; // the journey file, then its includes
    const SourceText* source_ = nullptr;               // the file being read
    std::vector<std::string> include_stack_;           // canonical paths, for cycles
    std::map<std::string, Definition, std::less<>> definitions_;
    std::map<std::string, model::SourceLocation, std::less<>> step_lines_;
    std::vector<model::Assignment> pending_sets_; // <set>s waiting for the next step
};

} // namespace logintest::harness::scenario
