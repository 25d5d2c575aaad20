// Writing a report file, creating its folder; returns an error text, empty on success.
#pragma once

#include <string>

namespace logintest::cli {

std::string write_output_file(const std::string& path, const std::string& content);

} // namespace logintest::cli
