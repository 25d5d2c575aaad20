#!/bin/sh
# Builds one sanitizer folder of logintest beside a main build and runs its tests (issue 10).
# The ctest tests sanitize.* of the main build call it (tests/tooling/CMakeLists.txt); a
# developer can run it by hand the same way:
#
#   tests/tooling/sanitize.sh address-undefined build          # configure, build, run
#   tests/tooling/sanitize.sh thread build test                # run again, no build
#
# KIND address-undefined: <main>/sanitize-address-undefined, ASan+UBSan and libFuzzer
#   instrumentation, every target (the fuzz executables too); runs the whole suite except
#   tooling.* (they read the sources, not the binaries: same verdict as the main build, and
#   clang-tidy alone takes minutes) and fuzz.* (the main build's fuzz.* tests run them).
# Both kinds leave out LoadEngine.MockStallShowsInOpenModelPercentilesAndHidesInClosedModel:
#   its mock stalls from 0.5 s to 1.0 s after the mock starts, and under a sanitizer the
#   set-up can take longer than that, so no arrival meets the stall (a timing test, no race).
# KIND thread: <main>/sanitize-thread, ThreadSanitizer, only the executables of the load
#   engine's and the mock's tests (unit_load, unit_mocks, integration); runs those.
# STEP: build (configure and build), test (run the tests), all (both; the default).
# JOBS: parallel compiles and tests (default: the number of cores). Needs clang and
# libclang-rt-14-dev (scripts/install-deps.sh).
set -eu
set -f # the test selections hold regular expressions, not file names

usage() {
  echo "usage: $0 address-undefined|thread MAIN_BUILD_DIR [build|test|all]" >&2
  exit 2
}
[ $# -ge 2 ] || usage
kind=$1
main=$2
step=${3:-all}
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
dir=$main/sanitize-$kind
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}

timed=LoadEngine[.]MockStallShowsInOpenModelPercentilesAndHidesInClosedModel
case $kind in
  address-undefined)
    options="-DLOGINTEST_SANITIZE=address,undefined -DLOGINTEST_FUZZ=ON"
    targets=""
    select="-E ^(tooling|fuzz|sanitize)[.]|^$timed\$"
    ;;
  thread)
    options="-DLOGINTEST_SANITIZE=thread -DLOGINTEST_FUZZ=OFF"
    targets="--target unit_load unit_mocks integration"
    select="-L ^(unit_load|unit_mocks|integration)\$ -E ^$timed\$"
    ;;
  *) usage ;;
esac
case $step in build | test | all) ;; *) usage ;; esac

# Every finding stops the process with a stack; leaks count as findings (LeakSanitizer runs
# with ASan; TSan has none). Set before the build too: gtest discovery runs the executables.
symbolizer=$(command -v llvm-symbolizer || command -v llvm-symbolizer-14 || true)
common="halt_on_error=1:print_stacktrace=1"
[ -n "$symbolizer" ] && common="$common:external_symbolizer_path=$symbolizer"
export ASAN_OPTIONS="$common:detect_leaks=1:check_initialization_order=1:strict_init_order=1"
export UBSAN_OPTIONS="$common:report_error_type=1"
export TSAN_OPTIONS="$common:second_deadlock_stack=1:suppressions=$here/tsan.supp"

if [ "$step" != test ]; then
  echo "sanitize.sh: configuring and building $dir"
  CC=clang CXX=clang++ cmake -S "$src" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    $options -DLOGINTEST_BUILD_BENCH=OFF >"$dir.configure.log" 2>&1 || {
    cat "$dir.configure.log"
    exit 1
  }
  # shellcheck disable=SC2086 # $targets is a list of words
  cmake --build "$dir" -j "$jobs" $targets
fi
if [ "$step" != build ]; then
  echo "sanitize.sh: running the tests of $dir ($select)"
  echo "  ASAN_OPTIONS=$ASAN_OPTIONS"
  echo "  UBSAN_OPTIONS=$UBSAN_OPTIONS"
  echo "  TSAN_OPTIONS=$TSAN_OPTIONS"
  # shellcheck disable=SC2086 # $select is an option and its argument
  ctest --test-dir "$dir" --output-on-failure -j "$jobs" $select
fi
