#!/usr/bin/env bash
# Every hicolor PNG has the size its folder names; the scalable SVG and a 48x48 icon exist.
set -euo pipefail
stage=$1 id=$2
root=$stage/usr/share/icons/hicolor
fail=0
test -s "$root/scalable/apps/$id.svg" || { echo "FAIL: no scalable/apps/$id.svg"; fail=1; }
test -s "$root/48x48/apps/$id.png" || { echo "FAIL: no 48x48/apps/$id.png"; fail=1; }
count=0
for png in "$root"/*x*/apps/*.png; do
    folder=$(basename "$(dirname "$(dirname "$png")")")
    [ "$(basename "$png")" = "$id.png" ] || { echo "FAIL: $png is not named $id.png"; fail=1; }
    size=$(file -b "$png" | sed -n 's/^PNG image data, \([0-9]*\) x \([0-9]*\),.*/\1x\2/p')
    if [ "$size" != "$folder" ]; then
        echo "FAIL: $png is ${size:-not a PNG}, its folder says $folder"
        fail=1
    fi
    count=$((count + 1))
done
[ "$count" -ge 8 ] || { echo "FAIL: only $count PNG sizes"; fail=1; }
[ $fail -eq 0 ] && echo "ok: scalable SVG and $count PNGs of the right sizes"
exit $fail
