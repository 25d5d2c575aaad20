// Fuzz target: the scenario loader (harness/scenario/loader.cpp) on XML text, through
// load_journey_text as `logintest validate` and the catalog use it. The file is named as if it
// lay in a per-process temporary folder whose lib/ holds a copy of the catalog's
// scenarios/lib, so <include>s of the shipped lib journeys resolve, and feeders read nothing.
// Beyond "no crash, no leak, no UB" it asserts: a journey is returned exactly when there is no
// error; every error has a message and a line >= 1 in a named file; format_error gives "file:line:
// message"; a loaded journey has at least one step. Inputs that name device or proc files
// (/dev/zero, /proc/...) are skipped: the loader reads feeder files as it loads (finding 4 of issue
// 10 bounds that), and an endless file is not a parser bug.
#include "harness/scenario/loader.hpp"
#include "tests/fuzz/fuzz_check.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

namespace {

using namespace logintest::harness::scenario;

const std::string& scenario_path() {
    static const std::string path = [] {
        std::string dir = (std::filesystem::temp_directory_path() / "logintest-fuzz-XXXXXX");
        if (mkdtemp(dir.data()) == nullptr) {
            std::abort();
        }
        const std::filesystem::path lib = std::filesystem::path(dir) / "lib";
        std::filesystem::create_directories(lib);
        std::error_code ec; // without the catalog's lib, includes are errors: still fuzzed
        std::filesystem::copy(LOGINTEST_SOURCE_DIR "/scenarios/lib", lib, ec);
        return (std::filesystem::path(dir) / "fuzz.xml").string();
    }();
    return path;
}

bool names_special_files(std::string_view xml) {
    for (const std::string_view bad : {"dev/", "proc/", "sys/", "/dev", "/proc", "/sys"}) {
        if (xml.find(bad) != std::string_view::npos) {
            return true;
        }
    }
    return false;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view xml(reinterpret_cast<const char*>(data), size);
    if (names_special_files(xml)) {
        return -1; // not added to the corpus
    }
    const LoadResult result =
        load_journey_text(xml, scenario_path(), SpecIds::builtin(), standard_variables());
    FUZZ_ASSERT(result.ok() == result.journey.has_value(), "journey set iff no error");
    for (const LoadError& error : result.errors) {
        FUZZ_ASSERT(!error.message.empty(), "an error says what is wrong");
        FUZZ_ASSERT(error.where.line >= 1, error.message);
        FUZZ_ASSERT(!error.where.file.empty(), error.message);
        const std::string text = format_error(error);
        FUZZ_ASSERT(text.starts_with(error.where.file + ":"), text);
    }
    if (result.journey) {
        FUZZ_ASSERT(!result.journey->steps.empty(), "a loaded journey has a step");
    }
    return 0;
}
