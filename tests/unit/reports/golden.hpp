// Golden files for the report writers: a rendered report is compared byte for byte with its
// file under tests/data/golden/reports/. To regenerate them after an intended change of a
// format, run the report tests with LOGINTEST_UPDATE_GOLDEN=1 in the environment
// (`LOGINTEST_UPDATE_GOLDEN=1 build/tests/unit_reports`), then review `git diff
// tests/data/golden` before committing. Used by tests/unit/reports/*_golden_test.cpp;
// single-threaded test helpers.
#pragma once

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>

namespace logintest::reports::testing {

inline std::string golden_path(const std::string& name) {
    return std::string(LOGINTEST_TEST_DATA) + "/golden/reports/" + name;
}

inline bool updating_golden_files() {
    const char* update = std::getenv("LOGINTEST_UPDATE_GOLDEN");
    return update != nullptr && std::string(update) == "1";
}

// What a writer that prints to a FILE* prints.
inline std::string capture(const std::function<void(std::FILE*)>& write) {
    char* buffer = nullptr;
    std::size_t size = 0;
    std::FILE* out = open_memstream(&buffer, &size);
    write(out);
    std::fclose(out);
    std::string text(buffer, size);
    std::free(buffer);
    return text;
}

// Compares `actual` with the golden file `name`, or rewrites it when updating.
inline void expect_golden(const std::string& name, const std::string& actual) {
    const std::string path = golden_path(name);
    if (updating_golden_files()) {
        std::ofstream(path, std::ios::binary) << actual;
        std::fprintf(stderr, "rewrote %s\n", path.c_str());
        return;
    }
    std::ifstream in(path, std::ios::binary);
    ASSERT_TRUE(in) << "no golden file " << path
                    << "; create it with LOGINTEST_UPDATE_GOLDEN=1 and review it";
    const std::string expected{std::istreambuf_iterator<char>(in),
                               std::istreambuf_iterator<char>()};
    EXPECT_EQ(expected, actual) << "the output differs from " << path
                                << "; if the change is intended, regenerate it with "
                                   "LOGINTEST_UPDATE_GOLDEN=1 and review the diff";
}

// The header every golden run shares (a RunResult or a LoadRunResult): the tool version, the
// embedded mock as target with its two bases, and the fixed start and finish stamps.
template <class Run> void fill_golden_header(Run& run) {
    run.tool_version = "0.1.0";
    run.target = "embedded mock";
    run.asurso_base = "https://asurso.ru";
    run.esia_base = "https://esia.gosuslugi.ru";
    run.started_at = "2026-01-02T03:04:05Z";
    run.finished_at = "2026-01-02T03:04:08Z";
}

} // namespace logintest::reports::testing
