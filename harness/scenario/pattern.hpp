// Pattern: a scenario regex (ECMAScript syntax) compiled with Boost.Regex, whose matcher is
// not recursive and gives up with an error, never a crash, on a pathological pattern or a
// huge body (libstdc++'s std::regex overflows the stack on a few tens of KiB). The loader
// compiles a `matches` regex written without `${` once and keeps it in the model
// (model::Check::pattern; model::Extract::pattern is there for the <extract> loader to fill);
// checks, extractors and the engine (`<if matches>`) search with it; a templated regex is
// compiled after expansion. Immutable once compiled; safe to share between threads.
#pragma once

#include "harness/model/scenario.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace logintest::harness::scenario {

class Pattern {
public:
    // Nullopt with `error` set ("bad regex '...': ...") when the pattern does not compile.
    [[nodiscard]] static std::optional<Pattern> compile(const std::string& pattern,
                                                        std::string& error);
    // The same, shared as the model holds it: null with `error` set when it does not compile.
    [[nodiscard]] static model::CompiledPattern compile_shared(const std::string& pattern,
                                                               std::string& error);

    struct Match {
        bool found = false;
        std::string value; // the first group when the pattern has one, else the whole match
        std::string error; // the matcher gave up (too complex for this input); found is false
    };
    [[nodiscard]] Match search(std::string_view text) const;

    // Whether the pattern occurs in `text`, without copying the match (the checks' hot path).
    struct Test {
        bool found = false;
        std::string error; // the matcher gave up; found is false
    };
    [[nodiscard]] Test test(std::string_view text) const;

    struct Impl;

private:
    std::shared_ptr<const Impl> impl_;
};

} // namespace logintest::harness::scenario
