#!/bin/bash
# Throughput and memory of the mock itself (issue: the mock stack), on a separately started
# `logintest mock` pinned to CPU 0 with the generator on CPU 1:
#   1. requests/s of GET /webapi/logindata measured with wrk (64 connections, 10 s);
#   2. full school-login journeys/s and full returning-ESIA journeys/s with `logintest load`
#      (closed model, 32 users, 10 s each; pool accounts of MOCK-FIX-5);
#   3. a fresh mock's resident memory before and after 100,000 school logins.
#   bench/mock_throughput.sh [BUILD_DIR]     env: SECONDS_EACH=10 LOGINS=100000
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${1:-${BUILD_DIR:-build}}
WORK=$(mktemp -d)
. bench/bench_common.sh
need wrk jq taskset curl
SECONDS_EACH=${SECONDS_EACH:-10}
LOGINS=${LOGINS:-100000}
trap 'stop_mock; rm -rf "$WORK"' EXIT

echo '{"fixture":{"load_pool_size":2000}}' >"$WORK/mock.json"
start_mock 0 --config "$WORK/mock.json"
load_note

rps=$(taskset -c 1 wrk -t1 -c64 -d"${SECONDS_EACH}s" \
    "http://127.0.0.1:$ASURSO_PORT/webapi/logindata" | awk '/Requests\/sec/ {print $2}')
echo "logindata with wrk (mock on one core): $rps requests/s"

journeys_per_s() {
    # shellcheck disable=SC2046
    taskset -c 1 "$LOGINTEST" load "$1" --vus 32 --think 0s --duration "${SECONDS_EACH}s" \
        --threads 1 --pool-size 2000 --progress none --json "$WORK/j.json" \
        $(target_options) >"$WORK/j.out" 2>&1 || true
    jq -r '.totals | "\(.journeys_per_s) journeys/s, p99 \(.latency.p99_us / 1000) ms, errors \(.errored)"' \
        "$WORK/j.json"
}
echo "school login (6 requests): $(journeys_per_s scenarios/load/school_login_pool.xml)"
echo "returning ESIA login (8 requests + back channel): $(journeys_per_s scenarios/load/esia_returning_login_pool.xml)"

# A fresh mock, so the figure is the growth from 100,000 logins alone (wrk's cookie-less
# requests above each left a pre-login session, kept for presession_idle_s).
stop_mock
start_mock 0 --config "$WORK/mock.json"
before=$(rss_kib "$MOCK_PID")
# shellcheck disable=SC2046
taskset -c 1 "$LOGINTEST" load scenarios/load/school_login_pool.xml --vus 32 --think 0s \
    --iterations "$LOGINS" --threads 1 --pool-size 2000 --progress none --json "$WORK/m.json" \
    $(target_options) >"$WORK/m.out" 2>&1 || true
after=$(rss_kib "$MOCK_PID")
done_n=$(jq -r '.totals.completed // .totals.journeys' "$WORK/m.json")
echo "mock RSS: ${before} KiB before, ${after} KiB after $done_n school logins"
load_note
