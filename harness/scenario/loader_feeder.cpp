// The loader's <feeder file="data/NAME.csv" as="row"/>: the CSV is read now, relative to the
// scenario's folder, so a missing file or a malformed line is a load error (`file:line`); its
// columns become the variables `row.<column>` for everything after it.
#include "harness/scenario/csv_table.hpp"
#include "harness/scenario/loader_impl.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

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
    std::ifstream in(file, std::ios::binary);
    if (feeder.file.empty() || !in) {
        error(line_of(node, "file"), "cannot read the feeder file " + feeder.path);
        return;
    }
    std::ostringstream text;
    text << in.rdbuf();
    CsvParse csv = parse_csv(text.str());
    for (const CsvError& e : csv.errors) {
        errors_.push_back({{feeder.path, e.line}, e.message});
    }
    // The header's columns are defined even when a row is bad, so one bad line gives one error.
    for (const std::string& column : csv.table.columns) {
        const std::string name = feeder.as + "." + column;
        if (!schema::is_identifier(name, true)) {
            errors_.push_back({{feeder.path, 1},
                               "column " + schema::quoted(column) +
                                   " must hold only letters, digits, '_', '.', '-'"});
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
