// JourneyMix and the mix parsers (see journey_mix.hpp).
#include "harness/load/journey_mix.hpp"

#include "support/text/strings.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace logintest::harness::load {

JourneyMix::JourneyMix(const std::vector<double>& weights) {
    double total = 0;
    for (double w : weights) {
        total += std::max(0.0, w);
    }
    double running = 0;
    for (double w : weights) {
        running += std::max(0.0, w);
        cumulative_.push_back(total > 0 ? running / total : 1.0);
    }
    if (!cumulative_.empty()) {
        cumulative_.back() = 1.0;
    }
}

std::size_t JourneyMix::pick(std::uint64_t draw) const {
    if (cumulative_.size() <= 1) {
        return 0;
    }
    // 53 random bits -> [0, 1).
    const double u = static_cast<double>(draw >> 11) * 0x1.0p-53;
    const auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), u);
    return std::min(static_cast<std::size_t>(it - cumulative_.begin()), cumulative_.size() - 1);
}

double JourneyMix::share(std::size_t journey) const {
    if (journey >= cumulative_.size()) {
        return 0;
    }
    return cumulative_[journey] - (journey == 0 ? 0.0 : cumulative_[journey - 1]);
}

std::uint64_t splitmix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::uint64_t arrival_draw(std::uint64_t seed, std::uint64_t k) {
    std::uint64_t state = seed * 0x2545f4914f6cdd1dULL ^ k;
    splitmix64(state);
    return splitmix64(state);
}

namespace {

std::optional<double> parse_weight(std::string_view text) {
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() ||
        !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

} // namespace

MixParse parse_mix_argument(std::string_view text) {
    MixParse result;
    MixItem item;
    item.file = std::string(text);
    if (const auto colon = text.rfind(':'); colon != std::string_view::npos) {
        if (const auto weight = parse_weight(text.substr(colon + 1))) {
            item.file = std::string(text.substr(0, colon));
            item.weight = *weight;
        }
    }
    if (item.weight <= 0) {
        result.errors.push_back("'" + std::string(text) + "': the weight must be above 0");
    } else if (item.file.empty()) {
        result.errors.push_back("'" + std::string(text) + "': no scenario file");
    } else {
        result.items.push_back(std::move(item));
    }
    return result;
}

MixParse parse_mix_file(std::string_view text, const std::string& file_name,
                        const std::string& base_dir) {
    MixParse result;
    int line_number = 0;
    for (std::size_t pos = 0; pos <= text.size();) {
        const auto end = std::min(text.find('\n', pos), text.size());
        std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        ++line_number;
        line = support::trim(line.substr(0, std::min(line.find('#'), line.size())));
        if (line.empty()) {
            if (end == text.size()) {
                break;
            }
            continue;
        }
        const auto space = line.find_first_of(" \t");
        const std::string where = file_name + ":" + std::to_string(line_number) + ": ";
        if (space == std::string_view::npos) {
            result.errors.push_back(where + "expected 'WEIGHT FILE', e.g. '70 school_login.xml'");
            continue;
        }
        const auto weight = parse_weight(line.substr(0, space));
        const std::string_view file = support::trim(line.substr(space));
        if (!weight || *weight <= 0) {
            result.errors.push_back(where + "'" + std::string(line.substr(0, space)) +
                                    "' is not a weight above 0");
            continue;
        }
        MixItem item;
        item.weight = *weight;
        item.line = line_number;
        item.file = (!file.empty() && file.front() == '/') || base_dir.empty()
                        ? std::string(file)
                        : base_dir + "/" + std::string(file);
        result.items.push_back(std::move(item));
        if (end == text.size()) {
            break;
        }
    }
    if (result.items.empty() && result.errors.empty()) {
        result.errors.push_back(file_name + ": the mix names no journey");
    }
    return result;
}

} // namespace logintest::harness::load
