// ConfigSchema: reads a JSON configuration object into typed fields, collecting every problem
// as "<key path>: <what was expected>" instead of stopping at the first. A schema is a set of
// dotted key paths ("asurso.lockout.threshold"), each bound to a reader that checks the JSON
// type and range and stores the value; objects on the way to a known key are entered, every
// other key is reported as unknown (with a near miss suggested). Used by the §23 mock
// configuration (mock_config.hpp) and the fault rules (faults.hpp). Bound references must
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

namespace logintest::mocks::common {

// Reads one JSON value found at `path`; appends "<path>: ..." to `errors` on a problem and
// then leaves its target unchanged.
using ConfigReader = std::function<void(const boost::json::value& value, const std::string& path,
                                        std::vector<std::string>& errors)>;

// "a string", "an integer", "a number", "a boolean", "null", "an array", "an object".
std::string_view json_kind(const boost::json::value& value);
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

private:
    void apply_object(const boost::json::value& object, const std::string& relative,
                      const std::string& prefix, std::vector<std::string>& errors,
                      std::set<std::string>* seen) const;
    std::string suggestion(const std::string& relative) const;

    std::map<std::string, ConfigReader> readers_;
};

} // namespace logintest::mocks::common
