#!/usr/bin/env bash
# The bash completion parses (bash -n) and, loaded the way bash-completion loads it, completes
# commands, scenario ids (from `closelab-cli list`), flag values and --set names.
set -uo pipefail
stage=$1 cli=$2
file=$stage/usr/share/bash-completion/completions/closelab-cli
bash -n "$file" || { echo "FAIL: bash -n $file"; exit 1; }
lib=/usr/share/bash-completion/bash_completion
[ -r "$lib" ] || { echo "FAIL: $lib missing (install bash-completion, see setup.sh)"; exit 1; }
export PATH="$(dirname "$cli"):$PATH"
# In an empty folder: file names (a scenario FILE may follow run) must not join the replies.
empty=$(mktemp -d)
trap 'rm -rf "$empty"' EXIT
cd "$empty"
out=$(bash --norc --noprofile -c '
    source "$1" && source "$2" || exit 1
    compopt() { :; }   # only valid inside a real completion; the replies are what is checked
    fail=0
    expect() { # WANT WORDS...: the replies must equal WANT (sorted, space-separated)
        local want=$1; shift
        COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
        COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}; COMPREPLY=()
        _closelab_cli
        local got; got=$(printf "%s\n" "${COMPREPLY[@]}" | LC_ALL=C sort | xargs)
        if [ "$got" != "$want" ]; then
            echo "FAIL: [${*:2}] completes to [$got], expected [$want]"; fail=1
        fi
    }
    ids=$(closelab-cli list --format text | cut -d" " -f1 | LC_ALL=C sort | xargs)
    expect "kernel-load kernel-run" closelab-cli k
    expect "compare" closelab-cli co
    expect "$ids" closelab-cli run ""
    expect "lost-final-ack lost-final-ack-no-timewait" closelab-cli kernel-run lost
    expect "--seed --set" closelab-cli run normal-close --se
    expect "linux-4.9 linux-6 rfc793" closelab-cli run normal-close --kernel ""
    expect "csv json" closelab-cli load --format ""
    expect "json text" closelab-cli run x --format ""
    expect "client.net.ipv4.tcp_fin_timeout=" closelab-cli run x --set client.net.ipv4.tcp_fin
    expect "SO_LINGER= SO_REUSEADDR= SO_REUSEPORT=" closelab-cli load --set SO_
    expect "--proc" closelab-cli live --pr
    expect "answer check list show" closelab-cli quiz ""
    expect "--answer" closelab-cli quiz answer q1 --an
    [ $fail -eq 0 ] && echo "ok: bash -n, and 13 completions as expected ($(wc -w <<<"$ids") scenario ids)"
    exit $fail
' sh "$lib" "$file" 2>&1)
rc=$?
echo "$out"
exit $rc
