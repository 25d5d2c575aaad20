// Micro-benchmarks of the load statistics' hot path: recording one latency into a
// LatencyHistogram (every step and journey of a load run does this), merging two (every
// worker at the end, every progress tick), and reading a percentile. Compare figures within
// one run only.
#include "harness/model/latency_histogram.hpp"

#include <benchmark/benchmark.h>

#include <cmath>
#include <random>
#include <vector>

namespace {

using logintest::harness::model::LatencyHistogram;

// Log-uniform latencies from 50 µs to 5 s, drawn before the timed loop.
std::vector<double> latencies() {
    std::mt19937_64 rng(42);
    std::uniform_real_distribution<double> exponent(std::log(50.0), std::log(5e6));
    std::vector<double> v(4096);
    for (double& x : v) {
        x = std::exp(exponent(rng));
    }
    return v;
}

void BM_HistogramRecord(benchmark::State& state) {
    const auto values = latencies();
    LatencyHistogram h;
    std::size_t i = 0;
    for (auto _ : state) {
        h.record_us(values[i++ & 4095]);
    }
    benchmark::DoNotOptimize(h.count());
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_HistogramRecord);

void BM_HistogramMerge(benchmark::State& state) {
    const auto values = latencies();
    LatencyHistogram a;
    LatencyHistogram b;
    for (double v : values) {
        a.record_us(v);
        b.record_us(v * 1.5);
    }
    for (auto _ : state) {
        LatencyHistogram sum = a;
        sum += b;
        benchmark::DoNotOptimize(sum.count());
    }
}
BENCHMARK(BM_HistogramMerge);

void BM_HistogramP99(benchmark::State& state) {
    LatencyHistogram h;
    for (double v : latencies()) {
        h.record_us(v);
    }
    for (auto _ : state) {
        benchmark::DoNotOptimize(h.percentile_us(99));
    }
}
BENCHMARK(BM_HistogramP99);

} // namespace
