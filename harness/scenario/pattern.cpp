// Scenario regexes on Boost.Regex (see pattern.hpp).
#include "harness/scenario/pattern.hpp"

#include <boost/regex.hpp>

namespace logintest::harness::scenario {

struct Pattern::Impl {
    boost::regex re;
};

namespace {

constexpr const char* gave_up = "the regex could not be evaluated on this text: ";

} // namespace

std::optional<Pattern> Pattern::compile(const std::string& pattern, std::string& error) {
    try {
        Pattern p;
        p.impl_ =
            std::make_shared<const Impl>(Impl{boost::regex(pattern, boost::regex::ECMAScript)});
        return p;
    } catch (const std::exception& e) {
        error = "bad regex '" + pattern + "': " + e.what();
        return std::nullopt;
    }
}

model::CompiledPattern Pattern::compile_shared(const std::string& pattern, std::string& error) {
    auto compiled = compile(pattern, error);
    if (!compiled) {
        return nullptr;
    }
    return std::make_shared<const Pattern>(std::move(*compiled));
}

Pattern::Match Pattern::search(std::string_view text) const {
    Match result;
    try {
        boost::match_results<std::string_view::const_iterator> m;
        if (boost::regex_search(text.begin(), text.end(), m, impl_->re)) {
            result.found = true;
            result.value = m.size() > 1 ? m[1].str() : m[0].str();
        }
    } catch (const std::exception& e) {
        result.error = std::string(gave_up) + e.what();
    }
    return result;
}

Pattern::Test Pattern::test(std::string_view text) const {
    Test result;
    try {
        result.found = boost::regex_search(text.begin(), text.end(), impl_->re);
    } catch (const std::exception& e) {
        result.error = std::string(gave_up) + e.what();
    }
    return result;
}

} // namespace logintest::harness::scenario
