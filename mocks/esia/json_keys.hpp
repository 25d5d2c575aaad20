// GEN-9 for the esia JSON API: a member that arrives twice in a request object ("login" given
// twice) must be refused, but Boost.JSON's parser keeps only the last one. This scans the
// text with Boost.JSON's SAX parser and reports a repeated key of the top-level object.
// Pure; thread-safe.
#pragma once

#include <string_view>

namespace logintest::mocks::esia {

// True if the top-level JSON object of `text` has a key twice; false for anything else
// (including text that is not JSON: the caller's parse reports that).
bool has_repeated_top_level_key(std::string_view text);

} // namespace logintest::mocks::esia
