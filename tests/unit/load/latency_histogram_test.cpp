// LatencyHistogram: percentiles within the promised relative precision over the whole range,
// exact min/max/count, merging equals recording everything in one, and the stored bins
// restore the same histogram.
#include "harness/model/latency_histogram.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

namespace logintest::harness::model {
namespace {

double exact_percentile(std::vector<double> samples, double percent) {
    std::sort(samples.begin(), samples.end());
    const auto rank = static_cast<std::size_t>(
        std::max(1.0, std::ceil(percent / 100.0 * static_cast<double>(samples.size()))));
    return samples[rank - 1];
}

TEST(LatencyHistogram, RelativePrecisionIsBelowOnePercent) {
    EXPECT_LT(LatencyHistogram::relative_precision(), 0.01);
    EXPECT_GT(LatencyHistogram::relative_precision(), 0.005);
}

TEST(LatencyHistogram, EmptyHistogramReportsZeros) {
    const LatencyHistogram h;
    EXPECT_TRUE(h.empty());
    EXPECT_EQ(h.percentile_us(99), 0.0);
    EXPECT_EQ(h.max_us(), 0.0);
    EXPECT_TRUE(h.bins().empty());
}

TEST(LatencyHistogram, PercentilesStayWithinPrecisionAcrossNineDecades) {
    std::mt19937_64 rng(7);
    // Log-uniform from 2 µs to 500 s: every part of the axis is used.
    std::uniform_real_distribution<double> exponent(std::log(2.0), std::log(5e8));
    std::vector<double> samples;
    LatencyHistogram h;
    for (int i = 0; i < 200000; ++i) {
        const double v = std::exp(exponent(rng));
        samples.push_back(v);
        h.record_us(v);
    }
    EXPECT_EQ(h.count(), samples.size());
    for (double p : {1.0, 10.0, 50.0, 90.0, 95.0, 99.0, 99.9, 99.99}) {
        const double exact = exact_percentile(samples, p);
        const double got = h.percentile_us(p);
        EXPECT_NEAR(got / exact, 1.0, LatencyHistogram::relative_precision() * 1.0001)
            << "p" << p << " exact " << exact << " got " << got;
    }
    EXPECT_EQ(h.percentile_us(100), *std::max_element(samples.begin(), samples.end()));
    EXPECT_EQ(h.min_us(), *std::min_element(samples.begin(), samples.end()));
}

TEST(LatencyHistogram, ValuesOutsideTheAxisAreReportedAsTheExactExtremes) {
    LatencyHistogram h;
    h.record_us(0.25);  // below 1 µs: underflow
    h.record_us(2.0e9); // 2000 s: overflow
    EXPECT_EQ(h.percentile_us(50), 0.25);
    EXPECT_EQ(h.percentile_us(100), 2.0e9);
    EXPECT_EQ(h.percentile_us(99), 2.0e9);
    const auto bins = h.bins();
    ASSERT_EQ(bins.size(), 2u);
    EXPECT_EQ(bins.front().index, LatencyHistogram::underflow_index);
    EXPECT_EQ(bins.back().index, LatencyHistogram::overflow_index);
}

TEST(LatencyHistogram, MergingEqualsRecordingInOne) {
    LatencyHistogram a;
    LatencyHistogram b;
    LatencyHistogram both;
    for (int i = 1; i <= 1000; ++i) {
        const double v = i * 37.0;
        (i % 3 == 0 ? a : b).record_us(v);
        both.record_us(v);
    }
    a += b;
    EXPECT_EQ(a.count(), both.count());
    EXPECT_EQ(a.min_us(), both.min_us());
    EXPECT_EQ(a.max_us(), both.max_us());
    EXPECT_DOUBLE_EQ(a.sum_us(), both.sum_us());
    for (double p : {50.0, 90.0, 99.0, 99.9}) {
        EXPECT_EQ(a.percentile_us(p), both.percentile_us(p)) << p;
    }
}

TEST(LatencyHistogram, StoredBinsRestoreTheSameDistribution) {
    LatencyHistogram h;
    for (int i = 0; i < 5000; ++i) {
        h.record_us(100.0 + (i % 97) * 13.0);
    }
    const auto restored = LatencyHistogram::restore(h.bins(), h.sum_us(), h.min_us(), h.max_us());
    EXPECT_EQ(restored.count(), h.count());
    for (double p : {50.0, 95.0, 99.9, 100.0}) {
        EXPECT_EQ(restored.percentile_us(p), h.percentile_us(p)) << p;
    }
    EXPECT_EQ(restored.bins().size(), h.bins().size());
}

TEST(LatencyHistogram, SingleSampleIsEveryPercentile) {
    LatencyHistogram h;
    h.record(std::chrono::milliseconds(5));
    EXPECT_EQ(h.percentile_us(50), 5000.0);
    EXPECT_EQ(h.percentile_us(99.9), 5000.0);
    EXPECT_EQ(h.mean_us(), 5000.0);
}

} // namespace
} // namespace logintest::harness::model
