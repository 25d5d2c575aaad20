# Shared helpers of the load benchmark scripts (sourced, not run): find the logintest binary,
# start a `logintest mock` of our own on fixed loopback ports and stop it again (by its pid,
# never by name), read a process's CPU time and resident memory from /proc.
# Every script that sources this runs against 127.0.0.1/127.0.0.2 only.

build=${BUILD_DIR:-build}
LOGINTEST=${LOGINTEST:-$build/cli/logintest}
ASURSO_PORT=${ASURSO_PORT:-18080}
ESIA_PORT=${ESIA_PORT:-18081}
MOCK_PID=""

need() {
    for tool in "$@"; do
        command -v "$tool" >/dev/null 2>&1 || {
            echo "needs $tool (./scripts/install-deps.sh --bench installs the bench tools)" >&2
            exit 3
        }
    done
    [ -x "$LOGINTEST" ] || { echo "no $LOGINTEST: build first (or set BUILD_DIR)" >&2; exit 3; }
}

# start_mock [CPU] [MOCK OPTIONS...]: a separate mock process, pinned to CPU when given.
start_mock() {
    cpu=$1; shift
    if [ -n "$cpu" ]; then
        taskset -c "$cpu" "$LOGINTEST" mock --asurso-port "$ASURSO_PORT" --esia-port "$ESIA_PORT" \
            "$@" >"$WORK/mock.out" 2>&1 &
    else
        "$LOGINTEST" mock --asurso-port "$ASURSO_PORT" --esia-port "$ESIA_PORT" "$@" \
            >"$WORK/mock.out" 2>&1 &
    fi
    MOCK_PID=$!
    for _ in $(seq 1 100); do
        if curl -fs "http://127.0.0.1:$ASURSO_PORT/mock/health" >/dev/null 2>&1; then
            return 0
        fi
        sleep 0.1
    done
    echo "the mock did not start:" >&2
    cat "$WORK/mock.out" >&2
    exit 4
}

stop_mock() {
    if [ -n "$MOCK_PID" ] && kill -0 "$MOCK_PID" 2>/dev/null; then
        kill -INT "$MOCK_PID" 2>/dev/null || true
        wait "$MOCK_PID" 2>/dev/null || true
    fi
    MOCK_PID=""
}

# The options that point `logintest load` at our mock.
target_options() {
    echo "--asurso-url http://asurso.ru:$ASURSO_PORT --esia-url http://esia.gosuslugi.ru:$ESIA_PORT" \
         "--resolve asurso.ru:$ASURSO_PORT:127.0.0.1" \
         "--resolve esia.gosuslugi.ru:$ESIA_PORT:127.0.0.2"
}

# Resident set size of a pid, in KiB.
rss_kib() {
    awk '/^VmRSS:/ {print $2}' "/proc/$1/status"
}

load_note() {
    echo "machine: $(nproc) cores; load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
}
