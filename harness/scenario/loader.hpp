// The scenario loader: XML (pugixml) -> model::Journey, collecting every problem with its
// file and line (unknown element or attribute, missing attribute, bad regex, unknown
// function or clause id, variable used before it is defined) instead of stopping at the
// first. <include>d lib journeys (lib/NAME.xml beside the file) are inlined, their problems
// reported with their own file and line. Result objects only; never throws for bad input.
// Bounded for any input: sizes, depths and counts have limits (limits.hpp), and the files a
// scenario names must be regular files inside its tree (data_files.hpp). Loading a text with
// LoadOptions::files set never touches the file system (the fuzzing entry point).
#pragma once

#include "harness/model/scenario.hpp"
#include "harness/scenario/limits.hpp"
#include "harness/scenario/spec_ids.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace logintest::harness::scenario {

struct LoadError {
    model::SourceLocation where;
    std::string message;
};

struct LoadResult {
    std::optional<model::Journey> journey; // set only when errors is empty
    std::vector<LoadError> errors;
    bool ok() const { return errors.empty(); }
};

// `predefined` are the variables the engine provides before the first step (asurso, esia,
// ...); anything else must be defined by the journey before its first use.
// The file must be a regular file of at most `options.limits.file_bytes`.
[[nodiscard]] LoadResult load_journey_file(const std::string& path, const SpecIds& ids,
                                           const std::vector<std::string>& predefined,
                                           const LoadOptions& options = {});
// `file_name` also locates included lib journeys (its folder + lib/) and feeders; its folder is
// the scenario tree. With `options.files`, those are read from memory only.
[[nodiscard]] LoadResult load_journey_text(std::string_view xml, const std::string& file_name,
                                           const SpecIds& ids,
                                           const std::vector<std::string>& predefined,
                                           const LoadOptions& options = {});

// "file:line: message", the format every tool prints loader errors in.
std::string format_error(const LoadError& error);

// The variables the engine provides to every journey before its first step: `asurso`, `esia`
// (public base URLs without a trailing slash), `asurso.host`, `esia.host`.
const std::vector<std::string>& standard_variables();

} // namespace logintest::harness::scenario
