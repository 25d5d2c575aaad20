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
#   bench/load_vs_wrk.sh [BUILD_DIR]        env: CONNECTIONS=32 DURATION=10 MOCK_CPU=0 GEN_CPU=1
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${1:-${BUILD_DIR:-build}}
WORK=$(mktemp -d)
. bench/bench_common.sh
need wrk taskset curl jq /usr/bin/time
CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-10}
MOCK_CPU=${MOCK_CPU:-0}
GEN_CPU=${GEN_CPU:-1}
trap 'stop_mock; rm -rf "$WORK"' EXIT

load_note
start_mock "$MOCK_CPU" --threads 1
echo "mock pid $MOCK_PID on cpu $MOCK_CPU; generators on cpu $GEN_CPU; $CONNECTIONS connections, ${DURATION}s each"

# wrk: one thread, the same connections.
taskset -c "$GEN_CPU" /usr/bin/time -f "%U %S" -o "$WORK/wrk.time" \
    wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" "http://127.0.0.1:$ASURSO_PORT/webapi/logindata" \
    >"$WORK/wrk.out" 2>&1
wrk_requests=$(awk '/requests in/ {print $1}' "$WORK/wrk.out")
wrk_errors=$(awk '/Non-2xx|Socket errors/ {print}' "$WORK/wrk.out")
read -r wrk_user wrk_sys <"$WORK/wrk.time"

# logintest load: closed model, one user per connection, no think time, one thread.
# shellcheck disable=SC2046
taskset -c "$GEN_CPU" /usr/bin/time -f "%U %S" -o "$WORK/lt.time" \
    "$LOGINTEST" load $(target_options) --vus "$CONNECTIONS" --think 0s \
    --duration "${DURATION}s" --threads 1 --progress none --json "$WORK/lt.json" \
    scenarios/load/logindata_only.xml >"$WORK/lt.out" 2>&1 || true
lt_requests=$(jq '.totals.requests' "$WORK/lt.json")
lt_errors=$(jq '.totals.errored' "$WORK/lt.json")
read -r lt_user lt_sys <"$WORK/lt.time"

awk -v wr="$wrk_requests" -v wu="$wrk_user" -v ws="$wrk_sys" \
    -v lr="$lt_requests" -v lu="$lt_user" -v ls="$lt_sys" -v d="$DURATION" 'BEGIN {
    wcpu = wu + ws; lcpu = lu + ls
    wf = wr / wcpu; lf = lr / lcpu
    printf "%-14s %10s %8s %10s %12s %16s\n", "generator", "requests", "req/s", "cpu s", "cpu share", "req per cpu-s"
    printf "%-14s %10d %8.0f %10.2f %11.0f%% %16.0f\n", "wrk", wr, wr / d, wcpu, 100 * wcpu / d, wf
    printf "%-14s %10d %8.0f %10.2f %11.0f%% %16.0f\n", "logintest", lr, lr / d, lcpu, 100 * lcpu / d, lf
    printf "ratio logintest/wrk (requests per generator CPU-second): %.2f (target >= 0.80)\n", lf / wf
}'
[ -n "$wrk_errors" ] && echo "wrk: $wrk_errors"
echo "logintest journeys with errors: $lt_errors"
load_note
