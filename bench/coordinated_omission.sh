#!/bin/bash
# Coordinated omission against the mock's `stall` fault (MOCK-FAULT-2): from 2 s after the
# rule is installed, every GET /webapi/logindata is held for 1 s and then answered. The same
# 10 s, 200 journeys/s of the one-request journey is run twice:
#   open model  (--rate 200/s): journeys start on schedule, latency counts from the schedule,
#               so the 200 journeys due in the stall report up to 1 s: theory p95 0.5 s,
#               p99 0.9 s, p99.9 0.99 s;
#   closed model (1 user, 5 ms a cycle): the user waits with its one stalled request, sends
#               nothing else meanwhile, and the stall is one sample in ~1,800: p99.9 stays at
#               the service time and only the maximum shows it.
#
#   bench/coordinated_omission.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${1:-${BUILD_DIR:-build}}
WORK=$(mktemp -d)
. bench/bench_common.sh
need curl jq
trap 'stop_mock; rm -rf "$WORK"' EXIT

load_note
start_mock "" --threads 1
stall='{"seed":1,"rules":[{"id":"s","method":"*","path":"/webapi/logindata","kind":"stall","start_s":2,"duration_s":1,"probability":1.0,"max_count":null}]}'

install_stall() {
    curl -fsS -X PUT -H 'Content-Type: application/json' --data "$stall" \
        "http://127.0.0.1:$ASURSO_PORT/mock/faults" >/dev/null
}

run() {
    name=$1; shift
    install_stall
    # shellcheck disable=SC2046
    "$LOGINTEST" load $(target_options) --threads 1 --progress none --json "$WORK/$name.json" \
        "$@" scenarios/load/logindata_only.xml >"$WORK/$name.out" 2>&1 || true
}

run open --rate 200/s --duration 10s
run closed --vus 1 --think 4ms --duration 10s

printf "%-8s %7s %9s %9s %9s %9s %9s %9s   %s\n" model n p50 p90 p95 p99 p99.9 max "service p99"
for name in open closed; do
    jq -r --arg name "$name" '.totals as $t |
        [$name, $t.latency.count, $t.latency.p50_us, $t.latency.p90_us, $t.latency.p95_us,
         $t.latency.p99_us, $t.latency.p99_9_us, $t.latency.max_us, $t.service.p99_us] |
        @tsv' "$WORK/$name.json" |
    awk -F'\t' '{ printf "%-8s %7d", $1, $2;
        for (i = 3; i <= 8; i++) printf " %8.1fms", $i / 1000;
        printf "   %8.1fms\n", $9 / 1000 }'
done
echo "theory, open model: p95 500 ms, p99 900 ms, p99.9 990 ms, max 1000 ms (10% of journeys due in the stall)"
echo "late starts (open): $(jq '.totals.late' "$WORK/open.json"), dropped: $(jq '.totals.dropped' "$WORK/open.json")"
load_note
