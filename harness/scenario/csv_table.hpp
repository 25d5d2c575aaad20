// CsvTable: the data of a `<feeder>` (`scenarios/data/NAME.csv`): a header line of column
// names, then one row per line (RFC 4180: comma-separated, `"..."` quoting with `""` for a
// quote, CRLF or LF line ends, a UTF-8 BOM ignored, empty lines skipped). Pure parsing; a
// problem is reported with the 1-based line it is on; rows and columns are bounded.
#pragma once

#include <cstddef>
#include <optional>
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

// Bounds on a table: parsing stops at the first row or header beyond them.
struct CsvLimits {
    std::size_t rows = 100000;
    std::size_t columns = 256;
};

// Which bound a table went over: `what` in words ("has more than 100000 rows"), `limit` the
// limit's name (loader limits: feeder-rows, feeder-columns).
struct CsvOverLimit {
    std::string what;
    std::string limit;
};

struct CsvParse {
    CsvTable table;
    std::vector<CsvError> errors; // every malformed line, in order
    std::optional<CsvOverLimit> over_limit;
    bool ok() const { return errors.empty() && !over_limit; }
};

// Messages never quote the text: a data file's content stays out of every error.
[[nodiscard]] CsvParse parse_csv(std::string_view text, CsvLimits limits = {});

} // namespace logintest::harness::scenario
