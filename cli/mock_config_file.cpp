// The mock configuration from file and options (mock_config_file.hpp).
#include "cli/mock_config_file.hpp"

#include "mocks/common/defects.hpp"
#include "mocks/common/faults.hpp"
#include "support/text/file.hpp"
#include "support/text/strings.hpp"

#include <algorithm>

namespace logintest::cli {

MockConfigLoad load_mock_config_file(const std::string& path) {
    MockConfigLoad load;
    if (path.empty()) {
        return load;
    }
    const auto text = support::read_file(path);
    if (!text) {
        load.errors.push_back("cannot read " + path + ": " + text.problem().message);
        return load;
    }
    auto parsed = mocks::parse_mock_config(*text);
    load.config = std::move(parsed.config);
    for (auto& e : parsed.errors) {
        load.errors.push_back(path + ": " + e);
    }
    return load;
}

void add_mock_defects(MockConfigLoad& load, const std::vector<std::string>& names,
                      const std::string& option) {
    for (const auto& name : names) {
        if (!mocks::common::find_defect(name)) {
            load.errors.push_back(option + " " + name +
                                  ": unknown defect (logintest mock --list-defects lists them)");
            continue;
        }
        auto& defects = load.config.defects;
        if (std::find(defects.begin(), defects.end(), name) == defects.end()) {
            defects.push_back(name);
        }
    }
}

void add_mock_faults(MockConfigLoad& load, const std::vector<std::string>& specs) {
    auto& faults = load.config.faults;
    for (const auto& spec : specs) {
        if (support::trim_ows(spec).starts_with('{')) {
            // JSON: a whole fault configuration, or one rule.
            const bool whole = spec.find("\"rules\"") != std::string::npos;
            auto parsed = mocks::common::parse_fault_config_text(
                whole ? spec : "{\"rules\":[" + spec + "]}", "--fault");
            if (!parsed.config) {
                for (auto& e : parsed.errors) {
                    load.errors.push_back(e);
                }
                continue;
            }
            if (whole) {
                faults.seed = parsed.config->seed;
            }
            for (auto& rule : parsed.config->rules) {
                faults.rules.push_back(std::move(rule));
            }
            continue;
        }
        auto parsed = mocks::common::parse_fault_short_form(spec);
        if (!parsed.config) {
            for (auto& e : parsed.errors) {
                load.errors.push_back(e);
            }
            continue;
        }
        for (auto& rule : parsed.config->rules) {
            faults.rules.push_back(std::move(rule));
        }
    }
}

} // namespace logintest::cli
