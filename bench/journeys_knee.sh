#!/bin/bash
# Sustained school-login journeys per second against the embedded mock, and the knee: the
# open model at rising constant rates (default 100..1500/s, 10 s each) with the pool-account
# school login (6 requests a journey, scenarios/load/school_login_pool.xml). For each rate:
# journeys completed per second, latency from the schedule (p50, p99), late starts, errors.
# Past the knee the generator and the in-process mock share the cores and cannot keep the
# schedule: completions fall behind the offered rate, starts turn late, latency climbs.
#
#   bench/journeys_knee.sh [BUILD_DIR]   env: RATES="100 200 ..." DURATION=10 THREADS= POOL=20000
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${1:-${BUILD_DIR:-build}}
WORK=$(mktemp -d)
. bench/bench_common.sh
need jq
RATES=${RATES:-"100 200 400 600 800 1000 1200 1500"}
DURATION=${DURATION:-10}
trap 'rm -rf "$WORK"' EXIT

load_note
printf "%8s %10s %9s %9s %9s %9s %8s %8s\n" offered "done/s" p50 p95 p99 "svc p99" late errors
for rate in $RATES; do
    # shellcheck disable=SC2086
    "$LOGINTEST" load --rate "$rate/s" --duration "${DURATION}s" --progress none \
        ${THREADS:+--threads $THREADS} --pool-size "${POOL:-20000}" --json "$WORK/r.json" \
        scenarios/load/school_login_pool.xml >"$WORK/r.out" 2>&1 || true
    jq -r --arg rate "$rate" '.totals as $t | [$rate, $t.journeys_per_s, $t.latency.p50_us,
        $t.latency.p95_us, $t.latency.p99_us, $t.service.p99_us, $t.late, $t.started,
        $t.errored] | @tsv' "$WORK/r.json" |
    awk -F'\t' '{ printf "%8s %10.1f %8.2fms %8.2fms %8.2fms %8.2fms %7.1f%% %8d\n",
        $1, $2, $3 / 1000, $4 / 1000, $5 / 1000, $6 / 1000, ($8 > 0 ? 100 * $7 / $8 : 0), $9 }'
done
load_note
