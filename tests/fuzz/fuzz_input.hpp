// How the fuzz targets (tests/fuzz/*.cpp) cut their input into parts: line by line, so that a
// seed corpus of real requests, URLs and Set-Cookie headers stays readable. Header-only.
#pragma once

#include <string_view>

namespace logintest::fuzz {

// The input's next line, without its LF (the rest when there is no LF); `in` moves past it.
inline std::string_view next_line(std::string_view& in) {
    const auto end = in.find('\n');
    const std::string_view line = in.substr(0, end);
    in.remove_prefix(end == std::string_view::npos ? in.size() : end + 1);
    return line;
}

} // namespace logintest::fuzz
