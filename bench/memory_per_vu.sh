#!/bin/bash
# Resident memory per virtual user: users in think time, each holding an open keep-alive
# connection to a separately started `logintest mock`. The generator runs the one-request
# journey once per user (closed model, think time longer than the run), then every user
# thinks; its RSS is read from /proc once all users are idle, for 100 and for 10,000 users.
# The figure is the growth divided by the 9,900 extra users. The generator raises its
# open-file limit (RLIMIT_NOFILE) to what it needs, up to the hard limit.
#
#   bench/memory_per_vu.sh [BUILD_DIR]      env: USERS=10000 BASE_USERS=100 RAMP=5 SETTLE=8
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${1:-${BUILD_DIR:-build}}
WORK=$(mktemp -d)
. bench/bench_common.sh
need curl jq
USERS=${USERS:-10000}
BASE_USERS=${BASE_USERS:-100}
RAMP=${RAMP:-5}
SETTLE=${SETTLE:-8}
trap 'stop_mock; rm -rf "$WORK"' EXIT

load_note
echo "open-file limits here: soft $(ulimit -Sn), hard $(ulimit -Hn)"
start_mock "" --threads 1

# measure N: RSS (KiB) of a generator with N users all idle in think time.
measure() {
    users=$1
    # shellcheck disable=SC2046
    "$LOGINTEST" load $(target_options) --vus "$users" --ramp-up "${RAMP}s" --think 600s \
        --duration 600s --threads 1 --progress plain --progress-interval 1 \
        --json "$WORK/mem-$users.json" scenarios/load/logindata_only.xml \
        >"$WORK/mem-$users.out" 2>"$WORK/mem-$users.err" &
    pid=$!
    sleep $((RAMP + SETTLE))
    rss=$(rss_kib "$pid")
    fds=$(ls "/proc/$pid/fd" | wc -l)
    kill -INT "$pid"
    wait "$pid" || true
    done_count=$(jq '.totals.completed' "$WORK/mem-$users.json")
    errors=$(jq '.totals.errored' "$WORK/mem-$users.json")
    echo "$users users: RSS $rss KiB, $fds open files, $done_count journeys done, $errors errors" >&2
    if [ "$done_count" != "$users" ] || [ "$errors" != "0" ]; then
        echo "warning: not every user finished its journey cleanly; see $WORK/mem-$users.err" >&2
        tail -3 "$WORK/mem-$users.err" >&2
    fi
    echo "$rss"
}

base=$(measure "$BASE_USERS")
full=$(measure "$USERS")
awk -v b="$base" -v f="$full" -v n0="$BASE_USERS" -v n1="$USERS" 'BEGIN {
    per = (f - b) / (n1 - n0)
    printf "RSS %d KiB at %d users, %d KiB at %d users: %.2f KiB per user (target < 8 KiB;\n", b, n0, f, n1, per
    printf "for scale: Tsung ~12 KiB, Locust FastHttpUser ~18 KiB)\n"
}'
load_note
