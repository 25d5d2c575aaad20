// Catalog: finds and loads the scenario files a command is given (files or folders; no
// argument = the shipped catalog), collecting every loader error of every file.
#pragma once

#include "harness/model/scenario.hpp"
#include "harness/scenario/loader.hpp"

#include <string>
#include <vector>

namespace logintest::cli {

struct Catalog {
    std::vector<harness::model::Journey> journeys;
    std::vector<harness::scenario::LoadError> errors;
};

// The shipped catalog folder: $LOGINTEST_SCENARIOS, else ./scenarios when it exists, else
// the source tree's scenarios/ (compiled in).
std::string default_catalog_dir();

// Expands folders into their *.xml files (sorted by name, not recursive: the lib/ folder of
// included journeys is never loaded as journeys) and loads them all; a problem of an included
// lib file is reported once.
Catalog load_catalog(const std::vector<std::string>& paths,
                     const harness::scenario::LoadOptions& options = {});

} // namespace logintest::cli
