// Building the mock's §23 configuration from the command line, shared by `logintest mock`
// and the embedded mock of `logintest check`: the --config / --mock-config file, then the
// options that add to it (--defect, --fault). Every problem is collected as one line naming
// the file or option, the key and what was expected; any problem is a usage error (exit 3).
#pragma once

#include "mocks/mock_config.hpp"

#include <string>
#include <vector>

namespace logintest::cli {

struct MockConfigLoad {
    mocks::MockConfig config;
    std::vector<std::string> errors; // "mock.json: asurso.lockout.threshold: expected ..."
};

// Reads and parses the file; an empty path gives the §23 defaults.
[[nodiscard]] MockConfigLoad load_mock_config_file(const std::string& path);

// Adds start-up defects (names of either host); unknown names are errors.
void add_mock_defects(MockConfigLoad& load, const std::vector<std::string>& names,
                      const std::string& option = "--defect");

// Adds fault rules, each a JSON rule object, a whole {"seed","rules"} object (its seed
// replaces the current one), or the short form kind:method:path[:param=value,...].
void add_mock_faults(MockConfigLoad& load, const std::vector<std::string>& specs);

} // namespace logintest::cli
