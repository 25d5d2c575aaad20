// `logintest check --target FILE`: a JSON file naming a deployment to check (docs/target.md):
// {"asurso","esia","resolve","ca_file","insecure","fixture","mock"}. Relative paths are
// resolved against the file's folder. Every problem (unreadable file, not JSON, an unknown
// key, a wrong type, a missing URL) is collected as one line naming the file and the key; any
// problem is a usage error (exit 3).
#pragma once

#include <string>
#include <vector>

namespace logintest::cli {

struct TargetFile {
    std::string asurso; // base URLs, no trailing slash
    std::string esia;
    std::vector<std::string> resolve; // host:port:address, like curl
    std::string ca_file;              // resolved against the file's folder; empty = none
    bool insecure = false;
    std::string fixture; // resolved against the file's folder; empty = the built-in one
    bool mock = false;   // the target is a mock: mock-only parts run, /mock/reset per journey
};

struct TargetFileLoad {
    TargetFile target;
    std::vector<std::string> errors; // "staging.json: insecure: expected true or false, got ..."
};

[[nodiscard]] TargetFileLoad load_target_file(const std::string& path);

// Parses the text of a target file read from `path` (used by load_target_file and tests).
[[nodiscard]] TargetFileLoad parse_target_file(const std::string& text, const std::string& path);

} // namespace logintest::cli
