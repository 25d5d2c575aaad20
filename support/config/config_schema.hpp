// ConfigSchema: reads a JSON configuration object into typed fields, collecting every problem
// as "<key path>: <what was expected>" instead of stopping at the first. A schema is a set of
// dotted key paths ("asurso.lockout.threshold"), each bound to a reader that checks the JSON
// type and range and stores the value; objects on the way to a known key are entered, every
// other key is reported as unknown (with a near miss suggested, or a fixed note). Used by the
// §23 mock configuration (mocks/mock_config.hpp), the mock's fault rules
// (mocks/common/faults.hpp) and the --target file (cli/target_file.hpp). Bound references must
// outlive apply(); a schema is used from one thread.
#pragma once

#include <boost/json/fwd.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace logintest::support {

// Reads one JSON value found at `path`; appends "<path>: ..." to `errors` on a problem and
// then leaves its target unchanged.
using ConfigReader = std::function<void(const boost::json::value& value, const std::string& path,
                                        std::vector<std::string>& errors)>;

// JSON's own name of the value's type: "null", "boolean", "number", "string", "array",
// "object" (integers are numbers).
std::string_view json_type_name(const boost::json::value& value);

enum class Integers { distinct, numbers };
// The kind of a value for messages: "a string", "an integer", "a number", "a boolean",
// "null", "an array", "an object"; with Integers::numbers an integer is "a number" too.
std::string_view json_kind(const boost::json::value& value, Integers integers = Integers::distinct);
// "<path>: expected <expected>, got <kind of value>".
std::string type_error(const std::string& path, std::string_view expected,
                       const boost::json::value& value);

// Readers for the common field types.
ConfigReader read_into(bool& out);
ConfigReader read_into(std::string& out);
ConfigReader read_into(long long& out, long long min, long long max);
ConfigReader read_into(int& out, int min, int max);
ConfigReader read_into(std::size_t& out, std::size_t min, std::size_t max);
ConfigReader read_into(double& out, double min, double max);
// An integer or null (null = nullopt).
ConfigReader read_into(std::optional<long long>& out, long long min, long long max);
// A number or null.
ConfigReader read_into(std::optional<double>& out, double min, double max);
// An array of strings.
ConfigReader read_into(std::vector<std::string>& out);
// An object whose values are strings.
ConfigReader read_into(std::map<std::string, std::string>& out);
// A string out of `choices`, stored as given.
ConfigReader read_choice(std::string& out, std::vector<std::string> choices);

class ConfigSchema {
public:
    // `path` is relative to the object apply() reads, e.g. "lockout.threshold".
    void add(std::string path, ConfigReader reader);

    // Reads `root` (which must be an object). `prefix` is prepended to every path in messages
    // ("faults.rules[0]"). Keys that were present are added to `seen` (full paths) if given.
    void apply(const boost::json::value& root, const std::string& prefix,
               std::vector<std::string>& errors, std::set<std::string>* seen = nullptr) const;

    // Every key path, sorted.
    std::vector<std::string> keys() const;

    // Replaces the near-miss suggestion after "unknown key" with a fixed note, e.g.
    // " (known: asurso, esia)".
    void set_unknown_key_note(std::string note) { unknown_key_note_ = std::move(note); }

private:
    void apply_object(const boost::json::value& object, const std::string& relative,
                      const std::string& prefix, std::vector<std::string>& errors,
                      std::set<std::string>* seen) const;
    std::string suggestion(const std::string& relative) const;

    std::map<std::string, ConfigReader> readers_;
    std::optional<std::string> unknown_key_note_;
};

} // namespace logintest::support
