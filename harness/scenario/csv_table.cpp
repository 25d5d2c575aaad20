// RFC 4180 CSV for feeders (see csv_table.hpp). Hand-written on purpose: none of the kept
// libraries (Boost, {fmt}, pugixml) reads CSV, the format is small, and the parser must report
// the 1-based line of each problem, which a general CSV library would not give us for free.
#include "harness/scenario/csv_table.hpp"

namespace logintest::harness::scenario {
namespace {

struct Record {
    std::vector<std::string> fields;
    int line = 0;
    bool blank = false;
    bool too_wide = false; // more than max_fields fields: the rest were not kept
    std::string error;
};

// Malformed lines reported before the parser stops (a binary file is malformed everywhere).
constexpr std::size_t max_errors = 100;

// Reads one record starting at `pos` (a quoted field may span lines); advances pos and line.
Record read_record(std::string_view text, std::size_t& pos, int& line, std::size_t max_fields) {
    Record record;
    record.line = line;
    std::string field;
    bool quoted = false;
    bool was_quoted = false;
    bool any = false;
    while (pos < text.size()) {
        const char c = text[pos];
        if (quoted) {
            if (c == '"') {
                if (pos + 1 < text.size() && text[pos + 1] == '"') {
                    field += '"';
                    pos += 2;
                    continue;
                }
                quoted = false;
                ++pos;
                continue;
            }
            if (c == '\n') {
                ++line;
            }
            field += c;
            ++pos;
            continue;
        }
        if (c == '\r' || c == '\n') {
            pos += (c == '\r' && pos + 1 < text.size() && text[pos + 1] == '\n') ? 2 : 1;
            ++line;
            record.blank = !any && field.empty() && !was_quoted;
            record.fields.push_back(std::move(field));
            return record;
        }
        any = true;
        if (c == ',') {
            if (record.fields.size() < max_fields) {
                record.fields.push_back(std::move(field));
            } else {
                record.too_wide = true;
            }
            field.clear();
            was_quoted = false;
        } else if (c == '"' && field.empty() && !was_quoted) {
            quoted = true;
            was_quoted = true;
        } else if (c == '"' || was_quoted) {
            record.error = "a quote inside an unquoted field, or text after a closing quote "
                           "(quote the whole field and write \"\" for a quote)";
            field += c;
        } else {
            field += c;
        }
        ++pos;
    }
    if (quoted) {
        record.error = "a quoted field is not closed";
    }
    record.blank = !any && field.empty() && !was_quoted;
    record.fields.push_back(std::move(field));
    return record;
}

} // namespace

CsvParse parse_csv(std::string_view text, CsvLimits limits) {
    CsvParse result;
    if (text.starts_with("\xEF\xBB\xBF")) {
        text.remove_prefix(3);
    }
    std::size_t pos = 0;
    int line = 1;
    bool header = true;
    while (pos < text.size()) {
        Record record = read_record(text, pos, line, limits.columns);
        if (record.blank) {
            continue;
        }
        if (!record.error.empty()) {
            result.errors.push_back({record.line, record.error});
            if (result.errors.size() >= max_errors) {
                result.errors.push_back({line, "too many malformed lines: stopped reading"});
                return result;
            }
            continue;
        }
        if (record.too_wide || record.fields.size() > limits.columns) {
            result.over_limit = {"has more than " + std::to_string(limits.columns) +
                                     " columns (line " + std::to_string(record.line) + ")",
                                 "feeder-columns"};
            return result;
        }
        if (!header && result.table.rows.size() >= limits.rows) {
            result.over_limit = {"has more than " + std::to_string(limits.rows) + " rows",
                                 "feeder-rows"};
            return result;
        }
        if (header) {
            header = false;
            for (std::size_t i = 0; i < record.fields.size(); ++i) {
                if (record.fields[i].empty()) {
                    result.errors.push_back(
                        {record.line, "column " + std::to_string(i + 1) + " has no name"});
                }
            }
            result.table.columns = std::move(record.fields);
            continue;
        }
        if (record.fields.size() != result.table.columns.size()) {
            result.errors.push_back(
                {record.line, "the row has " + std::to_string(record.fields.size()) +
                                  " values, the header " +
                                  std::to_string(result.table.columns.size()) + " columns"});
            if (result.errors.size() >= max_errors) {
                result.errors.push_back({line, "too many malformed lines: stopped reading"});
                return result;
            }
            continue;
        }
        result.table.rows.push_back(std::move(record.fields));
    }
    if (header) {
        result.errors.push_back({1, "the file is empty: it needs a header line of column names"});
    } else if (result.table.rows.empty() && result.errors.empty()) {
        result.errors.push_back({line, "the file has a header but no rows"});
    }
    return result;
}

} // namespace logintest::harness::scenario
