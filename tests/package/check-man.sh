#!/usr/bin/env bash
# Both man pages are gzipped in man1, format without a single warning (man --warnings, i.e.
# groff -ww) and name the project's version in their title line.
set -euo pipefail
stage=$1 version=$2
fail=0
for page in closelab closelab-cli; do
    gz=$stage/usr/share/man/man1/$page.1.gz
    if ! gzip -t "$gz" 2>/dev/null; then
        echo "FAIL: $gz is missing or not gzip"; fail=1; continue
    fi
    if ! warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 "$gz" 2>&1 >/dev/null); then
        echo "FAIL: man could not format $gz"; fail=1
    fi
    if [ -n "$warnings" ]; then
        echo "FAIL: man --warnings on $gz:"; echo "$warnings"; fail=1
    fi
    th=$(zcat "$gz" | grep -m1 '^\.TH')
    case $th in
        *"\"closelab $version\""*) ;;
        *) echo "FAIL: $page.1 says '$th', the project version is $version"; fail=1 ;;
    esac
    for section in NAME SYNOPSIS DESCRIPTION '"EXIT STATUS"' EXAMPLES '"SEE ALSO"'; do
        zcat "$gz" | grep -q "^\.SH $section\$" || { echo "FAIL: $page.1 has no $section"; fail=1; }
    done
done
[ $fail -eq 0 ] && echo "ok: closelab.1 and closelab-cli.1 format cleanly, version $version"
exit $fail
