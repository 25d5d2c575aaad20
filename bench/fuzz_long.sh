#!/bin/bash
# A long libFuzzer run of every fuzz target (tests/fuzz/, docs/fuzzing.md), one after the other
# on one core, each over a scratch copy of its seed corpus (the repository's corpus is only
# read), and a table: target, executions, exec/s, coverage (libFuzzer's cov and ft), corpus
# size at the end (inputs/bytes), crashes. The executables come from the ASan+UBSan folder
# (BUILD/sanitize-address-undefined, built by `ctest -R sanitize.build-address-undefined` or
# tests/tooling/sanitize.sh address-undefined BUILD build). A run stops at its first finding,
# as libFuzzer does: the table says so and names the reproducer kept in the work folder.
#
#   bench/fuzz_long.sh [BUILD_DIR]     env: SECONDS_EACH=600 TARGETS="url jwt ..." WORK=<dir>
#
# WORK (default: a new temporary folder, kept) holds per target the grown corpus, the log and
# any crash-*/leak-*/timeout-*/oom-* file; `cp WORK/<target>/corpus/* tests/fuzz/corpus/<target>/`
# after a `-merge=1` keeps what is worth keeping (docs/fuzzing.md).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${1:-${BUILD_DIR:-build}}
ASAN_DIR=$BUILD_DIR/sanitize-address-undefined
SECONDS_EACH=${SECONDS_EACH:-600}
WORK=${WORK:-$(mktemp -d /tmp/logintest-fuzz-long.XXXXXX)}
if [ -z "${TARGETS:-}" ]; then
    TARGETS=$(find tests/fuzz/corpus -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort)
fi
symbolizer=$(command -v llvm-symbolizer || command -v llvm-symbolizer-14 || true)
common="halt_on_error=1:print_stacktrace=1"
[ -n "$symbolizer" ] && common="$common:external_symbolizer_path=$symbolizer"
export ASAN_OPTIONS="$common:detect_leaks=1"
export UBSAN_OPTIONS="$common:report_error_type=1"

echo "fuzz_long: $SECONDS_EACH s per target, work folder $WORK, load average $(cut -d' ' -f1-3 /proc/loadavg)"
rows=()
for target in $TARGETS; do
    exe=$ASAN_DIR/tests/fuzz/fuzz_$target
    if [ ! -x "$exe" ]; then
        echo "fuzz_long: $exe is missing (build the ASan+UBSan folder first)" >&2
        exit 1
    fi
    dir=$WORK/$target
    mkdir -p "$dir/corpus"
    args=(-max_total_time="$SECONDS_EACH" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048
          -artifact_prefix="$dir/")
    dict=tests/fuzz/dict/$target.dict
    [ -f "$dict" ] && args+=(-dict="$dict")
    echo "fuzz_long: $target ..."
    status=0
    taskset -c 0 "$exe" "${args[@]}" "$dir/corpus" "tests/fuzz/corpus/$target" \
        >"$dir/log" 2>&1 || status=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$dir/log" | tail -1)
    last=$(grep -E '^#[0-9]+' "$dir/log" | tail -1 || true)
    cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
    ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
    corp=$(sed -n 's/.* corp: \([0-9]*\/[0-9]*[a-zA-Z]*\).*/\1/p' <<<"$last")
    crashes=$(find "$dir" -maxdepth 1 \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' \
        -o -name 'oom-*' \) | wc -l)
    note=""
    [ "$status" -ne 0 ] && note="stopped (exit $status): $(find "$dir" -maxdepth 1 -name '*-*' -newer "$dir/corpus" -printf '%f ' | head -c 80)"
    rows+=("$(printf '%-16s %12s %8s %6s %7s %12s %7s  %s' "$target" "${execs:-?}" "${rate:-?}" \
        "${cov:-?}" "${ft:-?}" "${corp:-?}" "$crashes" "$note")")
done

printf '\n%-16s %12s %8s %6s %7s %12s %7s\n' target executions exec/s cov ft corpus crashes
printf '%s\n' "${rows[@]}"
echo "logs, grown corpora and reproducers: $WORK"
