// CsvTable: the data of a `<feeder>` (`scenarios/data/NAME.csv`): a header line of column
// names, then one row per line (RFC 4180: comma-separated, `"..."` quoting with `""` for a
// quote, CRLF or LF line ends, a UTF-8 BOM ignored, empty lines skipped). Pure parsing; a
// problem is reported with the 1-based line it is on.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace logintest::harness::scenario {

struct CsvTable {
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows; // each with columns.size() values
};

struct CsvError {
    int line = 0;
    std::string message;
};

struct CsvParse {
    CsvTable table;
    std::vector<CsvError> errors; // every malformed line, in order
    bool ok() const { return errors.empty(); }
};

[[nodiscard]] CsvParse parse_csv(std::string_view text);

} // namespace logintest::harness::scenario
