#!/bin/sh
# Lists the largest C++ functions of the given folders (default: harness cli reports), as
# "lines path:function", largest first. Uses universal-ctags' end: field; lambdas are folded
# into their enclosing function. Used for docs/architecture.md's size rule (80 lines) and by
# the size test (tests/tooling); needs the `universal-ctags` package.
set -eu
cd "$(dirname "$0")/.."
limit=${LIMIT:-0}
[ $# -gt 0 ] || set -- harness cli reports
find "$@" -name '*.cpp' | sort | while read -r f; do
    ctags --kinds-c++=f --fields=+ne --extras=-q -o - "$f" 2>/dev/null |
        awk -F'\t' -v file="$f" '
            $1 ~ /^__anon/ { next }
            {
                line = ""; end = "";
                for (i = 4; i <= NF; i++) {
                    if ($i ~ /^line:/) line = substr($i, 6);
                    if ($i ~ /^end:/) end = substr($i, 5);
                }
                if (line != "" && end != "") print end - line + 1, file ":" $1;
            }'
done | sort -rn | awk -v limit="$limit" '$1 > limit'
