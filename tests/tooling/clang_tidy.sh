#!/bin/sh
# tooling.clang_tidy (a ctest test, so `make test` runs it): clang-tidy with the checks of
# .clang-tidy over the project's own translation units in BUILD_DIR/compile_commands.json
# (crypto/, support/, harness/, mocks/, reports/, cli/ and their headers; not the tests and not
# the two units that only compile Boost, support/boost_*_impl.cpp). Fails on any finding that
# tests/tooling/clang-tidy-known.txt does not list as `path check`; a listed pair that no
# longer occurs is reported so its line can go. Prints how long the run took. JOBS (default:
# every core) units are tidied in parallel.
# Usage: tests/tooling/clang_tidy.sh BUILD_DIR
set -eu
build=$(cd "${1:?usage: clang_tidy.sh BUILD_DIR}" && pwd)
src=$(cd "$(dirname "$0")/../.." && pwd)
known=$src/tests/tooling/clang-tidy-known.txt
jobs=${JOBS:-$(nproc)}

runner=$(command -v run-clang-tidy || command -v run-clang-tidy-14 || true)
tidy=$(command -v clang-tidy || command -v clang-tidy-14 || true)
if [ -z "$runner" ] || [ -z "$tidy" ]; then
    echo "clang-tidy is not installed: run 'make deps' (scripts/install-deps.sh)" >&2
    exit 1
fi
if [ ! -f "$build/compile_commands.json" ]; then
    echo "no $build/compile_commands.json: configure with CMake first" >&2
    exit 1
fi

log=$(mktemp)
findings=$(mktemp)
trap 'rm -f "$log" "$findings"' EXIT
dirs='(crypto|support|harness|mocks|reports|cli)'
start=$(date +%s)
status=0
# The unit filter is a Python regex on each unit's absolute path; run-clang-tidy always asks
# for colour, which is stripped below.
"$runner" -quiet -clang-tidy-binary "$tidy" -p "$build" -j "$jobs" \
    -header-filter "^$src/$dirs/" -extra-arg=-Wno-unknown-warning-option \
    "^$src/(?!support/boost_)$dirs/.*\.cpp\$" >"$log" 2>&1 || status=$?
elapsed=$(($(date +%s) - start))
units=$(grep -c "^$tidy " "$log" || true)

sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^/[^ ]+:[0-9]+:[0-9]+: (warning|error): ' |
    sed "s|^$src/||" | sort -u >"$findings" || true
new=0
if [ -s "$findings" ] || [ -f "$known" ]; then
    awk -v known="$known" '
        BEGIN {
            while ((getline line < known) > 0) {
                if (line ~ /^[[:space:]]*(#|$)/) continue
                split(line, f, " ")
                listed[f[1] " " f[2]] = 1
            }
        }
        {
            file = $0; sub(/:.*/, "", file)
            check = ""
            if (match($0, /\[[a-z0-9.,-]+\]$/)) check = substr($0, RSTART + 1, RLENGTH - 2)
            key = file " " check
            if (check != "" && (key in listed)) { seen[key] = 1; print "known  " $0 }
            else { print "NEW    " $0; bad++ }
        }
        END {
            for (k in listed) if (!(k in seen))
                print "note: clang-tidy-known.txt lists \"" k "\", which no longer occurs: delete it"
            exit bad > 0
        }' "$findings" || new=1
fi
if [ "$new" -ne 0 ]; then
    echo
    echo "clang-tidy output:"
    sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -v "^$tidy " | grep -v 'warnings\? generated\.$' || true
fi
if [ "$new" -ne 0 ] || { [ "$status" -ne 0 ] && [ ! -s "$findings" ]; }; then
    echo "clang-tidy: new findings in $units units ($elapsed s, $jobs jobs): fix them, or add a" \
         "NOLINT(check) with the reason on the line" >&2
    exit 1
fi
echo "clang-tidy: $units units, no new findings ($elapsed s, $jobs jobs)"
