// The loader's limits by name (see limits.hpp): the table behind `--limit NAME=N` and the
// names the loader's messages and docs/scenario-format.md use.
#include "harness/scenario/limits.hpp"

#include <array>
#include <charconv>
#include <string>

namespace logintest::harness::scenario {
namespace {

struct Entry {
    std::string_view name;
    std::string_view what;
    std::size_t Limits::*member;
    bool bytes;
    // The highest value `--limit` accepts. The loader walks nested <if>/<option>s and includes
    // recursively, so their depths have a ceiling that keeps the walk far inside a thread's
    // stack (8 MiB; a sanitizer's frames are several times larger): found by
    // sanitize.address-undefined, where 3,000 levels overflowed it.
    std::size_t ceiling = std::size_t{1} << 40;
};

constexpr std::array<Entry, 14> entries = {{
    {"file-bytes", "bytes of one scenario or lib file", &Limits::file_bytes, true},
    {"journey-bytes", "bytes of a journey file and its includes", &Limits::journey_bytes, true},
    {"element-depth", "elements nested in elements", &Limits::element_depth, false, 1000},
    {"branch-depth", "<if>/<option>s around one element", &Limits::branch_depth, false, 1000},
    {"attributes", "attributes of one element", &Limits::attributes, false},
    {"include-depth", "includes nested in includes", &Limits::include_depth, false, 100},
    {"includes", "lib files inlined into one journey", &Limits::includes, false},
    {"steps", "steps of a journey (after includes and repeat)", &Limits::steps, false},
    {"checks", "checks of a journey", &Limits::checks, false},
    {"variables", "variables a journey defines", &Limits::variables, false},
    {"feeder-bytes", "bytes of a feeder file", &Limits::feeder_bytes, true},
    {"feeder-rows", "rows of a feeder file", &Limits::feeder_rows, false},
    {"feeder-columns", "columns of a feeder file", &Limits::feeder_columns, false},
    {"errors", "problems reported before the loader stops", &Limits::errors, false},
}};

const Entry* find(std::string_view name) {
    for (const Entry& e : entries) {
        if (e.name == name) {
            return &e;
        }
    }
    return nullptr;
}

// "123", "64KiB", "16MiB" (byte limits only).
std::optional<std::size_t> parse_value(std::string_view text, bool bytes) {
    std::size_t unit = 1;
    if (bytes && text.ends_with("KiB")) {
        unit = 1024;
        text.remove_suffix(3);
    } else if (bytes && text.ends_with("MiB")) {
        unit = 1024 * 1024;
        text.remove_suffix(3);
    }
    std::size_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value == 0 ||
        value > (std::size_t{1} << 40) / unit) {
        return std::nullopt;
    }
    return value * unit;
}

} // namespace

std::vector<LimitInfo> limit_names() {
    std::vector<LimitInfo> out;
    out.reserve(entries.size());
    for (const Entry& e : entries) {
        out.push_back({e.name, e.what});
    }
    return out;
}

std::optional<std::size_t> limit_value(const Limits& limits, std::string_view name) {
    const Entry* e = find(name);
    if (e == nullptr) {
        return std::nullopt;
    }
    return limits.*(e->member);
}

support::Result<Limits> with_limit(Limits limits, std::string_view assignment) {
    const auto eq = assignment.find('=');
    const std::string_view name = assignment.substr(0, eq);
    const Entry* e = find(name);
    if (eq == std::string_view::npos || e == nullptr) {
        std::string known;
        for (const Entry& entry : entries) {
            if (!known.empty()) {
                known += ", ";
            }
            known += entry.name;
        }
        return support::Problem{"", 0,
                                "--limit takes NAME=N with NAME one of " + known + ", not '" +
                                    std::string(assignment) + "'"};
    }
    const auto value = parse_value(assignment.substr(eq + 1), e->bytes);
    if (!value) {
        return support::Problem{"", 0,
                                "--limit " + std::string(name) + " takes a whole number above 0" +
                                    (e->bytes ? std::string(" (KiB or MiB allowed)") : "")};
    }
    if (*value > e->ceiling) {
        return support::Problem{"", 0,
                                "--limit " + std::string(name) + " is at most " +
                                    std::to_string(e->ceiling) +
                                    ": the loader walks that nesting recursively, and deeper "
                                    "would risk its stack"};
    }
    limits.*(e->member) = *value;
    return limits;
}

} // namespace logintest::harness::scenario
