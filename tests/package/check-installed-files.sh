#!/usr/bin/env bash
# The staged install holds exactly the files of the committed list (tests/package/installed-files.txt).
set -euo pipefail
stage=$1 list=$2
actual=$(cd "$stage" && find . \( -type f -o -type l \) | sed 's|^\.||' | LC_ALL=C sort)
expected=$(grep -v '^#' "$list" | LC_ALL=C sort)
if [ "$actual" != "$expected" ]; then
    echo "FAIL: the installed files differ from $list (< expected, > installed):"
    diff <(printf '%s\n' "$expected") <(printf '%s\n' "$actual") || true
    exit 1
fi
echo "ok: $(printf '%s\n' "$actual" | wc -l) files, as listed"
