// Finding and loading scenario files for `check` and `validate` (see catalog.hpp). Folders are
// not searched recursively, so scenarios/lib/ (included journeys) and scenarios/load/ are
// never run as journeys of their own.
#include "cli/catalog.hpp"

#include "harness/engine/journey_runner.hpp"
#include "harness/scenario/spec_ids.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>

namespace logintest::cli {

namespace fs = std::filesystem;

std::string default_catalog_dir() {
    if (const char* env = std::getenv("LOGINTEST_SCENARIOS"); env && *env) {
        return env;
    }
    std::error_code ec;
    if (fs::is_directory("scenarios", ec) && fs::exists("scenarios/data/fixture.json", ec)) {
        return "scenarios";
    }
    return std::string(LOGINTEST_SOURCE_DIR) + "/scenarios";
}

Catalog load_catalog(const std::vector<std::string>& paths,
                     const harness::scenario::LoadOptions& options) {
    Catalog catalog;
    std::vector<std::string> files;
    for (const auto& path : paths) {
        std::error_code ec;
        if (fs::is_directory(path, ec)) {
            std::vector<std::string> found;
            for (const auto& entry : fs::directory_iterator(path, ec)) {
                if (entry.is_regular_file() && entry.path().extension() == ".xml") {
                    found.push_back(entry.path().string());
                }
            }
            std::sort(found.begin(), found.end());
            if (found.empty()) {
                catalog.errors.push_back({{path, 0}, "no scenario files (*.xml) in this folder"});
            }
            files.insert(files.end(), found.begin(), found.end());
        } else if (fs::exists(path, ec)) {
            files.push_back(path);
        } else {
            catalog.errors.push_back({{path, 0}, "no such file or folder"});
        }
    }
    const auto predefined = harness::engine::predefined_variables();
    // A problem in a lib/ file shows once, not once per journey that includes it.
    std::set<std::string> seen;
    for (const auto& file : files) {
        auto loaded = harness::scenario::load_journey_file(
            file, harness::scenario::SpecIds::builtin(), predefined, options);
        if (loaded.ok()) {
            catalog.journeys.push_back(std::move(*loaded.journey));
        }
        for (auto& error : loaded.errors) {
            if (seen.insert(harness::scenario::format_error(error)).second) {
                catalog.errors.push_back(std::move(error));
            }
        }
    }
    return catalog;
}

} // namespace logintest::cli
