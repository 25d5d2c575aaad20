// The loader's <feeder file="data/NAME.csv" as="row"/>: the CSV is read now, relative to the
// scenario's folder and inside the scenario tree (data_files.hpp), so a missing file or a
// malformed line is a load error (`file:line`, never the file's content); its columns become
// the variables `row.<column>` for everything after it.
#include "harness/scenario/csv_table.hpp"
#include "harness/scenario/loader_impl.hpp"

#include <filesystem>

namespace logintest::harness::scenario {

void Loader::load_feeder(const pugi::xml_node& node, model::Journey& journey) {
    check_no_children(node);
    if (!check_attributes(node, {"file", "as"}, {"file", "as"})) {
        return;
    }
    if (journey.feeder) {
        error(line_of(node), "a journey has at most one <feeder> (the first is at line " +
                                 std::to_string(journey.feeder->where.line) + ")");
        return;
    }
    model::Feeder feeder;
    feeder.file = node.attribute("file").value();
    feeder.as = node.attribute("as").value();
    feeder.where = where(node);
    if (!schema::is_identifier(feeder.as, false)) {
        error(line_of(node, "as"),
              "feeder name " + schema::quoted(feeder.as) + " must be letters, digits and '_'");
        return;
    }
    const std::filesystem::path base = std::filesystem::path(source_->path()).parent_path();
    const std::filesystem::path file = base / feeder.file;
    feeder.path = file.lexically_normal().string();
    if (feeder.file.empty()) {
        error(line_of(node, "file"), "the feeder file name is empty");
        return;
    }
    const Limits& limits = options_.limits;
    auto text = files_->read(file, limits.feeder_bytes, "feeder-bytes");
    if (!text) {
        // The reason names the file and why, never a byte of it.
        error(line_of(node, "file"),
              "cannot read the feeder file " + feeder.path + ": it " + text.problem().message);
        return;
    }
    CsvParse csv = parse_csv(*text, {limits.feeder_rows, limits.feeder_columns});
    for (const CsvError& e : csv.errors) {
        errors_.push_back({{feeder.path, e.line}, e.message});
    }
    if (csv.over_limit) {
        // The limit message is the scenario's: how to raise it is said at the <feeder>.
        limit_error(line_of(node, "file"),
                    "the feeder file " + feeder.path + " " + csv.over_limit->what,
                    csv.over_limit->limit, true);
        return;
    }
    // The header's columns are defined even when a row is bad, so one bad line gives one error.
    // A bad column is named by its position: the file may not be a CSV at all, and an error
    // never repeats what a data file holds.
    for (std::size_t i = 0; i < csv.table.columns.size(); ++i) {
        const std::string name = feeder.as + "." + csv.table.columns[i];
        if (!schema::is_identifier(name, true)) {
            LoadError bad;
            bad.where = {feeder.path, 1};
            bad.message = "column " + std::to_string(i + 1) +
                          " of the header must be named with letters, digits, '_', '.', '-' only";
            errors_.push_back(std::move(bad));
            continue;
        }
        defined_.insert(name);
        setup_defined_.insert(name);
    }
    if (!csv.ok()) {
        return;
    }
    feeder.columns = std::move(csv.table.columns);
    feeder.rows = std::move(csv.table.rows);
    journey.feeder = std::move(feeder);
}

} // namespace logintest::harness::scenario
