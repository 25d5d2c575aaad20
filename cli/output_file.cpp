// Report files: create the parent folder, write, and say clearly what failed.
#include "cli/output_file.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace logintest::cli {

std::string write_output_file(const std::string& path, const std::string& content) {
    const std::filesystem::path file(path);
    std::error_code ec;
    if (file.has_parent_path()) {
        std::filesystem::create_directories(file.parent_path(), ec);
    }
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out || !out.write(content.data(), static_cast<std::streamsize>(content.size()))) {
        return "cannot write " + path + ": " + std::strerror(errno);
    }
    return {};
}

} // namespace logintest::cli
