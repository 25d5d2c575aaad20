// JSON helpers of the checks (see json_values.hpp).
#include "harness/checks/json_values.hpp"

#include "harness/redaction/redaction.hpp"

#include <boost/json.hpp>

#include <charconv>
#include <cstdint>

namespace logintest::harness::checks {

namespace json = boost::json;

std::string json_text(const json::value& v) {
    if (v.is_string()) {
        return std::string(v.get_string());
    }
    if (v.is_double()) {
        char buffer[32];
        const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v.get_double());
        if (ec == std::errc()) {
            return std::string(buffer, end);
        }
    }
    return json::serialize(v);
}

std::string json_shown(const json::value& v) {
    return v.is_double() ? json_text(v) : json::serialize(v);
}

namespace {

bool numbers_equal(const json::value& a, const json::value& b) {
    if (a.is_double() || b.is_double()) {
        return a.to_number<double>() == b.to_number<double>();
    }
    if (a.is_int64() && b.is_int64()) {
        return a.get_int64() == b.get_int64();
    }
    if (a.is_uint64() && b.is_uint64()) {
        return a.get_uint64() == b.get_uint64();
    }
    const json::value& i = a.is_int64() ? a : b;
    const json::value& u = a.is_int64() ? b : a;
    return i.get_int64() >= 0 && static_cast<std::uint64_t>(i.get_int64()) == u.get_uint64();
}

bool arrays_equal(const json::array& x, const json::array& y) {
    if (x.size() != y.size()) {
        return false;
    }
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (!json_equal(x[i], y[i])) {
            return false;
        }
    }
    return true;
}

bool objects_equal(const json::object& x, const json::object& y) {
    if (x.size() != y.size()) {
        return false;
    }
    for (const auto& [key, value] : x) {
        const auto* other = y.if_contains(key);
        if (other == nullptr || !json_equal(value, *other)) {
            return false;
        }
    }
    return true;
}

} // namespace

bool json_equal(const json::value& a, const json::value& b) {
    if (a.is_number() && b.is_number()) {
        return numbers_equal(a, b);
    }
    if (a.kind() != b.kind()) {
        return false;
    }
    if (a.is_array()) {
        return arrays_equal(a.get_array(), b.get_array());
    }
    if (a.is_object()) {
        return objects_equal(a.get_object(), b.get_object());
    }
    return a == b;
}

void redact_json(json::value& v) {
    if (v.is_object()) {
        for (auto& [key, child] : v.get_object()) {
            if (redaction::is_secret_name(key) && !child.is_null() && !child.is_structured()) {
                child = redaction::mask(json_text(child));
            } else {
                redact_json(child);
            }
        }
    } else if (v.is_array()) {
        for (auto& child : v.get_array()) {
            redact_json(child);
        }
    }
}

} // namespace logintest::harness::checks
