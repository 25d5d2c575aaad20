#!/bin/sh
# Runs the Google Benchmark micro-benchmarks of a build folder (default: build).
set -eu
build=${1:-build}
"$build/bench/micro_bench" --benchmark_min_time=0.2
