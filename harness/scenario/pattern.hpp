// Pattern: a scenario regex (ECMAScript syntax) compiled with Boost.Regex, whose matcher is
// not recursive and gives up with an error, never a crash, on a pathological pattern or a
// huge body (libstdc++'s std::regex overflows the stack on a few tens of KiB). Used by the
// loader (syntax check), checks and extractors (`matches`, `regex`) and the engine (`<if>`).
// Immutable once compiled; safe to share between threads.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace logintest::harness::scenario {

class Pattern {
public:
    // Nullopt with `error` set ("bad regex '...': ...") when the pattern does not compile.
    static std::optional<Pattern> compile(const std::string& pattern, std::string& error);

    struct Match {
        bool found = false;
        std::string value; // the first group when the pattern has one, else the whole match
        std::string error; // the matcher gave up (too complex for this input); found is false
    };
    Match search(std::string_view text) const;

    struct Impl;

private:
    std::shared_ptr<const Impl> impl_;
};

} // namespace logintest::harness::scenario
