// Helpers for the crypto tests: a private temporary directory, file I/O, and running the
// `openssl` command line (for interop checks against what the code does). Each test process
// gets its own directory, so ctest -j can run the cases side by side.
#pragma once

#include "support/text/file.hpp"

#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>

namespace logintest::crypto::testing {

class TempDir {
public:
    TempDir() {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "logintest-crypto-XXXXXX").string();
        if (mkdtemp(pattern.data()) != nullptr) {
            path_ = pattern;
        }
    }
    ~TempDir() {
        std::error_code ignored;
        if (!path_.empty()) {
            std::filesystem::remove_all(path_, ignored);
        }
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    bool ok() const { return !path_.empty(); }
    std::string file(std::string_view name) const { return (path_ / name).string(); }

private:
    std::filesystem::path path_;
};

inline void write_file(const std::string& path, std::string_view bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

inline std::string read_file(const std::string& path) {
    auto text = support::read_file(path);
    return text ? std::move(*text) : std::string();
}

inline bool openssl_on_path() {
    return std::system("command -v openssl >/dev/null 2>&1") == 0;
}

// Runs `openssl <args>` through the shell, its output in `dir`/openssl.log; the exit code
// (-1 when it did not run). `args` must quote its own paths (ours have no spaces).
inline int run_openssl(const TempDir& dir, const std::string& args) {
    const std::string command = "openssl " + args + " >>" + dir.file("openssl.log") + " 2>&1";
    const int status = std::system(command.c_str());
    if (status == -1 || !WIFEXITED(status)) {
        return -1;
    }
    return WEXITSTATUS(status);
}

inline std::string openssl_log(const TempDir& dir) {
    return read_file(dir.file("openssl.log"));
}

} // namespace logintest::crypto::testing

#define LOGINTEST_REQUIRE_OPENSSL_CLI()                                                            \
    do {                                                                                           \
        if (!::logintest::crypto::testing::openssl_on_path()) {                                    \
            GTEST_SKIP() << "the openssl command line tool is not on PATH";                        \
        }                                                                                          \
    } while (false)
