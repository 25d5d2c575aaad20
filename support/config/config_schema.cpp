// Typed JSON configuration readers and the key-path schema walker (config_schema.hpp).
#include "support/config/config_schema.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

namespace logintest::support {
namespace {

namespace json = boost::json;

std::string join(const std::string& prefix, const std::string& key) {
    return prefix.empty() ? key : prefix + "." + key;
}

template <class T> std::string range_text(std::string_view noun, T min, T max) {
    constexpr T lowest = std::numeric_limits<T>::lowest();
    constexpr T highest = std::numeric_limits<T>::max();
    std::string text(noun);
    if (min == lowest && max == highest) {
        return text;
    }
    auto str = [](T v) {
        if constexpr (std::is_floating_point_v<T>) {
            std::string s = std::to_string(v);
            s.erase(s.find_last_not_of('0') + 1);
            if (!s.empty() && s.back() == '.') {
                s.pop_back();
            }
            return s;
        } else {
            return std::to_string(v);
        }
    };
    if (max == highest) {
        return text + " >= " + str(min);
    }
    return text + " from " + str(min) + " to " + str(max);
}

// An integral JSON number within [min, max], or nullopt.
std::optional<long long> integer_of(const json::value& v, long long min, long long max) {
    long long n = 0;
    if (v.is_int64()) {
        n = v.get_int64();
    } else if (v.is_uint64()) {
        if (v.get_uint64() > static_cast<std::uint64_t>(std::numeric_limits<long long>::max())) {
            return std::nullopt;
        }
        n = static_cast<long long>(v.get_uint64());
    } else if (v.is_double()) {
        const double d = v.get_double();
        if (!std::isfinite(d) || std::trunc(d) != d || std::abs(d) > 9e18) {
            return std::nullopt;
        }
        n = static_cast<long long>(d);
    } else {
        return std::nullopt;
    }
    if (n < min || n > max) {
        return std::nullopt;
    }
    return n;
}

std::optional<double> number_of(const json::value& v, double min, double max) {
    if (!v.is_number()) {
        return std::nullopt;
    }
    const double d = v.is_double()  ? v.get_double()
                     : v.is_int64() ? static_cast<double>(v.get_int64())
                                    : static_cast<double>(v.get_uint64());
    if (!std::isfinite(d) || d < min || d > max) {
        return std::nullopt;
    }
    return d;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) {
        row[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = up;
        }
    }
    return row[b.size()];
}

} // namespace

std::string_view json_type_name(const json::value& value) {
    switch (value.kind()) {
    case json::kind::null:
        return "null";
    case json::kind::bool_:
        return "boolean";
    case json::kind::int64:
    case json::kind::uint64:
    case json::kind::double_:
        return "number";
    case json::kind::string:
        return "string";
    case json::kind::array:
        return "array";
    case json::kind::object:
        return "object";
    }
    return "?";
}

std::string_view json_kind(const json::value& value, Integers integers) {
    switch (value.kind()) {
    case json::kind::null:
        return "null";
    case json::kind::bool_:
        return "a boolean";
    case json::kind::int64:
    case json::kind::uint64:
        return integers == Integers::distinct ? "an integer" : "a number";
    case json::kind::double_:
        return "a number";
    case json::kind::string:
        return "a string";
    case json::kind::array:
        return "an array";
    case json::kind::object:
        return "an object";
    }
    return "a value";
}

std::string type_error(const std::string& path, std::string_view expected,
                       const json::value& value) {
    std::string got(json_kind(value));
    if (value.is_int64() || value.is_uint64()) {
        got += " (" + json::serialize(value) + ")";
    } else if (value.is_double()) {
        std::ostringstream number;
        number << value.get_double();
        got += " (" + number.str() + ")";
    }
    return path + ": expected " + std::string(expected) + ", got " + got;
}

namespace {

template <class T> struct Nullable : std::false_type { using type = T; };
template <class T> struct Nullable<std::optional<T>> : std::true_type { using type = T; };

// A reader that stores what `value_of` finds in the JSON value, or reports "<path>: expected
// <expected>, got ..."; into a std::optional, null resets it.
template <class Out, class ValueOf>
ConfigReader checked_reader(Out& out, std::string expected, ValueOf value_of) {
    return [&out, expected = std::move(expected), value_of](
               const json::value& v, const std::string& path, std::vector<std::string>& errors) {
        if constexpr (Nullable<Out>::value) {
            if (v.is_null()) {
                out.reset();
                return;
            }
        }
        const auto found = value_of(v);
        if (!found) {
            errors.push_back(type_error(path, expected, v));
            return;
        }
        out = static_cast<typename Nullable<Out>::type>(*found);
    };
}

auto integer_in(long long min, long long max) {
    return [min, max](const json::value& v) { return integer_of(v, min, max); };
}

auto number_in(double min, double max) {
    return [min, max](const json::value& v) { return number_of(v, min, max); };
}

} // namespace

ConfigReader read_into(bool& out) {
    return checked_reader(out, "a boolean (true or false)", [](const json::value& v) {
        return v.is_bool() ? std::optional<bool>(v.get_bool()) : std::nullopt;
    });
}

ConfigReader read_into(std::string& out) {
    return checked_reader(out, "a string", [](const json::value& v) {
        return v.is_string() ? std::optional<std::string>(v.get_string()) : std::nullopt;
    });
}

ConfigReader read_into(long long& out, long long min, long long max) {
    return checked_reader(out, range_text("an integer", min, max), integer_in(min, max));
}

ConfigReader read_into(int& out, int min, int max) {
    return checked_reader(out, range_text("an integer", min, max), integer_in(min, max));
}

ConfigReader read_into(std::size_t& out, std::size_t min, std::size_t max) {
    constexpr auto highest = static_cast<std::size_t>(std::numeric_limits<long long>::max());
    const auto lo = static_cast<long long>(std::min(min, highest));
    const auto hi = static_cast<long long>(std::min(max, highest));
    return checked_reader(out, range_text("an integer", lo, hi), integer_in(lo, hi));
}

ConfigReader read_into(double& out, double min, double max) {
    return checked_reader(out, range_text("a number", min, max), number_in(min, max));
}

ConfigReader read_into(std::optional<long long>& out, long long min, long long max) {
    return checked_reader(out, range_text("an integer", min, max) + " or null",
                          integer_in(min, max));
}

ConfigReader read_into(std::optional<double>& out, double min, double max) {
    return checked_reader(out, range_text("a number", min, max) + " or null", number_in(min, max));
}

ConfigReader read_into(std::vector<std::string>& out) {
    return [&out](const json::value& v, const std::string& path, std::vector<std::string>& errors) {
        if (!v.is_array()) {
            errors.push_back(type_error(path, "an array of strings", v));
            return;
        }
        std::vector<std::string> items;
        bool ok = true;
        const auto& array = v.get_array();
        for (std::size_t i = 0; i < array.size(); ++i) {
            if (!array[i].is_string()) {
                errors.push_back(
                    type_error(path + "[" + std::to_string(i) + "]", "a string", array[i]));
                ok = false;
                continue;
            }
            items.emplace_back(array[i].get_string());
        }
        if (ok) {
            out = std::move(items);
        }
    };
}

ConfigReader read_into(std::map<std::string, std::string>& out) {
    return [&out](const json::value& v, const std::string& path, std::vector<std::string>& errors) {
        if (!v.is_object()) {
            errors.push_back(type_error(path, "an object of strings", v));
            return;
        }
        std::map<std::string, std::string> items;
        bool ok = true;
        for (const auto& [key, item] : v.get_object()) {
            if (!item.is_string()) {
                errors.push_back(type_error(path + "." + std::string(key), "a string", item));
                ok = false;
                continue;
            }
            items[std::string(key)] = std::string(item.get_string());
        }
        if (ok) {
            out = std::move(items);
        }
    };
}

ConfigReader read_choice(std::string& out, std::vector<std::string> choices) {
    return [&out, choices = std::move(choices)](const json::value& v, const std::string& path,
                                                std::vector<std::string>& errors) {
        std::string expected = "one of";
        for (std::size_t i = 0; i < choices.size(); ++i) {
            expected += (i == 0 ? " \"" : ", \"") + choices[i] + "\"";
        }
        if (!v.is_string()) {
            errors.push_back(type_error(path, expected, v));
            return;
        }
        const std::string s(v.get_string());
        if (std::find(choices.begin(), choices.end(), s) == choices.end()) {
            errors.push_back(path + ": expected " + expected + ", got \"" + s + "\"");
            return;
        }
        out = s;
    };
}

void ConfigSchema::add(std::string path, ConfigReader reader) {
    readers_[std::move(path)] = std::move(reader);
}

void ConfigSchema::apply(const json::value& root, const std::string& prefix,
                         std::vector<std::string>& errors, std::set<std::string>* seen) const {
    if (!root.is_object()) {
        errors.push_back(type_error(prefix.empty() ? "(top level)" : prefix, "an object", root));
        return;
    }
    apply_object(root, "", prefix, errors, seen);
}

void ConfigSchema::apply_object(const json::value& object, const std::string& relative,
                                const std::string& prefix, std::vector<std::string>& errors,
                                std::set<std::string>* seen) const {
    for (const auto& [key_view, value] : object.get_object()) {
        const std::string rel = join(relative, std::string(key_view));
        const std::string full = join(prefix, rel);
        if (const auto it = readers_.find(rel); it != readers_.end()) {
            if (seen != nullptr) {
                seen->insert(full);
            }
            it->second(value, full, errors);
            continue;
        }
        const std::string below = rel + ".";
        const auto next = readers_.lower_bound(below);
        const bool is_section =
            next != readers_.end() && next->first.compare(0, below.size(), below) == 0;
        if (!is_section) {
            errors.push_back(full + ": unknown key" +
                             (unknown_key_note_ ? *unknown_key_note_ : suggestion(rel)));
            continue;
        }
        if (!value.is_object()) {
            errors.push_back(type_error(full, "an object", value));
            continue;
        }
        apply_object(value, rel, prefix, errors, seen);
    }
}

std::vector<std::string> ConfigSchema::keys() const {
    std::vector<std::string> out;
    for (const auto& [path, reader] : readers_) {
        out.push_back(path);
    }
    return out;
}

std::string ConfigSchema::suggestion(const std::string& relative) const {
    const auto dot = relative.rfind('.');
    const std::string parent = dot == std::string::npos ? "" : relative.substr(0, dot + 1);
    const std::string name = dot == std::string::npos ? relative : relative.substr(dot + 1);
    std::string best;
    std::size_t best_distance = std::max<std::size_t>(1, std::min<std::size_t>(2, name.size() / 3));
    bool found = false;
    for (const auto& [path, reader] : readers_) {
        if (path.compare(0, parent.size(), parent) != 0) {
            continue;
        }
        const std::string rest = path.substr(parent.size());
        const std::string candidate = rest.substr(0, rest.find('.'));
        const std::size_t d = edit_distance(name, candidate);
        if (d <= best_distance && (!found || d < best_distance)) {
            best = candidate;
            best_distance = d;
            found = true;
        }
    }
    return found ? " (did you mean \"" + parent + best + "\"?)" : "";
}

} // namespace logintest::support
