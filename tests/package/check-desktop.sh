#!/usr/bin/env bash
# The desktop entry validates without a word from desktop-file-validate, names the app id's
# icon, and carries every translatable key in English and zh_CN.
set -euo pipefail
stage=$1 id=$2
file=$stage/usr/share/applications/$id.desktop
fail=0
out=$(desktop-file-validate "$file" 2>&1) || fail=1
if [ -n "$out" ]; then
    echo "FAIL: desktop-file-validate $file:"
    echo "$out"
    fail=1
fi
grep -qx "Icon=$id" "$file" || { echo "FAIL: Icon is not $id"; fail=1; }
grep -qx "Exec=closelab" "$file" || { echo "FAIL: Exec is not closelab"; fail=1; }
for key in Name GenericName Comment Keywords; do
    en=$(grep -c "^$key=." "$file" || true)
    zh=$(grep -c "^$key\[zh_CN\]=." "$file" || true)
    [ "$en" = 1 ] || { echo "FAIL: $key (English) appears $en times"; fail=1; }
    [ "$zh" = 1 ] || { echo "FAIL: $key[zh_CN] appears $zh times"; fail=1; }
    # The Chinese value must be Chinese, not a copy of the English one.
    if [ "$zh" = 1 ] && ! grep "^$key\[zh_CN\]=" "$file" | LC_ALL=C.UTF-8 grep -qP '[\x{4e00}-\x{9fff}]'; then
        echo "FAIL: $key[zh_CN] has no Chinese characters"
        fail=1
    fi
done
# Only the two languages of the app, spelled as POSIX locales.
others=$(grep -oE '^[A-Za-z-]+\[[^]]*\]' "$file" | grep -v '\[zh_CN\]$' || true)
[ -z "$others" ] || { echo "FAIL: unexpected locale keys: $others"; fail=1; }
[ $fail -eq 0 ] && echo "ok: $file validates; Name, GenericName, Comment, Keywords in en and zh_CN"
exit $fail
