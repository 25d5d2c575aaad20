// Whole-file reading (file.hpp).
#include "support/text/file.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

namespace logintest::support {

Result<std::string> read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return Problem{path.string(), 0, std::strerror(errno)};
    }
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

} // namespace logintest::support
