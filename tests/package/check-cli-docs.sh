#!/usr/bin/env bash
# What the programs accept is what their man pages and the bash completion describe:
#  - every command of `closelab-cli --help`, and every flag of `closelab-cli COMMAND --help`,
#    is in closelab-cli.1 (in that command's section) and completes after that command;
#  - every option of `closelab --help` is in closelab.1;
#  - the option names of src/core/options.cpp (for --set) are in closelab-cli.1 and complete,
#    and the completion offers no name the engine does not know.
set -euo pipefail
cli=$1 app=$2 stage=$3 options_cpp=$4
man_cli=$(zcat "$stage/usr/share/man/man1/closelab-cli.1.gz")
man_app=$(zcat "$stage/usr/share/man/man1/closelab.1.gz")
completion=$stage/usr/share/bash-completion/completions/closelab-cli
# shellcheck disable=SC1090
source "$completion"
fail=0
roff() { printf '%s' "$1" | sed 's/-/\\-/g'; }   # --until-ms -> \-\-until\-ms
flags_of() { { grep -oE -- '--[a-z][a-z0-9-]*' || true; } | sort -u; }
# The flags a command accepts: those of its usage lines and of indented option lines (a flag
# named in running text, such as kernel-load's "not reproducible: --nat", is not one).
accepted_of() {
    awk '/^usage:/ { u = 1; print; next } u && /^ / { print; next } { u = 0 } /^ +--/ { print }' |
        flags_of
}

commands=$("$cli" --help | sed -n '/^Commands:/,/^$/p' | sed -n 's/^  \([a-z][a-z-]*\)  .*/\1/p')
[ -n "$commands" ] || { echo "FAIL: no commands in closelab-cli --help"; exit 1; }
ncommands=0 nflags=0
for cmd in $commands; do
    ncommands=$((ncommands + 1))
    [[ " $_closelab_cli_commands " == *" $cmd "* ]] || { echo "FAIL: completion lacks command $cmd"; fail=1; }
    # The command's man section(s): from `.SS "cmd` to the next .SS/.SH.
    section=$(printf '%s\n' "$man_cli" | awk -v head=".SS \"$(roff "$cmd")" '
        index($0, head) == 1 { on = 1; print; next }
        /^\.S[SH] / { on = 0 }
        on { print }')
    [ -n "$section" ] || { echo "FAIL: closelab-cli.1 has no section for $cmd"; fail=1; continue; }
    help=$("$cli" "$cmd" --help 2>&1 || true)
    keys=$cmd completions=
    if [ "$cmd" = quiz ]; then
        # quiz has sub-commands: their own --help too, completed per sub-command.
        for sub in list show answer check; do
            help+=$'\n'$("$cli" quiz "$sub" --help 2>&1 || true)
        done
        keys="quiz-list quiz-show quiz-answer quiz-check"
    fi
    for key in $keys; do completions+=" $(_closelab_cli_flags "$key" | tr -s ' \n' '  ') "; done
    if [ "$cmd" = quiz ]; then
        # Each "  quiz SUB [--flag ...]" usage line: those flags complete after quiz SUB.
        for sub in list show answer check; do
            subflags=" $(_closelab_cli_flags "quiz-$sub" | tr -s ' \n' '  ') "
            for flag in $(printf '%s\n' "$help" | grep -E "^ +quiz $sub( |\$)" | flags_of); do
                [[ $subflags == *" $flag "* ]] || { echo "FAIL: completion lacks quiz $sub $flag"; fail=1; }
            done
        done
    fi
    accepted=$(printf '%s\n' "$help" | accepted_of)
    for flag in $(printf '%s\n' "$help" | flags_of); do
        nflags=$((nflags + 1))
        if printf '%s\n' "$accepted" | grep -qx -- "$flag" && [[ $completions != *" $flag "* ]]; then
            echo "FAIL: completion lacks $cmd $flag"; fail=1
        fi
        printf '%s\n' "$section" | grep -qF -- "$(roff "$flag")" || {
            echo "FAIL: closelab-cli.1 section $cmd does not describe $flag"; fail=1; }
    done
done
for flag in --help --version; do
    printf '%s\n' "$man_cli" | grep -qF -- "$(roff "$flag")" || { echo "FAIL: closelab-cli.1 lacks $flag"; fail=1; }
done

napp=0
for flag in $("$app" --help | flags_of); do
    napp=$((napp + 1))
    printf '%s\n' "$man_app" | grep -qF -- "$(roff "$flag")" || { echo "FAIL: closelab.1 does not describe $flag"; fail=1; }
done

engine=$(grep -oE 'add\(\{"[^"]+"' "$options_cpp" | sed 's/add({"//; s/"$//' | sort -u)
[ -n "$engine" ] || { echo "FAIL: no option names found in $options_cpp"; exit 1; }
completed=$(printf '%s\n' $_closelab_cli_options | sort -u)
if [ "$engine" != "$completed" ]; then
    echo "FAIL: the completion's --set names differ from $options_cpp (< engine, > completion):"
    diff <(printf '%s\n' "$engine") <(printf '%s\n' "$completed") || true
    fail=1
fi
for name in $engine; do
    printf '%s\n' "$man_cli" | grep -qF -- "$(roff "$name")" || { echo "FAIL: closelab-cli.1 lacks option $name"; fail=1; }
done
[ $fail -eq 0 ] && echo "ok: $ncommands commands, $nflags command flags, $napp app options, $(printf '%s\n' "$engine" | wc -l) option names documented and completed"
exit $fail
