// parse_duration (see duration_text.hpp): number-unit pairs, summed.
#include "harness/load/duration_text.hpp"

#include <cctype>
#include <charconv>
#include <cmath>

namespace logintest::harness::load {

std::optional<double> parse_duration(std::string_view text) {
    if (text.empty()) {
        return std::nullopt;
    }
    double total = 0;
    while (!text.empty()) {
        std::size_t digits = 0;
        while (digits < text.size() &&
               (std::isdigit(static_cast<unsigned char>(text[digits])) || text[digits] == '.')) {
            ++digits;
        }
        if (digits == 0) {
            return std::nullopt;
        }
        double value = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + digits, value);
        if (ec != std::errc() || end != text.data() + digits || !std::isfinite(value)) {
            return std::nullopt;
        }
        text.remove_prefix(digits);
        std::size_t unit_length = 0;
        while (unit_length < text.size() &&
               std::isalpha(static_cast<unsigned char>(text[unit_length]))) {
            ++unit_length;
        }
        const std::string_view unit = text.substr(0, unit_length);
        text.remove_prefix(unit_length);
        if (unit == "us") {
            total += value / 1e6;
        } else if (unit == "ms") {
            total += value / 1e3;
        } else if (unit == "s") {
            total += value;
        } else if (unit == "m" || unit == "min") {
            total += value * 60;
        } else if (unit == "h") {
            total += value * 3600;
        } else {
            return std::nullopt;
        }
    }
    return total;
}

} // namespace logintest::harness::load
