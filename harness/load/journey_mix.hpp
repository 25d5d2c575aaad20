// JourneyMix: which journey each start plays, by weight (e.g. 60 returning ESIA logins, 30
// school logins, 5 first-time bindings, 5 wrong passwords). The choice is a pure function of
// a 64-bit random draw, and the draws come from SplitMix64 seeded per run: an open-model
// arrival k always plays the same journey whatever the number of workers, and a closed-model
// user's sequence depends only on the seed and its number. Also parses the mix given as
// options (`FILE[:WEIGHT]`) or as a file (`WEIGHT FILE` per line). Immutable after
// construction; safe to share between threads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace logintest::harness::load {

class JourneyMix {
public:
    // Weights > 0, one per journey, in mix order.
    explicit JourneyMix(const std::vector<double>& weights);

    // The journey for a uniformly random 64-bit draw.
    std::size_t pick(std::uint64_t draw) const;
    std::size_t size() const { return cumulative_.size(); }
    // This journey's share of all starts (0..1).
    double share(std::size_t journey) const;

private:
    std::vector<double> cumulative_; // normalised to end at 1
};

// SplitMix64: a tiny, good 64-bit generator for per-user and per-arrival draws.
std::uint64_t splitmix64(std::uint64_t& state);
// The draw for open-model arrival k of a run seeded with `seed`.
std::uint64_t arrival_draw(std::uint64_t seed, std::uint64_t k);

struct MixItem {
    std::string file;
    double weight = 1;
    int line = 0; // in a mix file; 0 for an option
};

struct MixParse {
    std::vector<MixItem> items;
    std::vector<std::string> errors; // "mix.txt:3: ..." or "'x.xml:abc': ..."
};

// `school_login.xml:70` or `school_login.xml` (weight 1). A ':' followed by something that is
// not a number is part of the file name.
MixParse parse_mix_argument(std::string_view text);

// A mix file: `WEIGHT FILE` per line, '#' comments, blank lines ignored; relative FILEs are
// resolved against `base_dir` (the mix file's folder).
MixParse parse_mix_file(std::string_view text, const std::string& file_name,
                        const std::string& base_dir);

} // namespace logintest::harness::load
