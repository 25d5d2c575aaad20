#!/bin/sh
# tooling.function_sizes (a ctest test, so `make test` runs it): no function in harness/, cli/
# or reports/ is longer than LIMIT (default 80) lines unless docs/function-size-exceptions.txt
# lists it as `path/file.cpp:function reason`. Sizes come from scripts/function-sizes.sh
# (universal-ctags). An exception that is no longer needed is reported, not failed, so that
# splitting a function never breaks the build; delete the line then.
# Usage: tests/tooling/function_sizes.sh
set -eu
cd "$(dirname "$0")/../.."
limit=${LIMIT:-80}
allow=docs/function-size-exceptions.txt

if ! ctags --version 2>/dev/null | grep -q 'Universal Ctags'; then
    echo "needs universal-ctags: run 'make deps' (scripts/install-deps.sh)" >&2
    exit 1
fi
# The measure itself must work: every folder has functions.
if [ -z "$(LIMIT=0 scripts/function-sizes.sh harness cli reports | head -1)" ]; then
    echo "scripts/function-sizes.sh found no functions at all" >&2
    exit 1
fi

allowed=$(grep -v '^[[:space:]]*\(#\|$\)' "$allow" | awk '{print $1}' || true)
over=$(LIMIT=$limit scripts/function-sizes.sh harness cli reports)
status=0
echo "$over" | while read -r lines name; do
    [ -n "$name" ] || continue
    if echo "$allowed" | grep -qxF "$name"; then
        echo "allowed  $lines $name"
    else
        echo "TOO LONG $lines $name (limit $limit; split it, or list it in $allow with a reason)"
    fi
done
for name in $allowed; do
    echo "$over" | awk '{print $2}' | grep -qxF "$name" ||
        echo "note: $allow lists $name, which is no longer over $limit lines: delete the line"
done
if echo "$over" | awk '{print $2}' | grep -vxF "$allowed" | grep -q .; then
    status=1
fi
exit $status
