#!/bin/bash
# Generator efficiency against wrk, measured in one run on this machine.
#
# The same one-request journey (GET /webapi/logindata) against the same separately started
# `logintest mock`, pinned to one core (taskset) while the generator runs on the other, with
# the same number of connections and the same duration. `logintest load` uses a fresh cookie
# jar every iteration (wrk sends no cookies), so the mock does the same work for both: a new
# pre-login session per request. The figure is requests completed per generator CPU-second
# (user + system time of the generator process, from /usr/bin/time), printed for both tools
# with their ratio; the target is >= 0.8 of wrk's.
#
# The tools alternate for ROUNDS rounds (the mock reset before each run), and the median ratio
# is the figure, so that the shared machine's changing load hits both alike.
#
#   bench/load_vs_wrk.sh [BUILD_DIR]   env: CONNECTIONS=32 DURATION=10 ROUNDS=3 MOCK_CPU=0 GEN_CPU=1
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${1:-${BUILD_DIR:-build}}
WORK=$(mktemp -d)
. bench/bench_common.sh
need wrk taskset curl jq /usr/bin/time
CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-10}
ROUNDS=${ROUNDS:-3}
MOCK_CPU=${MOCK_CPU:-0}
GEN_CPU=${GEN_CPU:-1}
trap 'stop_mock; rm -rf "$WORK"' EXIT

load_note
start_mock "$MOCK_CPU" --threads 1
echo "mock pid $MOCK_PID on cpu $MOCK_CPU; generators on cpu $GEN_CPU; $CONNECTIONS connections, ${DURATION}s each"

reset_mock() { # fresh state (pre-login sessions) before each run: MOCK-CP-3
    curl -fsS -X POST "http://127.0.0.1:$ASURSO_PORT/mock/reset" >/dev/null
}

# One run of each tool; prints "requests cpu_seconds".
run_wrk() {
    reset_mock
    taskset -c "$GEN_CPU" /usr/bin/time -f "%U %S" -o "$WORK/wrk.time" \
        wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" "http://127.0.0.1:$ASURSO_PORT/webapi/logindata" \
        >"$WORK/wrk.out" 2>&1
    if grep -q "Non-2xx\|Socket errors" "$WORK/wrk.out"; then
        grep "Non-2xx\|Socket errors" "$WORK/wrk.out" >&2
    fi
    awk '/requests in/ {print $1}' "$WORK/wrk.out" | tr '\n' ' '
    awk '{print $1 + $2}' "$WORK/wrk.time"
}
run_logintest() {
    reset_mock
    # Closed model: one user per connection, no think time, one thread.
    # shellcheck disable=SC2046
    taskset -c "$GEN_CPU" /usr/bin/time -f "%U %S" -o "$WORK/lt.time" \
        "$LOGINTEST" load $(target_options) --vus "$CONNECTIONS" --think 0s \
        --duration "${DURATION}s" --threads 1 --progress none --json "$WORK/lt.json" \
        scenarios/load/logindata_only.xml >"$WORK/lt.out" 2>&1 || true
    errors=$(jq '.totals.errored' "$WORK/lt.json")
    [ "$errors" = "0" ] || echo "logintest: $errors journeys with errors" >&2
    echo "$(jq '.totals.requests' "$WORK/lt.json") $(awk '{print $1 + $2}' "$WORK/lt.time")"
}

# Alternate the tools, so that a change in the machine's load hits both alike.
printf "%-6s %-10s %10s %8s %8s %14s\n" round generator requests "req/s" "cpu s" "req per cpu-s"
: >"$WORK/ratios"
for round in $(seq 1 "$ROUNDS"); do
    read -r wr wc <<<"$(run_wrk)"
    read -r lr lc <<<"$(run_logintest)"
    awk -v round="$round" -v wr="$wr" -v wc="$wc" -v lr="$lr" -v lc="$lc" -v d="$DURATION" \
        'BEGIN {
        printf "%-6s %-10s %10d %8.0f %8.2f %14.0f\n", round, "wrk", wr, wr / d, wc, wr / wc
        printf "%-6s %-10s %10d %8.0f %8.2f %14.0f   ratio %.2f\n", round, "logintest", lr,
               lr / d, lc, lr / lc, (lr / lc) / (wr / wc)
    }'
    awk -v wr="$wr" -v wc="$wc" -v lr="$lr" -v lc="$lc" 'BEGIN { print (lr / lc) / (wr / wc) }' \
        >>"$WORK/ratios"
done
sort -n "$WORK/ratios" | awk '{ r[NR] = $1 } END {
    printf "ratio logintest/wrk (requests per generator CPU-second): median %.2f, range %.2f-%.2f over %d rounds (target >= 0.80)\n",
        r[int((NR + 1) / 2)], r[1], r[NR], NR }'
load_note
